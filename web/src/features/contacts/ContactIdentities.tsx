import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { PlatformIcon } from '../channels/PlatformIcon';
import type { ContactIdentity } from './api';

const who = (i: ContactIdentity) => i.displayName ?? i.handle ?? i.remoteId;

/**
 * Where the contact is known: one identity per channel. Each can be split off into a contact of its own (confirmed),
 * except the only one.
 */
export function ContactIdentities({
  identities,
  mayEdit,
  onSplit,
}: {
  identities: ContactIdentity[];
  mayEdit: boolean;
  onSplit: (identity: ContactIdentity) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [splitting, setSplitting] = useState<ContactIdentity | null>(null);
  const maySplit = mayEdit && identities.length > 1;
  return (
    <section className="card" aria-labelledby="contact-identities-title">
      <h2 id="contact-identities-title" className="card-title">
        {t('contacts.identities.title')} <span className="count">{identities.length}</span>
      </h2>
      {identities.length === 0 ? (
        <p className="muted">{t('contacts.identities.none')}</p>
      ) : (
        <ul className="contact-identities">
          {identities.map((i) => (
            <li key={`${i.channelId}-${i.remoteId}`} className="contact-identity" data-testid="contact-identity" data-channel-id={i.channelId}>
              <PlatformIcon kind={i.channelKind} size={28} />
              <span className="contact-identity-text">
                <span className="strong">{who(i)}</span>
                <span className="small muted">
                  {[i.handle && i.handle !== who(i) ? i.handle : null, i.channelName].filter(Boolean).join(' · ')}
                </span>
              </span>
              {maySplit && (
                <Button size="sm" variant="ghost" onClick={() => setSplitting(i)} data-testid="identity-split" aria-label={t('contacts.identities.splitLabel', { who: who(i), channel: i.channelName })}>
                  {t('contacts.identities.split')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {mayEdit && identities.length === 1 && <p className="small muted">{t('contacts.identities.onlyOne')}</p>}
      {splitting && (
        <ConfirmDialog
          title={t('contacts.identities.confirmTitle')}
          description={t('contacts.identities.confirmText', { who: who(splitting), channel: splitting.channelName })}
          confirmLabel={t('contacts.identities.split')}
          tone="primary"
          testId="split-confirm"
          onConfirm={() => onSplit(splitting)}
          onClose={() => setSplitting(null)}
        />
      )}
    </section>
  );
}
