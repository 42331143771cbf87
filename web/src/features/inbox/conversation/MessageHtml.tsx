import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildSrcdoc, hasRemoteImages } from '../emailFrame';
import { sanitizeEmailHtml } from '../sanitizeEmail';

/**
 * An e-mail's HTML, sanitised, inside a sandboxed frame (no scripts, no same origin) with its own policy: remote
 * images stay blocked until the reader clicks "Show images" for this message.
 */
export function MessageHtml({ html, subject }: { html: string; subject: string | null }) {
  const { t } = useTranslation();
  const [images, setImages] = useState(false);
  const withImages = useMemo(() => sanitizeEmailHtml(html, true), [html]);
  const remote = useMemo(() => hasRemoteImages(withImages), [withImages]);
  // Until the reader asks, the frame gets the HTML without remote images; its policy also refuses any left over.
  const srcdoc = useMemo(() => buildSrcdoc(images ? withImages : sanitizeEmailHtml(html, false), images), [html, withImages, images]);
  return (
    <div className="msg-html">
      {remote && !images && (
        <p className="msg-html-images small">
          {t('inbox.message.imagesBlocked')}{' '}
          <button type="button" className="link-button" onClick={() => setImages(true)} data-testid="message-show-images">
            {t('inbox.message.showImages')}
          </button>
        </p>
      )}
      <iframe
        className="msg-html-frame"
        sandbox=""
        srcDoc={srcdoc}
        title={subject ? t('inbox.message.frameTitleSubject', { subject }) : t('inbox.message.frameTitle')}
        referrerPolicy="no-referrer"
        loading="lazy"
        data-testid="message-html-frame"
        data-images={images ? 'shown' : 'blocked'}
      />
    </div>
  );
}
