import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import { ROLES, type InvitationCreated, type Role } from '../../api/types';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Button } from '../../components/Button';
import { CopyField } from '../../components/CopyField';
import { SelectField, TextField } from '../../components/Field';
import { fieldError } from '../../lib/errors';

export function absoluteUrl(url: string): string {
  return url.startsWith('/') ? window.location.origin + url : url;
}

/** Owner: invite someone by e-mail with a role; shows the accept link to pass on. */
export function InviteMemberForm({ workspaceId, onInvited }: { workspaceId: string; onInvited: (c: InvitationCreated) => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('editor');
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
      const result = await endpoints.invite(workspaceId, value, role);
      setCreated(result);
      setEmail('');
      onInvited(result);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="invite-title" data-testid="invite-member">
      <h2 id="invite-title" className="card-title">
        {t('members.invite.title')}
      </h2>
      <p className="muted card-lead">{t('members.invite.lead')}</p>
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
          onChange={(v) => setRole(v as Role)}
          options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
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
