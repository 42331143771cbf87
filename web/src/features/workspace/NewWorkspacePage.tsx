import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import type { Ref } from '../../api/types';
import { ErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { PageHeader } from '../../components/PageHeader';
import { fieldError } from '../../lib/errors';
import { navigate } from '../../router';
import { useSession, useSignedIn } from '../../session/SessionContext';

const NEW = '__new__';

/** /workspaces/new — a workspace for an organization you own a workspace of, or for a new organization. */
export function NewWorkspacePage() {
  const { t } = useTranslation();
  const session = useSignedIn();
  const { refresh } = useSession();
  const owned = useMemo(() => {
    const map = new Map<string, Ref>();
    for (const w of session.workspaces) {
      if (w.role === 'owner' && w.via.kind === 'member') map.set(w.organization.id, w.organization);
    }
    return [...map.values()];
  }, [session.workspaces]);
  const [org, setOrg] = useState<string>(owned[0]?.id ?? NEW);
  const [orgName, setOrgName] = useState('');
  const [name, setName] = useState('');
  const [local, setLocal] = useState<{ name?: string; orgName?: string }>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setError(null);
    const problems: { name?: string; orgName?: string } = {};
    if (!name.trim()) problems.name = t('validation.required');
    if (org === NEW && !orgName.trim()) problems.orgName = t('validation.required');
    setLocal(problems);
    if (Object.keys(problems).length) return;
    setBusy(true);
    try {
      const body =
        org === NEW ? { name: name.trim(), organizationName: orgName.trim() } : { name: name.trim(), organizationId: org };
      const { id } = await endpoints.createWorkspace(body);
      await refresh().catch(() => null);
      navigate(`/w/${encodeURIComponent(id)}`);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <div className="page page-narrow">
      <PageHeader title={t('workspaces.new.title')} lead={t('workspaces.new.lead')} />
      <section className="card" aria-labelledby="ws-new-form">
        <h2 id="ws-new-form" className="card-title">
          {t('workspaces.new.formTitle')}
        </h2>
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          {owned.length > 0 && (
            <fieldset className="fieldset">
              <legend>{t('workspaces.new.organization')}</legend>
              {owned.map((o) => (
                <label key={o.id} className="radio-row">
                  <input type="radio" name="org" value={o.id} checked={org === o.id} onChange={() => setOrg(o.id)} />
                  <span>{o.name}</span>
                </label>
              ))}
              <label className="radio-row">
                <input type="radio" name="org" value={NEW} checked={org === NEW} onChange={() => setOrg(NEW)} />
                <span>{t('workspaces.new.newOrganization')}</span>
              </label>
            </fieldset>
          )}
          {org === NEW && (
            <TextField
              label={t('setup.organizationName')}
              value={orgName}
              onChange={setOrgName}
              autoComplete="organization"
              hint={t('setup.organizationHint')}
              required
              error={local.orgName ?? fieldError(error, 'organizationName')}
            />
          )}
          <TextField
            label={t('setup.workspaceName')}
            value={name}
            onChange={setName}
            hint={t('setup.workspaceHint')}
            required
            error={local.name ?? fieldError(error, 'name')}
          />
          {error ? <ErrorAlert error={error} /> : null}
          <div className="form-actions">
            <Button type="submit" variant="primary" loading={busy}>
              {t('workspaces.new.submit')}
            </Button>
          </div>
        </form>
      </section>
    </div>
  );
}
