import { useTranslation } from 'react-i18next';
import { formatRelative } from '../../lib/format';
import { Link } from '../../router';
import { PlatformIcon } from '../channels/PlatformIcon';
import { conversationPath, type ContactConversation } from './api';

/** The contact's conversations on every channel, newest first, each opening in the inbox. */
export function ContactConversations({ workspaceId, conversations }: { workspaceId: string; conversations: ContactConversation[] }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="contact-conversations-title">
      <h2 id="contact-conversations-title" className="card-title">
        {t('contacts.conversations.title')} <span className="count">{conversations.length}</span>
      </h2>
      {conversations.length === 0 ? (
        <p className="muted">{t('contacts.conversations.none')}</p>
      ) : (
        <ul className="contact-conversations">
          {conversations.map((c) => (
            <li key={c.id}>
              <Link to={conversationPath(workspaceId, c.id)} className="contact-conversation" data-testid="contact-conversation">
                <PlatformIcon kind={c.channelKind} size={24} />
                <span className="contact-conversation-text">
                  <span className="contact-conversation-subject">{c.subject || c.preview || t('contacts.conversations.noText')}</span>
                  <span className="small muted">
                    {c.channelName} · {t(`inbox.status.${c.status}`)} · {formatRelative(c.lastMessageAt)}
                  </span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
