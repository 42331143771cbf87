import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextField, Toggle } from '../../components/Field';
import { TagsEditor } from '../inbox/conversation/TagsEditor';
import type { Contact, ContactPatch } from './api';

/** Name (editable), e-mail, VIP and tags of a contact; read-only for those who may not change contacts. */
export function ContactDetails({ contact, mayEdit, onPatch }: { contact: Contact; mayEdit: boolean; onPatch: (patch: ContactPatch) => Promise<void> }) {
  const { t } = useTranslation();
  const [name, setName] = useState(contact.name);
  const [busy, setBusy] = useState<keyof ContactPatch | null>(null);
  const [error, setError] = useState<unknown>(null);
  // The switch moves at once; it goes back should saving fail.
  const [vip, setVip] = useState(contact.vip);
  useEffect(() => setName(contact.name), [contact.id, contact.name]);
  useEffect(() => setVip(contact.vip), [contact.id, contact.vip]);

  async function save(field: keyof ContactPatch, patch: ContactPatch): Promise<boolean> {
    setBusy(field);
    setError(null);
    try {
      await onPatch(patch);
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(null);
    }
  }

  function submitName(e: FormEvent): void {
    e.preventDefault();
    const clean = name.trim();
    if (clean && clean !== contact.name) void save('name', { name: clean });
  }

  return (
    <section className="card" aria-labelledby="contact-details-title">
      <h2 id="contact-details-title" className="card-title">
        {t('contacts.details.title')}
      </h2>
      {mayEdit ? (
        <form className="contact-name-form" onSubmit={submitName}>
          <TextField label={t('contacts.details.name')} value={name} onChange={setName} maxLength={200} required data-testid="contact-name" />
          <Button type="submit" loading={busy === 'name'} disabled={!name.trim() || name.trim() === contact.name} data-testid="contact-save-name">
            {t('contacts.details.saveName')}
          </Button>
        </form>
      ) : (
        <dl className="contact-facts">
          <dt>{t('contacts.details.name')}</dt>
          <dd data-testid="contact-name">{contact.name}</dd>
        </dl>
      )}
      <dl className="contact-facts">
        <dt>{t('contacts.details.email')}</dt>
        <dd>{contact.email ?? <span className="muted">{t('contacts.details.noEmail')}</span>}</dd>
      </dl>
      <Toggle
        label={t('contacts.vip')}
        description={t('contacts.details.vipHint')}
        checked={vip}
        disabled={!mayEdit || busy === 'vip'}
        onChange={(next) => {
          setVip(next);
          void save('vip', { vip: next }).then((ok) => ok || setVip(!next));
        }}
        testId="contact-vip"
      />
      <TagsEditor tags={contact.tags} suggestions={[]} disabled={!mayEdit} busy={busy === 'tags'} onChange={(tags) => save('tags', { tags })} />
      <ErrorAlert error={error} />
    </section>
  );
}
