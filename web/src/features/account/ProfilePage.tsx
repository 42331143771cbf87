import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import type { Locale } from '../../api/types';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { LANGUAGES } from '../../i18n';
import { fieldError } from '../../lib/errors';
import { useSession, useSignedIn } from '../../session/SessionContext';
import { PasswordForm } from './PasswordForm';

/** /account — name and language; then the password form. */
export function ProfilePage() {
  const { t, i18n } = useTranslation();
  const { user } = useSignedIn();
  const { updateUser, setLanguage } = useSession();
  const [name, setName] = useState(user.name);
  const [locale, setLocale] = useState<Locale>(user.locale ?? (i18n.language === 'nl' ? 'nl' : 'en'));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const [saved, setSaved] = useState(false);

  // The language switch in the top bar saves the locale too: follow it.
  useEffect(() => {
    if (user.locale) setLocale(user.locale);
  }, [user.locale]);

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setSaved(false);
    setError(null);
    if (!name.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    try {
      const { user: updated } = await endpoints.updateAccount({ name: name.trim(), locale });
      updateUser(updated);
      if (locale !== i18n.language) await setLanguage(locale);
      setSaved(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <section className="card" aria-labelledby="profile-title">
        <h2 id="profile-title" className="card-title">
          {t('account.profile.title')}
        </h2>
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          <TextField
            label={t('fields.name')}
            value={name}
            onChange={setName}
            autoComplete="name"
            required
            error={missing ? t('validation.required') : fieldError(error, 'name')}
          />
          <TextField
            label={t('fields.email')}
            value={user.email}
            onChange={() => undefined}
            readOnly
            hint={t('account.profile.emailHint')}
          />
          <SelectField
            label={t('account.profile.language')}
            value={locale}
            onChange={(v) => setLocale(v as Locale)}
            options={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))}
          />
          {error ? <ErrorAlert error={error} /> : null}
          {saved && <Notice>{t('account.profile.saved')}</Notice>}
          <div className="form-actions">
            <Button type="submit" variant="primary" loading={busy}>
              {t('common.save')}
            </Button>
          </div>
        </form>
      </section>
      <PasswordForm />
    </>
  );
}
