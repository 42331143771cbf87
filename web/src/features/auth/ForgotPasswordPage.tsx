import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import { ErrorAlert, Notice } from '../../components/Alert';
import { AuthLayout } from '../../components/AuthLayout';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { Link } from '../../router';

/** /forgot-password — asks for a reset link; never tells whether the account exists. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState(false);

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setError(null);
    if (!email.trim() || !email.includes('@')) {
      setInvalid(email.trim() ? t('validation.email') : t('validation.required'));
      return;
    }
    setInvalid(null);
    setBusy(true);
    try {
      await endpoints.requestReset(email.trim());
      setSent(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthLayout
      title={t('forgot.title')}
      lead={t('forgot.lead')}
      footer={
        <Link to="/login" className="text-link">
          {t('forgot.back')}
        </Link>
      }
    >
      {sent ? (
        <Notice testId="reset-requested">{t('forgot.sent', { email: email.trim() })}</Notice>
      ) : (
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          <TextField
            label={t('fields.email')}
            type="email"
            value={email}
            onChange={setEmail}
            autoComplete="email"
            required
            error={invalid}
          />
          {error ? <ErrorAlert error={error} /> : null}
          <Button type="submit" variant="primary" loading={busy} className="btn-block">
            {t('forgot.submit')}
          </Button>
        </form>
      )}
    </AuthLayout>
  );
}
