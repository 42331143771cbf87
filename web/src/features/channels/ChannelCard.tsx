import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import type { Channel } from '../../api/types';
import { Notice } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Icon } from '../../components/Icon';
import { formatDate, formatDateTime, formatRelative } from '../../lib/format';
import { ChannelAvatar } from './ChannelAvatar';
import { ChannelStatusBadge } from './ChannelStatusBadge';
import { channelErrorText } from './channelFormat';
import { InboundPanel } from './InboundPanel';
import { PlatformIcon } from './PlatformIcon';
import { WebformEmbed } from './WebformEmbed';

type Outcome =
  | { kind: 'tested'; ok: boolean }
  | { kind: 'synced'; added: number }
  | { kind: 'error'; error: unknown };

/** One channel: platform, account, status, last sync, what came in lately, and (owner) the actions. */
export function ChannelCard({
  workspaceId,
  channel,
  isOwner,
  onChanged,
  onReload,
  onRename,
  onReconnect,
  onDisconnect,
}: {
  workspaceId: string;
  channel: Channel;
  isOwner: boolean;
  onChanged: (c: Channel) => void;
  onReload: () => void;
  onRename: (c: Channel) => void;
  onReconnect: (c: Channel) => void;
  onDisconnect: (c: Channel) => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<'test' | 'sync' | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [open, setOpen] = useState(false);
  const [version, setVersion] = useState(0);
  const titleId = useId();
  const panelId = useId();
  const disconnected = channel.status === 'disconnected';
  const account = channel.account;
  const accountName = account.displayName || account.handle || channel.name;

  async function test(): Promise<void> {
    setBusy('test');
    setOutcome(null);
    try {
      const c = await endpoints.testChannel(workspaceId, channel.id);
      onChanged(c);
      setOutcome({ kind: 'tested', ok: c.status === 'healthy' });
    } catch (e) {
      setOutcome({ kind: 'error', error: e });
    } finally {
      setBusy(null);
    }
  }

  async function sync(): Promise<void> {
    setBusy('sync');
    setOutcome(null);
    try {
      const r = await endpoints.syncChannel(workspaceId, channel.id);
      onChanged(r.channel);
      setOutcome({ kind: 'synced', added: r.added });
      setVersion((v) => v + 1);
    } catch (e) {
      setOutcome({ kind: 'error', error: e });
      // A failed fetch can change the channel's status (reconnect needed, rate limited): show it.
      onReload();
    } finally {
      setBusy(null);
    }
  }

  return (
    <article
      className={disconnected ? 'channel-card is-disconnected' : 'channel-card'}
      aria-labelledby={titleId}
      data-testid={`channel-card-${channel.kind}`}
      data-channel-id={channel.id}
      data-status={channel.status}
    >
      <header className="channel-head">
        <PlatformIcon kind={channel.kind} />
        <div className="channel-title-block">
          <p className="channel-kind">{channel.kindName}</p>
          <h3 id={titleId} className="channel-name">
            {channel.name}
          </h3>
        </div>
        <ChannelStatusBadge channel={channel} />
      </header>

      {channel.sandbox && (
        <p className="sandbox-label" data-testid="sandbox-label">
          <Icon name="info" size={15} />
          <span>{t('channels.sandboxLabel')}</span>
        </p>
      )}

      {channel.kind === 'webform' && !channel.disconnectedAt && <WebformEmbed channel={channel} />}

      <div className="channel-account">
        <ChannelAvatar name={accountName} url={account.avatarUrl} />
        <div className="channel-account-text">
          <span className="strong">{accountName}</span>
          {account.handle && account.handle !== accountName && <span className="muted small">{account.handle}</span>}
          {account.serviceUrl && <span className="muted small mono-ish">{account.serviceUrl}</span>}
        </div>
      </div>

      {channel.statusDetail && !disconnected && (
        <p className={channel.status === 'healthy' ? 'channel-detail' : 'channel-detail is-warning'} data-testid="channel-detail">
          {channel.statusDetail}
        </p>
      )}

      <dl className="channel-facts">
        {disconnected ? (
          <div>
            <dt>{t('channels.disconnectedAt')}</dt>
            <dd>{formatDate(channel.disconnectedAt)}</dd>
          </div>
        ) : (
          <div>
            <dt>{t('channels.lastSync')}</dt>
            <dd>
              {channel.lastSyncAt ? (
                <time dateTime={channel.lastSyncAt} title={formatDateTime(channel.lastSyncAt)} data-testid="last-sync">
                  {formatRelative(channel.lastSyncAt)}
                </time>
              ) : (
                <span data-testid="last-sync">{t('channels.neverSynced')}</span>
              )}
            </dd>
          </div>
        )}
        <div>
          <dt>{t('channels.connectedAt')}</dt>
          <dd>{formatDate(channel.createdAt)}</dd>
        </div>
      </dl>

      <div className="channel-outcome">
        {outcome?.kind === 'tested' && (
          <Notice tone={outcome.ok ? 'success' : 'warning'} onDismiss={() => setOutcome(null)}>
            {outcome.ok ? t('channels.testOk') : t('channels.testFailed')}
          </Notice>
        )}
        {outcome?.kind === 'synced' && (
          <Notice onDismiss={() => setOutcome(null)}>
            {outcome.added === 0 ? t('channels.syncNone') : t('channels.syncAdded', { count: outcome.added })}
          </Notice>
        )}
      </div>
      {outcome?.kind === 'error' && (
        <div className="alert alert-error" role="alert" data-testid="error-alert">
          <Icon name="alert" />
          <div className="alert-body">
            <span>{channelErrorText(t, outcome.error)}</span>
          </div>
          <button type="button" className="icon-button" onClick={() => setOutcome(null)} aria-label={t('common.dismiss')}>
            <Icon name="x" size={16} />
          </button>
        </div>
      )}

      {isOwner && (
        <div className="channel-actions" role="group" aria-label={t('channels.actionsFor', { name: channel.name })}>
          {disconnected ? (
            <Button size="sm" variant="primary" onClick={() => onReconnect(channel)} data-testid="channel-reconnect">
              {t('channels.actions.reconnect')}
            </Button>
          ) : (
            <>
              {channel.status === 'needs_reconnect' && (
                <Button size="sm" variant="primary" onClick={() => onReconnect(channel)} data-testid="channel-reconnect">
                  {t('channels.actions.reconnect')}
                </Button>
              )}
              <Button size="sm" onClick={() => void test()} loading={busy === 'test'} disabled={busy !== null} data-testid="channel-test">
                {t('channels.actions.test')}
              </Button>
              <Button size="sm" onClick={() => void sync()} loading={busy === 'sync'} disabled={busy !== null} data-testid="channel-sync">
                {t('channels.actions.sync')}
              </Button>
              <Button size="sm" variant="ghost" onClick={() => onRename(channel)} data-testid="channel-rename">
                {t('channels.actions.rename')}
              </Button>
              {channel.status !== 'needs_reconnect' && !channel.sandbox && (
                <Button size="sm" variant="ghost" onClick={() => onReconnect(channel)} data-testid="channel-reconnect">
                  {t('channels.actions.reconnect')}
                </Button>
              )}
              <Button size="sm" variant="danger-ghost" onClick={() => onDisconnect(channel)} data-testid="channel-disconnect">
                {t('channels.actions.disconnect')}
              </Button>
            </>
          )}
        </div>
      )}

      <div className="channel-inbound">
        <button
          type="button"
          className="disclosure"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((o) => !o)}
          data-testid="channel-inbound-toggle"
        >
          <Icon name={open ? 'chevronDown' : 'chevronRight'} size={16} />
          <span>{t('channels.inbound.title')}</span>
        </button>
        <div id={panelId} hidden={!open} className="inbound-panel">
          {open && <InboundPanel workspaceId={workspaceId} channel={channel} version={version} />}
        </div>
      </div>
    </article>
  );
}
