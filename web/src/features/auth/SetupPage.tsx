import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import { ErrorAlert } from '../../components/Alert';
import { AuthLayout } from '../../components/AuthLayout';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { currentLanguage } from '../../i18n';
import { fieldError } from '../../lib/errors';
import { navigate } from '../../router';
import { useSession } from '../../session/SessionContext';

type Key = 'name' | 'email' | 'password' | 'organizationName' | 'workspaceName';
const EMPTY: Record<Key, string> = { name: '', email: '', password: '', organizationName: '', workspaceName: '' };

/** /setup — the first account, its organization and first workspace. */
export function SetupPage() {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const [v, setV] = useState(EMPTY);
  const [local, setLocal] = useState<Partial<Record<Key, string>>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const set = (k: Key) => (value: string) => setV((s) => ({ ...s, [k]: value }));
  const err = (k: Key) => local[k] ?? fieldError(error, k);

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setError(null);
    const problems: Partial<Record<Key, string>> = {};
    for (const k of Object.keys(EMPTY) as Key[]) if (!v[k].trim()) problems[k] = t('validation.required');
    if (v.email && !v.email.includes('@')) problems.email = t('validation.email');
    if (v.password && [...v.password].length < 10) problems.password = t('validation.passwordShort', { count: 10 });
    setLocal(problems);
    if (Object.keys(problems).length) return;
    setBusy(true);
    try {
      const res = await endpoints.setup({
        name: v.name.trim(),
        email: v.email.trim(),
        password: v.password,
        organizationName: v.organizationName.trim(),
        workspaceName: v.workspaceName.trim(),
        locale: currentLanguage(),
      });
      await refresh();
      navigate(`/w/${encodeURIComponent(res.workspaceId)}`, { replace: true });
    } catch (e2) {
      setError(e2);
      setBusy(false);
    }
  }

  return (
    <AuthLayout title={t('setup.title')} lead={t('setup.lead')} wide>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate data-testid="setup-form">
        <fieldset className="fieldset">
          <legend>{t('setup.you')}</legend>
          <TextField label={t('setup.name')} value={v.name} onChange={set('name')} autoComplete="name" required error={err('name')} />
          <TextField
            label={t('fields.email')}
            type="email"
            value={v.email}
            onChange={set('email')}
            autoComplete="email"
            required
            error={err('email')}
          />
          <TextField
            label={t('fields.password')}
            type="password"
            value={v.password}
            onChange={set('password')}
            autoComplete="new-password"
            required
            hint={t('auth.passwordHint')}
            error={err('password')}
          />
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t('setup.organization')}</legend>
          <TextField
            label={t('setup.organizationName')}
            value={v.organizationName}
            onChange={set('organizationName')}
            autoComplete="organization"
            hint={t('setup.organizationHint')}
            required
            error={err('organizationName')}
          />
          <TextField
            label={t('setup.workspaceName')}
            value={v.workspaceName}
            onChange={set('workspaceName')}
            hint={t('setup.workspaceHint')}
            required
            error={err('workspaceName')}
          />
        </fieldset>
        {error ? <ErrorAlert error={error} /> : null}
        <Button type="submit" variant="primary" loading={busy} className="btn-block">
          {t('setup.submit')}
        </Button>
      </form>
    </AuthLayout>
  );
}
