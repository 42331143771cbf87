import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/Badge';
import { Link } from '../../../router';
import { PlatformIcon } from '../../channels/PlatformIcon';
import { contactPath } from '../../contacts/api';
import { useWorkspace } from '../../workspace/WorkspaceContext';
import type { ConversationDetail } from '../api';
import { ConversationLinks } from '../shared/ConversationLinks';

/** The person behind the conversation: VIP and tags, their identities across channels, their other conversations. */
export function ContactPanel({
  contact,
  hrefForConversation,
}: {
  contact: ConversationDetail['contact'];
  hrefForConversation: (id: string) => string;
}) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  return (
    <section className="side-section" aria-labelledby="contact-title" data-testid="contact-panel">
      <h3 id="contact-title" className="side-title">
        {contact.name} {contact.vip && <Badge tone="amber">{t('inbox.vip')}</Badge>}
      </h3>
      {contact.email && <p className="small muted contact-email">{contact.email}</p>}
      <Link to={contactPath(ws.id, contact.id)} className="contact-open-link" data-testid="open-contact">
        {t('contacts.open')}
      </Link>
      {contact.tags.length > 0 && (
        <ul className="tag-list" aria-label={t('inbox.contact.tags')}>
          {contact.tags.map((tag) => (
            <li key={tag} className="tag-chip">
              {tag}
            </li>
          ))}
        </ul>
      )}

      <h4 className="side-subtitle">{t('inbox.contact.identities')}</h4>
      {contact.identities.length === 0 ? (
        <p className="small muted">{t('inbox.contact.noIdentities')}</p>
      ) : (
        <ul className="identity-list">
          {contact.identities.map((i) => (
            <li key={`${i.channelId}-${i.remoteId}`} className="identity">
              <PlatformIcon kind={i.channelKind} size={20} />
              <span>
                <span className="identity-name">{i.displayName ?? i.handle ?? i.remoteId}</span>
                {i.handle && i.displayName && <span className="muted"> {i.handle}</span>}
                <span className="muted small"> · {i.channelName}</span>
              </span>
            </li>
          ))}
        </ul>
      )}

      <h4 className="side-subtitle">{t('inbox.contact.history')}</h4>
      {contact.history.length === 0 ? (
        <p className="small muted">{t('inbox.contact.noHistory')}</p>
      ) : (
        <ConversationLinks items={contact.history} hrefOf={hrefForConversation} compact testId="contact-history" />
      )}
    </section>
  );
}
