import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import type { ApiToken } from '../../api/types';
import { ErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { fieldError } from '../../lib/errors';

const EXPIRY = ['30', '90', '365', 'never'] as const;

/** Create a personal API token: name + expiry. The secret goes up to the page to show once. */
export function CreateTokenForm({ onCreated }: { onCreated: (token: ApiToken, secret: string) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [expiry, setExpiry] = useState<string>('90');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setError(null);
    if (!name.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    try {
      const res = await endpoints.createToken(name.trim(), expiry === 'never' ? undefined : Number(expiry));
      onCreated(res.token, res.secret);
      setName('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form-inline" onSubmit={(e) => void submit(e)} noValidate data-testid="create-token">
      <TextField
        label={t('account.tokens.name')}
        value={name}
        onChange={setName}
        placeholder={t('account.tokens.namePlaceholder')}
        maxLength={100}
        required
        error={missing ? t('validation.required') : fieldError(error, 'name')}
      />
      <SelectField
        label={t('account.tokens.expiry')}
        value={expiry}
        onChange={setExpiry}
        options={EXPIRY.map((d) => ({
          value: d,
          label: d === 'never' ? t('account.tokens.never') : t('account.tokens.days', { count: Number(d) }),
        }))}
      />
      <div className="form-inline-action">
        <Button type="submit" variant="primary" loading={busy}>
          {t('account.tokens.create')}
        </Button>
      </div>
      {error && !fieldError(error, 'name') ? (
        <div className="form-inline-full">
          <ErrorAlert error={error} />
        </div>
      ) : null}
    </form>
  );
}
