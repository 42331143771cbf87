import { useTranslation } from 'react-i18next';
import type { MediaKind } from '../../../../src/core/content/media-types';
import { Icon } from '../../components/Icon';
import { MediaThumb } from '../posts/shared/MediaThumb';

/**
 * A small fixed-size picture of an attachment, decorative (its name is shown next to it): the image itself, a
 * video still, or a document icon with "PDF" on it.
 */
export function AttachmentThumb({ workspaceId, mediaId, kind }: { workspaceId: string; mediaId: string; kind: MediaKind | null }) {
  const { t } = useTranslation();
  if (kind === 'image' || kind === 'gif' || kind === 'video') {
    return (
      <span className="brief-attachment-thumb" aria-hidden="true">
        <MediaThumb workspaceId={workspaceId} mediaId={mediaId} kind={kind} alt="" size="sm" />
      </span>
    );
  }
  return (
    <span className="brief-attachment-thumb is-file" aria-hidden="true">
      <Icon name="file" size={22} />
      {kind === 'document' && <span className="brief-attachment-thumb-label">{t('briefs.attachments.kind.document')}</span>}
    </span>
  );
}
