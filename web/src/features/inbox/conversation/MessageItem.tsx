import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/Badge';
import { Icon } from '../../../components/Icon';
import { Loading } from '../../../components/Loading';
import { enc } from '../../../api/client';
import { formatDateTime } from '../../../lib/format';
import { formatBytes } from '../../posts/composer/media';
import { useWorkspace } from '../../workspace/WorkspaceContext';
import type { Message } from '../api';
import { safeHttpUrl } from '../linkify';
import { SentimentBadge } from '../shared/Badges';
import { LinkifiedText } from '../shared/LinkifiedText';

const MessageHtml = lazy(() => import('./MessageHtml').then((m) => ({ default: m.MessageHtml })));

/**
 * One message. Inbound: the contact's name and handle. Outbound: who wrote it, from which organization, and for
 * whom it spoke. Text is shown as text; an e-mail's HTML only on request, in a sandboxed frame.
 */
export function MessageItem({ message: m, organizationName }: { message: Message; organizationName: string }) {
  const { t, i18n } = useTranslation();
  const ws = useWorkspace();
  const [view, setView] = useState<'text' | 'html'>('text');
  const link = safeHttpUrl(m.url);
  const a = m.author;
  return (
    <li className={`msg msg-${m.direction}`} data-testid="message" data-direction={m.direction} data-message-id={m.id}>
      <div className="msg-head">
        {a.type === 'contact' ? (
          <span className="msg-author">
            <strong>{a.name}</strong>
            {a.handle && <span className="muted"> {a.handle}</span>}
          </span>
        ) : (
          <span className="msg-author">
            <strong>{a.name}</strong>
            {a.orgName && <span className="muted"> · {a.orgName}</span>}
            {a.isAgency && <Badge tone="violet">{t('inbox.message.agency')}</Badge>}
            {organizationName && a.orgName !== organizationName && (
              <span className="muted small"> · {t('inbox.message.onBehalfOf', { org: organizationName })}</span>
            )}
          </span>
        )}
        <time className="msg-time small muted" dateTime={m.createdAt}>
          {formatDateTime(m.createdAt)}
        </time>
        {m.direction === 'in' && <SentimentBadge sentiment={m.sentiment} />}
      </div>
      {m.subject && <p className="msg-subject">{m.subject}</p>}
      {m.html && (
        <div className="msg-view-toggle" role="group" aria-label={t('inbox.message.viewLabel')}>
          <button type="button" className="seg-button" aria-pressed={view === 'text'} onClick={() => setView('text')}>
            {t('inbox.message.viewText')}
          </button>
          <button type="button" className="seg-button" aria-pressed={view === 'html'} onClick={() => setView('html')} data-testid="message-view-html">
            {t('inbox.message.viewHtml')}
          </button>
        </div>
      )}
      {m.html && view === 'html' ? (
        <Suspense fallback={<Loading />}>
          <MessageHtml html={m.html} subject={m.subject} />
        </Suspense>
      ) : (
        <LinkifiedText className="msg-text" text={m.text} />
      )}
      {m.attachments && m.attachments.length > 0 && (
        <ul className="msg-attachments" aria-label={t('inbox.message.attachments')}>
          {m.attachments.map((a) => (
            <li key={a.index}>
              {/* A download only: an inbound file is never shown in the page. */}
              <a
                className="msg-attachment"
                href={`/api/workspaces/${enc(ws.id)}/inbox/messages/${enc(m.id)}/attachments/${a.index}`}
                download={a.name}
                rel="noopener"
                data-testid="message-attachment"
              >
                <Icon name="download" size={14} />
                <span>{a.name}</span>
                <span className="muted">{formatBytes(a.size, i18n.language)}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
      {link && (
        <a className="msg-link small" href={link} target="_blank" rel="noopener noreferrer nofollow ugc">
          {t('inbox.message.open')}
        </a>
      )}
    </li>
  );
}
