import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../api/types';
import { PlatformIcon } from '../../channels/PlatformIcon';

/** A channel as "<platform icon> name", with the platform written out for screen readers. */
export function ChannelName({ channel, size = 20, showHandle = false }: { channel: Channel | undefined; size?: number; showHandle?: boolean }) {
  const { t } = useTranslation();
  if (!channel) {
    return <span className="post-channel muted">{t('posts.channelGone')}</span>;
  }
  return (
    <span className="post-channel" data-kind={channel.kind}>
      <PlatformIcon kind={channel.kind} size={size} />
      <span className="post-channel-text">
        <span className="visually-hidden">{channel.kindName}: </span>
        <span className="post-channel-name">{channel.name}</span>
        {showHandle && channel.account.handle && <span className="post-channel-handle muted">{channel.account.handle}</span>}
      </span>
    </span>
  );
}
