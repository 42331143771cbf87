import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { formatBytes } from '../posts/composer/media';
import { mediaUrl } from '../posts/composer/mediaApi';
import type { BriefAttachment } from './api';
import { AttachmentThumb } from './AttachmentThumb';
import { kindKey, opensInBrowser } from './attachments';

/**
 * The files attached to a brief: name, kind and size, each a link to the file. Images and video open in a new
 * tab; a document (PDF) is downloaded, never shown inside Regie.
 */
export function BriefAttachments({ workspaceId, attachments }: { workspaceId: string; attachments: BriefAttachment[] }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="card brief-attachments" aria-labelledby="brief-attachments-title" data-testid="brief-attachments">
      <h2 id="brief-attachments-title" className="card-title">
        {t('briefs.attachments.title')}
        {attachments.length > 0 && <span className="muted brief-attachments-count"> ({attachments.length})</span>}
      </h2>
      {attachments.length === 0 ? (
        <p className="muted">{t('briefs.attachments.none')}</p>
      ) : (
        <ul className="brief-attachment-list" role="list">
          {attachments.map((a) => {
            const opens = opensInBrowser(a.kind);
            const kind = t(`briefs.attachments.kind.${kindKey(a.kind)}`);
            const size = formatBytes(a.size, i18n.language);
            return (
              <li key={a.mediaId} className="brief-attachment" data-testid="brief-attachment" data-kind={a.kind}>
                <AttachmentThumb workspaceId={workspaceId} mediaId={a.mediaId} kind={a.kind} />
                <span className="brief-attachment-text">
                  <a
                    href={mediaUrl(workspaceId, a.mediaId)}
                    className="text-link brief-attachment-name"
                    title={a.name}
                    {...(opens ? { target: '_blank', rel: 'noopener noreferrer' } : { download: a.name })}
                    aria-label={t(opens ? 'briefs.attachments.openLabel' : 'briefs.attachments.downloadLabel', { name: a.name, kind, size })}
                    data-testid="brief-attachment-link"
                  >
                    {a.name}
                  </a>
                  <span className="small muted">
                    {kind} · {size}
                  </span>
                </span>
                <span className="brief-attachment-action muted small" aria-hidden="true">
                  <Icon name={opens ? 'link' : 'download'} size={16} />
                  {opens ? t('briefs.attachments.open') : t('briefs.attachments.download')}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
