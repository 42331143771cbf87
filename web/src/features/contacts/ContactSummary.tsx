import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge';
import { formatRelative } from '../../lib/format';
import type { ContactHit } from './api';

/** A found contact in a line or two: name, VIP, e-mail and handles, how many channels, last activity. */
export function ContactSummary({ hit }: { hit: ContactHit }) {
  const { t } = useTranslation();
  const known = [hit.email, ...hit.handles].filter((x): x is string => !!x);
  return (
    <span className="contact-summary">
      <span className="contact-summary-name">
        <strong>{hit.name}</strong>
        {hit.vip && <Badge tone="amber">{t('contacts.vip')}</Badge>}
      </span>
      {known.length > 0 && <span className="contact-summary-known small muted">{known.join(' · ')}</span>}
      <span className="small muted">
        {t('contacts.channelCount', { count: hit.identityCount })}
        {' · '}
        {hit.lastActivityAt ? t('contacts.lastActive', { when: formatRelative(hit.lastActivityAt) }) : t('contacts.noConversations')}
      </span>
    </span>
  );
}
