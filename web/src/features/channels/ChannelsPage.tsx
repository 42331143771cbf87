import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import type { Channel } from '../../api/types';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { Icon } from '../../components/Icon';
import { SkeletonRows } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useApi } from '../../lib/useApi';
import { navigate, useLocation } from '../../router';
import { useWorkspace } from '../workspace/WorkspaceContext';
import { ChannelCard } from './ChannelCard';
import { ChooseAccountDialog } from './ChooseAccountDialog';
import { ConnectChannelDialog } from './ConnectChannelDialog';
import { MandateChannelScope } from './MandateChannelScope';
import { forgetReconnect, pendingReconnect } from './pendingReconnect';
import { ProviderNotConfigured } from './ProviderNotConfigured';
import { RenameChannelDialog } from './RenameChannelDialog';

type Connecting = { kind?: string; reconnect?: Channel };

/** What the page says after something happened; translated at render so it follows a language switch. */
type Message =
  | { kind: 'connected'; channelId: string; name?: string }
  | { kind: 'reconnected'; channelId: string; name?: string }
  | { kind: 'disconnected'; name: string }
  | { kind: 'renamed'; name: string }
  | { kind: 'oauthError'; code: string };

/** /w/:ws/channels — "Kanalen": connected accounts, their health, connecting and disconnecting, mandate scope. */
export function ChannelsPage() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const { pathname, search } = useLocation();
  const channels = useApi(() => endpoints.channels(ws.id), [ws.id]);
  const connectors = useApi(ws.isOwner ? () => endpoints.connectors() : null, [ws.isOwner]);
  const mandates = useApi(ws.isOwner ? () => endpoints.mandates(ws.id) : null, [ws.id, ws.isOwner]);
  const [connecting, setConnecting] = useState<Connecting | null>(null);
  const [renaming, setRenaming] = useState<Channel | null>(null);
  const [disconnecting, setDisconnecting] = useState<Channel | null>(null);
  const [message, setMessage] = useState<Message | null>(null);

  // Back from a platform's sign-in page: ?connected=<id> or ?error=<code>. Keep the message, tidy the address.
  // A reconnect started here (remembered for the trip) turns "verbonden" into "opnieuw verbonden".
  const connectedParam = search.get('connected');
  const errorParam = search.get('error') ?? search.get('oauthError');
  useEffect(() => {
    if (!connectedParam && !errorParam) return;
    if (connectedParam) {
      const reconnected = pendingReconnect(ws.id) === connectedParam;
      setMessage({ kind: reconnected ? 'reconnected' : 'connected', channelId: connectedParam });
    } else if (errorParam) setMessage({ kind: 'oauthError', code: errorParam });
    forgetReconnect();
    navigate(pathname, { replace: true });
  }, [connectedParam, errorParam, pathname, ws.id]);

  // Back from a sign-in that manages several accounts: ?choose=<token> opens the account choice. The token stays in
  // the address while the dialog is open (a reload shows it again) and is removed when it closes.
  const chooseToken = search.get('choose');
  const [reconnectingId] = useState(() => pendingReconnect(ws.id));
  useEffect(() => {
    if (chooseToken && !ws.isOwner) dropParam('choose');
  }, [chooseToken, ws.isOwner]);

  function dropParam(name: string): void {
    const rest = new URLSearchParams(search);
    rest.delete(name);
    const q = rest.toString();
    navigate(q ? `${pathname}?${q}` : pathname, { replace: true });
  }

  const all = channels.data?.items ?? [];
  const { active, gone } = useMemo(() => {
    const list = channels.data?.items ?? [];
    return {
      active: list.filter((c) => c.status !== 'disconnected'),
      gone: list.filter((c) => c.status === 'disconnected'),
    };
  }, [channels.data]);
  const hasSandbox = (connectors.data?.items ?? []).some((c) => c.kind === 'sandbox');

  function upsert(c: Channel): void {
    channels.setData((d) => {
      const list = d?.items ?? [];
      return { items: list.some((x) => x.id === c.id) ? list.map((x) => (x.id === c.id ? c : x)) : [c, ...list] };
    });
  }

  function openConnect(opts: Connecting = {}): void {
    setMessage(null);
    setConnecting(opts);
  }

  const connectButton = ws.isOwner ? (
    <Button variant="primary" icon={<Icon name="plus" size={16} />} onClick={() => openConnect()} data-testid="connect-channel">
      {t('channels.connectButton')}
    </Button>
  ) : undefined;

  function cards(list: Channel[]) {
    return (
      <ul className="channel-grid">
        {list.map((c) => (
          <li key={c.id}>
            <ChannelCard
              workspaceId={ws.id}
              channel={c}
              isOwner={ws.isOwner}
              onChanged={upsert}
              onReload={() => void channels.reload()}
              onRename={setRenaming}
              onReconnect={(ch) => openConnect({ kind: ch.kind, reconnect: ch })}
              onDisconnect={setDisconnecting}
            />
          </li>
        ))}
      </ul>
    );
  }

  return (
    <div className="page">
      <PageHeader
        title={t('channels.title')}
        lead={ws.isOwner ? t('channels.lead') : t('channels.leadReadOnly')}
        actions={active.length > 0 ? connectButton : undefined}
      />

      <PageMessage message={message} channels={all} onDismiss={() => setMessage(null)} />

      <section className="section" aria-labelledby="channels-list-title">
        <h2 id="channels-list-title" className="section-title">
          {t('channels.listTitle')}
          {channels.data && <span className="count">{active.length}</span>}
        </h2>
        <div data-testid="channels-list" aria-busy={channels.loading || undefined}>
          {channels.loading && !channels.data ? (
            <SkeletonRows rows={3} />
          ) : channels.error ? (
            <ErrorAlert error={channels.error} onRetry={() => void channels.reload()} />
          ) : active.length === 0 ? (
            <EmptyState
              icon="link"
              title={ws.isOwner ? t('channels.empty.title') : t('channels.empty.titleOther')}
              testId="channels-empty"
              action={
                ws.isOwner ? (
                  <div className="button-row">
                    {connectButton}
                    {hasSandbox && (
                      <Button onClick={() => openConnect({ kind: 'sandbox' })} data-testid="connect-sandbox">
                        {t('channels.empty.sandbox')}
                      </Button>
                    )}
                  </div>
                ) : undefined
              }
            >
              {ws.isOwner ? t('channels.empty.text') : t('channels.empty.textOther')}
            </EmptyState>
          ) : (
            cards(active)
          )}
        </div>
      </section>

      {gone.length > 0 && (
        <section className="section" aria-labelledby="channels-gone-title" data-testid="channels-disconnected">
          <h2 id="channels-gone-title" className="section-title">
            {t('channels.disconnectedTitle')}
            <span className="count">{gone.length}</span>
          </h2>
          <p className="muted section-lead">{t('channels.disconnectedLead')}</p>
          {cards(gone)}
        </section>
      )}

      {ws.isOwner && channels.data && (
        <MandateChannelScope workspaceId={ws.id} channels={all} mandates={mandates} />
      )}

      {connecting && (
        <ConnectChannelDialog
          workspaceId={ws.id}
          connectors={connectors.data?.items ?? []}
          initialKind={connecting.kind}
          reconnect={connecting.reconnect}
          onClose={() => setConnecting(null)}
          onConnected={(c) => {
            upsert(c);
            setConnecting(null);
            setMessage({ kind: connecting.reconnect ? 'reconnected' : 'connected', channelId: c.id, name: c.name });
          }}
        />
      )}
      {chooseToken && ws.isOwner && (
        <ChooseAccountDialog
          key={chooseToken}
          workspaceId={ws.id}
          token={chooseToken}
          reconnectHandle={all.find((c) => c.id === reconnectingId)?.account.handle}
          onClose={() => {
            forgetReconnect();
            dropParam('choose');
          }}
          onChosen={(c) => {
            upsert(c);
            void channels.reload();
            const reconnected = pendingReconnect(ws.id) === c.id;
            forgetReconnect();
            setMessage({ kind: reconnected ? 'reconnected' : 'connected', channelId: c.id, name: c.name });
            dropParam('choose');
          }}
        />
      )}
      {renaming && (
        <RenameChannelDialog
          workspaceId={ws.id}
          channel={renaming}
          onClose={() => setRenaming(null)}
          onRenamed={(c) => {
            upsert(c);
            setMessage({ kind: 'renamed', name: c.name });
          }}
        />
      )}
      {disconnecting && (
        <ConfirmDialog
          testId="disconnect-channel-dialog"
          title={t('channels.disconnect.title', { name: disconnecting.name })}
          description={t('channels.disconnect.text', { platform: disconnecting.kindName })}
          confirmLabel={t('channels.disconnect.confirm')}
          onClose={() => setDisconnecting(null)}
          onConfirm={async () => {
            const c = await endpoints.disconnectChannel(ws.id, disconnecting.id);
            upsert(c);
            setMessage({ kind: 'disconnected', name: c.name });
          }}
        />
      )}
    </div>
  );
}

function PageMessage({
  message,
  channels,
  onDismiss,
}: {
  message: Message | null;
  channels: Channel[];
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  if (!message) return null;
  if (message.kind === 'oauthError') {
    if (message.code === 'ERR_PROVIDER_NOT_CONFIGURED') return <ProviderNotConfigured />;
    return (
      <div className="alert alert-error" role="alert" data-testid="channels-oauth-error">
        <Icon name="alert" />
        <div className="alert-body">
          <span>
            {t(`channels.oauthErrors.${message.code}`, {
              defaultValue: t(`errors.${message.code}`, { defaultValue: t('channels.oauthErrors.generic') }),
            })}
          </span>
        </div>
        <button type="button" className="icon-button" onClick={onDismiss} aria-label={t('common.dismiss')}>
          <Icon name="x" size={16} />
        </button>
      </div>
    );
  }
  let text: string;
  if (message.kind === 'connected') {
    const name = message.name ?? channels.find((c) => c.id === message.channelId)?.name;
    text = name ? t('channels.connectedNotice', { name }) : t('channels.connectedNoticeGeneric');
  } else if (message.kind === 'reconnected') {
    const name = message.name ?? channels.find((c) => c.id === message.channelId)?.name;
    text = name ? t('channels.reconnectedNotice', { name }) : t('channels.reconnectedNoticeGeneric');
  } else if (message.kind === 'disconnected') {
    text = t('channels.disconnect.done', { name: message.name });
  } else {
    text = t('channels.rename.done', { name: message.name });
  }
  return (
    <Notice onDismiss={onDismiss} testId="channels-notice">
      {text}
    </Notice>
  );
}
