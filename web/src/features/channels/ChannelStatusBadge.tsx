import { useTranslation } from 'react-i18next';
import type { Channel } from '../../api/types';
import { formatUntil } from './channelFormat';

const TONE: Record<string, string> = {
  healthy: 'green',
  needs_reconnect: 'amber',
  rate_limited: 'amber',
  disconnected: 'neutral',
};

/** Healthy (green), needs reconnecting or rate limited (amber), disconnected (grey). */
export function ChannelStatusBadge({ channel }: { channel: Channel }) {
  const { t } = useTranslation();
  const { status } = channel;
  const label =
    status === 'rate_limited'
      ? channel.rateLimitedUntil
        ? t('channels.status.rate_limited_until', { time: formatUntil(channel.rateLimitedUntil) })
        : t('channels.status.rate_limited')
      : t(`channels.status.${status}`, { defaultValue: status });
  return (
    <span className={`badge badge-${TONE[status] ?? 'neutral'} badge-dot`} data-testid="channel-status" data-status={status}>
      {label}
    </span>
  );
}
