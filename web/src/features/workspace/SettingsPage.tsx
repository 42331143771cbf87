import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { PageHeader } from '../../components/PageHeader';
import { fieldError } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { useSession } from '../../session/SessionContext';
import { useWorkspace } from './WorkspaceContext';

/** /w/:ws/settings — rename the workspace (owner). */
export function SettingsPage() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const { refresh } = useSession();
  const workspace = ws.workspace!;
  const [name, setName] = useState(workspace.name);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const [saved, setSaved] = useState(false);

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
      const updated = await endpoints.renameWorkspace(ws.id, name.trim());
      ws.setWorkspace({ ...workspace, ...updated });
      setSaved(true);
      void refresh().catch(() => undefined);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page page-narrow">
      <PageHeader title={t('settings.title')} lead={t('settings.lead')} />
      <section className="card" aria-labelledby="settings-general">
        <h2 id="settings-general" className="card-title">
          {t('settings.general')}
        </h2>
        <form onSubmit={(e) => void submit(e)} noValidate className="form">
          <TextField
            label={t('settings.name')}
            value={name}
            onChange={setName}
            required
            maxLength={120}
            error={missing ? t('validation.required') : fieldError(error, 'name')}
          />
          <dl className="facts">
            <div>
              <dt>{t('settings.organization')}</dt>
              <dd>{workspace.organization.name}</dd>
            </div>
            <div>
              <dt>{t('settings.created')}</dt>
              <dd>{formatDate(workspace.createdAt)}</dd>
            </div>
          </dl>
          {error ? <ErrorAlert error={error} /> : null}
          {saved && <Notice>{t('settings.saved')}</Notice>}
          <div className="form-actions">
            <Button type="submit" variant="primary" loading={busy}>
              {t('common.save')}
            </Button>
          </div>
        </form>
      </section>
    </div>
  );
}
