import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import type { Channel } from '../../api/types';
import { ErrorAlert } from '../../components/Alert';
import { Icon } from '../../components/Icon';
import { SkeletonRows } from '../../components/Loading';
import { formatDateTime, formatRelative } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { safeLinkUrl } from './channelFormat';

/**
 * "Laatst ontvangen": the latest items that came in on a channel. Everything the platform sent is rendered as
 * text (React escapes it), never as HTML.
 */
export function InboundPanel({ workspaceId, channel, version }: { workspaceId: string; channel: Channel; version: number }) {
  const { t } = useTranslation();
  const inbound = useApi(() => endpoints.channelInbound(workspaceId, channel.id, 20), [workspaceId, channel.id, version]);
  const items = inbound.data?.items ?? [];

  if (inbound.loading && !inbound.data) return <SkeletonRows rows={2} />;
  if (inbound.error) return <ErrorAlert error={inbound.error} onRetry={() => void inbound.reload()} />;
  if (items.length === 0) {
    return (
      <p className="muted small inbound-empty" data-testid="inbound-empty">
        {t('channels.inbound.empty')}
      </p>
    );
  }
  return (
    <ol className="inbound-list" data-testid="inbound-list">
      {items.map(({ id, receivedAt, item }) => {
        const author = item.author?.displayName || item.author?.handle || item.author?.email || t('channels.inbound.unknownAuthor');
        const handle = item.author?.displayName && item.author?.handle ? item.author.handle : null;
        // A practice channel's items live nowhere: no link.
        const link = channel.sandbox ? null : safeLinkUrl(item.url);
        const when = item.createdAt || receivedAt;
        return (
          <li key={id} className="inbound-item">
            <div className="inbound-meta">
              <span className="strong">{author}</span>
              {handle && <span className="muted">{handle}</span>}
              <span className="badge badge-neutral">
                {t(`channels.inbound.kinds.${item.kind}`, { defaultValue: item.kind })}
              </span>
              <time className="muted small" dateTime={when} title={formatDateTime(when)}>
                {formatRelative(when)}
              </time>
            </div>
            {item.subject && <p className="inbound-subject">{item.subject}</p>}
            <p className="inbound-text">{item.text}</p>
            {link && (
              <a className="text-link small" href={link} target="_blank" rel="noopener noreferrer">
                {t('channels.inbound.open', { platform: channel.kindName })}
                <Icon name="link" size={13} />
                <span className="visually-hidden"> {t('common.newWindow')}</span>
              </a>
            )}
          </li>
        );
      })}
    </ol>
  );
}
