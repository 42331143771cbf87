import { useState } from 'react';
import { Avatar } from '../../components/Avatar';
import { safeImageUrl } from './channelFormat';

/** The account's picture when it is an https: or data: image; otherwise (or when it fails to load) initials. */
export function ChannelAvatar({ name, url, size = 40 }: { name: string; url: string | null; size?: number }) {
  const [failed, setFailed] = useState(false);
  const src = safeImageUrl(url);
  if (!src || failed) return <Avatar name={name} size={size} />;
  return (
    <img
      className="channel-avatar"
      src={src}
      alt=""
      width={size}
      height={size}
      loading="lazy"
      referrerPolicy="no-referrer"
      onError={() => setFailed(true)}
    />
  );
}
