import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import { MANDATE_ROLES, type Mandate, type Role } from '../../api/types';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Button } from '../../components/Button';
import { SelectField, TextField, Toggle } from '../../components/Field';
import { SkeletonRows } from '../../components/Loading';
import { Link } from '../../router';
import { fieldError } from '../../lib/errors';
import { endOfLocalDayIso, todayInput } from '../../lib/format';
import { useApi } from '../../lib/useApi';

/** Owner: grant a mandate to an agency from the directory, with role, end date and the two approval toggles. */
export function GrantMandateForm({
  workspaceId,
  activeAgencyIds,
  onGranted,
}: {
  workspaceId: string;
  activeAgencyIds: Set<string>;
  onGranted: (m: Mandate) => void;
}) {
  const { t } = useTranslation();
  const directory = useApi(() => endpoints.agencyDirectory(), []);
  const [agencyId, setAgencyId] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [endsAt, setEndsAt] = useState('');
  const [mayPublish, setMayPublish] = useState(false);
  const [mayReply, setMayReply] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const [granted, setGranted] = useState<string | null>(null);

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setError(null);
    setGranted(null);
    if (!agencyId) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    try {
      const m = await endpoints.grantMandate(workspaceId, {
        agencyId,
        role,
        endsAt: endsAt ? endOfLocalDayIso(endsAt) : undefined,
        mayPublishWithoutApproval: mayPublish,
        mayReplyWithoutApproval: mayReply,
      });
      onGranted(m);
      setGranted(m.agency.name);
      setAgencyId('');
      setEndsAt('');
      setMayPublish(false);
      setMayReply(false);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const agencies = directory.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="grant-title" data-testid="grant-mandate">
      <h2 id="grant-title" className="card-title">
        {t('mandates.grant.title')}
      </h2>
      <p className="muted card-lead">{t('mandates.grant.lead')}</p>
      {directory.loading && !directory.data ? (
        <SkeletonRows rows={2} />
      ) : directory.error ? (
        <ErrorAlert error={directory.error} onRetry={() => void directory.reload()} />
      ) : agencies.length === 0 ? (
        <div className="callout">
          <p>{t('mandates.grant.noAgencies')}</p>
          <Link to="/agencies/new" className="text-link">
            {t('mandates.grant.createAgency')}
          </Link>
        </div>
      ) : (
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          <div className="form-grid">
            <SelectField
              label={t('mandates.fields.agency')}
              value={agencyId}
              onChange={setAgencyId}
              placeholder={t('mandates.grant.chooseAgency')}
              required
              error={missing ? t('validation.chooseAgency') : fieldError(error, 'agencyId')}
              options={agencies.map((a) => ({
                value: a.id,
                label: activeAgencyIds.has(a.id) ? `${a.name} (${t('mandates.grant.hasMandate')})` : a.name,
              }))}
            />
            <SelectField
              label={t('fields.role')}
              value={role}
              onChange={(v) => setRole(v as Role)}
              hint={t(`roleDescriptions.${role}`)}
              options={MANDATE_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            />
            <TextField
              label={t('mandates.fields.endsAt')}
              type="date"
              value={endsAt}
              min={todayInput()}
              onChange={setEndsAt}
              optional
              optionalText={t('common.optional')}
              hint={t('mandates.grant.endsAtHint')}
              error={fieldError(error, 'endsAt')}
            />
          </div>
          <fieldset className="fieldset">
            <legend>{t('mandates.grant.approvals')}</legend>
            <Toggle
              label={t('mandates.fields.mayPublish')}
              description={t('mandates.grant.mayPublishHint')}
              checked={mayPublish}
              onChange={setMayPublish}
              testId="may-publish"
            />
            <Toggle
              label={t('mandates.fields.mayReply')}
              description={t('mandates.grant.mayReplyHint')}
              checked={mayReply}
              onChange={setMayReply}
              testId="may-reply"
            />
          </fieldset>
          {error ? <ErrorAlert error={error} /> : null}
          {granted && (
            <Notice onDismiss={() => setGranted(null)}>{t('mandates.grant.done', { agency: granted })}</Notice>
          )}
          <div className="form-actions">
            <Button type="submit" variant="primary" loading={busy}>
              {t('mandates.grant.submit')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
