import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import type { AgencyRole, InvitationCreated } from '../../api/types';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Button } from '../../components/Button';
import { CopyField } from '../../components/CopyField';
import { SelectField, TextField } from '../../components/Field';
import { fieldError } from '../../lib/errors';
import { absoluteUrl } from '../members/InviteMemberForm';

/** Agency admin: invite a colleague as admin or member. */
export function AgencyInviteForm({ agencyId }: { agencyId: string }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<AgencyRole>('member');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [invalid, setInvalid] = useState<string | null>(null);
  const [created, setCreated] = useState<InvitationCreated | null>(null);

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setError(null);
    setCreated(null);
    const value = email.trim();
    if (!value || !value.includes('@')) {
      setInvalid(value ? t('validation.email') : t('validation.required'));
      return;
    }
    setInvalid(null);
    setBusy(true);
    try {
      setCreated(await endpoints.inviteToAgency(agencyId, value, role));
      setEmail('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="agency-invite" data-testid="agency-invite">
      <h2 id="agency-invite" className="card-title">
        {t('agencies.invite.title')}
      </h2>
      <p className="muted card-lead">{t('agencies.invite.lead')}</p>
      <form className="form-inline" onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          label={t('fields.email')}
          type="email"
          autoComplete="off"
          value={email}
          onChange={setEmail}
          required
          error={invalid ?? fieldError(error, 'email')}
        />
        <SelectField
          label={t('fields.role')}
          value={role}
          onChange={(v) => setRole(v as AgencyRole)}
          options={(['member', 'admin'] as const).map((r) => ({ value: r, label: t(`agencyRoles.${r}`) }))}
        />
        <div className="form-inline-action">
          <Button type="submit" variant="primary" loading={busy}>
            {t('members.invite.submit')}
          </Button>
        </div>
      </form>
      {error ? <ErrorAlert error={error} /> : null}
      {created && (
        <div className="stack-sm">
          <Notice testId="invite-created" onDismiss={() => setCreated(null)}>
            {t('members.invite.created', { email: created.invitation.email })}{' '}
            {created.emailSent === true && t('members.invite.emailSent')}
            {created.emailSent === false && t('members.invite.emailNotSent')}
          </Notice>
          <CopyField label={t('members.invite.acceptLink')} value={absoluteUrl(created.acceptUrl)} testId="accept-url" />
        </div>
      )}
    </section>
  );
}
