import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import { ErrorAlert, Notice } from '../../components/Alert';
import { AuthLayout } from '../../components/AuthLayout';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { Link, navigate, safeNext, useLocation } from '../../router';
import { useSession } from '../../session/SessionContext';

/** /login — e-mail and password; returns to ?next= afterwards. */
export function LoginPage() {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const { search } = useLocation();
  const next = safeNext(search.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [local, setLocal] = useState<{ email?: string; password?: string }>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setError(null);
    const problems: { email?: string; password?: string } = {};
    if (!email.trim()) problems.email = t('validation.required');
    if (!password) problems.password = t('validation.required');
    setLocal(problems);
    if (Object.keys(problems).length) return;
    setBusy(true);
    try {
      await endpoints.login(email.trim(), password);
      await refresh();
      navigate(next ?? '/', { replace: true });
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <AuthLayout
      title={t('login.title')}
      lead={next?.startsWith('/invite/') ? t('login.leadInvite') : t('login.lead')}
    >
      {search.get('oauthError') && (
        <Notice tone="info" testId="login-oauth-notice">
          {t('login.oauthInterrupted')}
        </Notice>
      )}
      <form className="form" onSubmit={(e) => void submit(e)} noValidate data-testid="login-form">
        <TextField
          label={t('fields.email')}
          type="email"
          value={email}
          onChange={setEmail}
          autoComplete="username"
          required
          error={local.email}
        />
        <TextField
          label={t('fields.password')}
          type="password"
          value={password}
          onChange={setPassword}
          autoComplete="current-password"
          required
          error={local.password}
        />
        <div className="form-row-end">
          <Link to="/forgot-password" className="text-link small">
            {t('login.forgot')}
          </Link>
        </div>
        {error ? <ErrorAlert error={error} /> : null}
        <Button type="submit" variant="primary" loading={busy} className="btn-block">
          {t('login.submit')}
        </Button>
      </form>
    </AuthLayout>
  );
}
