import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Toggle } from '../../components/Field';
import { fieldError } from '../../lib/errors';
import { publishingApi, type OwnWorkNeedsApproval, type PublishingSettings } from './api';
import { TimeZoneField } from './TimeZoneField';

const OWN: OwnWorkNeedsApproval[] = ['all', 'contributors', 'none'];

/** Whose work needs approval before it may leave, and the workspace's time zone. Owners change it; others read it. */
export function ReviewRulesForm({
  workspaceId,
  settings,
  isOwner,
  onSaved,
}: {
  workspaceId: string;
  settings: PublishingSettings;
  isOwner: boolean;
  onSaved: (s: PublishingSettings) => void;
}) {
  const { t } = useTranslation();
  const [agency, setAgency] = useState(settings.reviewRules.agencyWorkNeedsApproval);
  const [own, setOwn] = useState<OwnWorkNeedsApproval>(settings.reviewRules.ownWorkNeedsApproval);
  const [zone, setZone] = useState(settings.timeZone);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const dirty = agency !== settings.reviewRules.agencyWorkNeedsApproval || own !== settings.reviewRules.ownWorkNeedsApproval || zone !== settings.timeZone;

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      onSaved(await publishingApi.update(workspaceId, { reviewRules: { agencyWorkNeedsApproval: agency, ownWorkNeedsApproval: own }, timeZone: zone }));
      setSaved(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="review-rules-title" data-testid="review-rules">
      <div>
        <h2 id="review-rules-title" className="card-title">
          {t('publishing.rules.title')}
        </h2>
        <p className="muted">{t('publishing.rules.lead')}</p>
      </div>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <Toggle
          label={t('publishing.rules.agency')}
          description={t('publishing.rules.agencyHint')}
          checked={agency}
          onChange={(v) => {
            setAgency(v);
            setSaved(false);
          }}
          disabled={!isOwner}
          testId="rules-agency"
        />
        <fieldset className="fieldset" data-testid="rules-own">
          <legend>{t('publishing.rules.own')}</legend>
          {OWN.map((o) => (
            <label key={o} className="radio-row publishing-radio">
              <input
                type="radio"
                name="own-work"
                value={o}
                checked={own === o}
                disabled={!isOwner}
                onChange={() => {
                  setOwn(o);
                  setSaved(false);
                }}
                data-testid={`rules-own-${o}`}
              />
              <span>
                <span className="strong">{t(`publishing.rules.ownOptions.${o}`)}</span>
                <span className="muted small publishing-radio-hint">{t(`publishing.rules.ownHints.${o}`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <p className="small muted">{t('publishing.rules.always')}</p>
        <TimeZoneField
          label={t('publishing.rules.timeZone')}
          hint={t('publishing.rules.timeZoneHint')}
          value={zone}
          onChange={(v) => {
            setZone(v);
            setSaved(false);
          }}
          disabled={!isOwner}
          testId="rules-time-zone"
          error={fieldError(error, 'timeZone')}
        />
        {error ? <ErrorAlert error={error} /> : null}
        {saved && <Notice testId="rules-saved">{t('publishing.rules.saved')}</Notice>}
        {isOwner && (
          <div className="form-actions">
            <Button type="submit" variant="primary" loading={busy} disabled={!dirty} data-testid="rules-save">
              {t('publishing.rules.save')}
            </Button>
          </div>
        )}
      </form>
    </section>
  );
}
