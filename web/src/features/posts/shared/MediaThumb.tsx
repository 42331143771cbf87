import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediaKind } from '../../../../../src/core/content/media-types';
import { Icon } from '../../../components/Icon';
import { mediaUrl } from '../composer/mediaApi';

/**
 * A fixed-size thumbnail of a stored file: an image, or a muted video still. When the kind is unknown (a saved
 * post) it tries an image first and falls back to a video; a file that cannot be shown becomes an icon.
 * `alt` empty means decorative (the description is shown next to it).
 */
export function MediaThumb({ workspaceId, mediaId, kind, alt, size = 'md' }: { workspaceId: string; mediaId: string; kind?: MediaKind; alt: string; size?: 'sm' | 'md' }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'image' | 'video' | 'broken'>(kind === 'video' ? 'video' : 'image');
  const src = mediaUrl(workspaceId, mediaId);
  const cls = `media-thumb is-${size}`;

  if (mode === 'broken') {
    return (
      <span className={`${cls} is-broken`} role="img" aria-label={t('posts.media.broken')} data-testid="media-thumb">
        <Icon name="file" size={22} />
      </span>
    );
  }
  if (mode === 'video') {
    return (
      <span className={cls} data-testid="media-thumb">
        <video src={src} muted playsInline preload="metadata" aria-label={alt || undefined} aria-hidden={alt ? undefined : true} onError={() => setMode('broken')} />
        <span className="media-thumb-badge" aria-hidden="true">
          {t('posts.media.kind.video')}
        </span>
      </span>
    );
  }
  return (
    <span className={cls} data-testid="media-thumb">
      <img src={src} alt={alt} loading="lazy" decoding="async" onError={() => setMode(kind ? 'broken' : 'video')} />
      {kind === 'gif' && (
        <span className="media-thumb-badge" aria-hidden="true">
          {t('posts.media.kind.gif')}
        </span>
      )}
    </span>
  );
}
