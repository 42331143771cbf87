import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import type { ExpertMessage } from './api';

/**
 * The conversation the expert is asked about, oldest first. Messages come from outside and are shown as plain text
 * only (React escapes them; line breaks are kept by CSS).
 */
export function ExpertConversation({ messages, organizationName }: { messages: ExpertMessage[]; organizationName: string }) {
  const { t } = useTranslation();
  return (
    <section className="expert-section" aria-labelledby="expert-conversation-title">
      <h2 id="expert-conversation-title" className="expert-heading">
        {t('expert.conversation')}
      </h2>
      {messages.length === 0 ? (
        <p className="muted">{t('expert.noMessages')}</p>
      ) : (
        <ol className="expert-messages" data-testid="expert-messages">
          {messages.map((m, i) => (
            <li key={i} className={m.direction === 'in' ? 'expert-message is-in' : 'expert-message is-out'} data-direction={m.direction}>
              <div className="expert-message-head">
                <span className="strong">{m.authorName}</span>
                <span className="muted small">
                  {m.direction === 'in' ? t('expert.fromContact') : t('expert.fromOrganization', { name: organizationName })}
                  {' · '}
                  <time dateTime={m.createdAt}>{formatDateTime(m.createdAt)}</time>
                </span>
              </div>
              <p className="expert-message-text">{m.text}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
