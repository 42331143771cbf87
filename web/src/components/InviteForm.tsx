import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvitationCreated } from '../api/types';
import { fieldError } from '../lib/errors';
import { absoluteUrl } from '../lib/urls';
import { ErrorAlert, Notice } from './Alert';
import { Button } from './Button';
import { CopyField } from './CopyField';
import { SelectField, TextField } from './Field';

export interface InviteFormProps<R extends string> {
  /** Id of the heading, for aria-labelledby. */
  headingId: string;
  testId: string;
  title: string;
  lead: string;
  roles: Array<{ value: R; label: string }>;
  defaultRole: R;
  send(email: string, role: R): Promise<InvitationCreated>;
  onInvited?(created: InvitationCreated): void;
}

/** Invite someone by e-mail with a role (into a workspace or an agency); shows the accept link to pass on. */
export function InviteForm<R extends string>(p: InviteFormProps<R>) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<R>(p.defaultRole);
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
      const result = await p.send(value, role);
      setCreated(result);
      setEmail('');
      p.onInvited?.(result);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby={p.headingId} data-testid={p.testId}>
      <h2 id={p.headingId} className="card-title">
        {p.title}
      </h2>
      <p className="muted card-lead">{p.lead}</p>
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
        <SelectField label={t('fields.role')} value={role} onChange={(v) => setRole(v as R)} options={p.roles} />
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
