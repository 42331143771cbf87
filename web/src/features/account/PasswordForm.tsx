import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { fieldError } from '../../lib/errors';

/** Change password: current + new + repeat. The server ends the other sessions. */
export function PasswordForm() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setDone(false);
    setError(null);
    const problems: Record<string, string> = {};
    if (!current) problems.current = t('validation.required');
    if (!next) problems.next = t('validation.required');
    if (next && repeat !== next) problems.repeat = t('validation.passwordsDiffer');
    setLocal(problems);
    if (Object.keys(problems).length) return;
    setBusy(true);
    try {
      await endpoints.changePassword(current, next);
      setCurrent('');
      setNext('');
      setRepeat('');
      setDone(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="password-title">
      <h2 id="password-title" className="card-title">
        {t('account.password.title')}
      </h2>
      <p className="muted card-lead">{t('account.password.lead')}</p>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          label={t('account.password.current')}
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={setCurrent}
          required
          error={local.current ?? fieldError(error, 'currentPassword')}
        />
        <TextField
          label={t('account.password.new')}
          type="password"
          autoComplete="new-password"
          value={next}
          onChange={setNext}
          required
          hint={t('auth.passwordHint')}
          error={local.next ?? fieldError(error, 'newPassword')}
        />
        <TextField
          label={t('account.password.repeat')}
          type="password"
          autoComplete="new-password"
          value={repeat}
          onChange={setRepeat}
          required
          error={local.repeat}
        />
        {error ? <ErrorAlert error={error} /> : null}
        {done && <Notice>{t('account.password.done')}</Notice>}
        <div className="form-actions">
          <Button type="submit" variant="primary" loading={busy}>
            {t('account.password.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
