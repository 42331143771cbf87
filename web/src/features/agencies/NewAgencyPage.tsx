import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import { ErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { PageHeader } from '../../components/PageHeader';
import { fieldError } from '../../lib/errors';
import { navigate } from '../../router';
import { useSession } from '../../session/SessionContext';

/** /agencies/new — create an agency; the creator becomes its admin. */
export function NewAgencyPage() {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const [name, setName] = useState('');
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
      const agency = await endpoints.createAgency(name.trim());
      await refresh().catch(() => null);
      navigate(`/agencies/${encodeURIComponent(agency.id)}`);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <div className="page page-narrow">
      <PageHeader title={t('agencies.new.title')} lead={t('agencies.new.lead')} />
      <section className="card" aria-labelledby="agency-new-form">
        <h2 id="agency-new-form" className="card-title">
          {t('agencies.new.formTitle')}
        </h2>
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          <TextField
            label={t('agencies.new.name')}
            value={name}
            onChange={setName}
            autoComplete="organization"
            maxLength={120}
            required
            hint={t('agencies.new.nameHint')}
            error={missing ? t('validation.required') : fieldError(error, 'name')}
          />
          {error ? <ErrorAlert error={error} /> : null}
          <div className="form-actions">
            <Button type="submit" variant="primary" loading={busy}>
              {t('agencies.new.submit')}
            </Button>
          </div>
        </form>
      </section>
    </div>
  );
}
