import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import { ErrorAlert, Notice } from '../../components/Alert';
import { AuthLayout } from '../../components/AuthLayout';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { Link } from '../../router';

/** /reset-password?token=… — choose a new password. */
export function ResetPasswordPage({ token }: { token: string | null }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [local, setLocal] = useState<{ password?: string; repeat?: string }>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setError(null);
    const problems: { password?: string; repeat?: string } = {};
    if (!password) problems.password = t('validation.required');
    else if ([...password].length < 10) problems.password = t('validation.passwordShort', { count: 10 });
    if (password && repeat !== password) problems.repeat = t('validation.passwordsDiffer');
    setLocal(problems);
    if (Object.keys(problems).length || !token) return;
    setBusy(true);
    try {
      await endpoints.confirmReset(token, password);
      setDone(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const toLogin = (
    <Link to="/login" className="text-link">
      {t('forgot.back')}
    </Link>
  );

  if (!token) {
    return (
      <AuthLayout title={t('reset.title')} footer={toLogin}>
        <div className="alert alert-error" role="alert">
          <div className="alert-body">{t('errors.ERR_RESET_TOKEN_INVALID')}</div>
        </div>
        <p>
          <Link to="/forgot-password" className="text-link">
            {t('reset.requestNew')}
          </Link>
        </p>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title={t('reset.title')} lead={done ? undefined : t('reset.lead')} footer={toLogin}>
      {done ? (
        <>
          <Notice testId="reset-done">{t('reset.done')}</Notice>
          <Link to="/login" className="btn btn-primary btn-block">
            {t('login.submit')}
          </Link>
        </>
      ) : (
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          <TextField
            label={t('reset.new')}
            type="password"
            value={password}
            onChange={setPassword}
            autoComplete="new-password"
            required
            hint={t('auth.passwordHint')}
            error={local.password}
          />
          <TextField
            label={t('reset.repeat')}
            type="password"
            value={repeat}
            onChange={setRepeat}
            autoComplete="new-password"
            required
            error={local.repeat}
          />
          {error ? <ErrorAlert error={error} /> : null}
          <Button type="submit" variant="primary" loading={busy} className="btn-block">
            {t('reset.submit')}
          </Button>
        </form>
      )}
    </AuthLayout>
  );
}
