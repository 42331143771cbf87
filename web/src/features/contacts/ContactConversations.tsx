import { useTranslation } from 'react-i18next';
import { ConversationLinks } from '../inbox/shared/ConversationLinks';
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
        <ConversationLinks items={conversations} hrefOf={(id) => conversationPath(workspaceId, id)} />
      )}
    </section>
  );
}
