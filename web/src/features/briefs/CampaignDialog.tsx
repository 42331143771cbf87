import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { TextAreaField, TextField } from '../../components/Field';
import { fieldError } from '../../lib/errors';
import { briefsApi, type Campaign, type CampaignInput } from './api';

/** Create or change a campaign: name, goal, theme and the period it runs. */
export function CampaignDialog({
  workspaceId,
  campaign,
  onClose,
  onSaved,
}: {
  workspaceId: string;
  campaign: Campaign | null;
  onClose: () => void;
  onSaved: (name: string, created: boolean) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(campaign?.name ?? '');
  const [goal, setGoal] = useState(campaign?.goal ?? '');
  const [pillar, setPillar] = useState(campaign?.pillar ?? '');
  const [startsOn, setStartsOn] = useState(campaign?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(campaign?.endsOn ?? '');
  const [local, setLocal] = useState<{ name?: string; endsOn?: string }>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setError(null);
    const problems: { name?: string; endsOn?: string } = {};
    if (!name.trim()) problems.name = t('validation.required');
    if (startsOn && endsOn && endsOn < startsOn) problems.endsOn = t('briefs.campaigns.endsBeforeStart');
    setLocal(problems);
    if (problems.name || problems.endsOn) {
      document.getElementById(problems.name ? 'campaign-name' : 'campaign-ends')?.focus();
      return;
    }
    setBusy(true);
    const body: CampaignInput = { name: name.trim(), goal, pillar: pillar.trim(), startsOn: startsOn || null, endsOn: endsOn || null };
    try {
      if (campaign) await briefsApi.updateCampaign(workspaceId, campaign.id, body);
      else await briefsApi.createCampaign(workspaceId, body);
      onSaved(body.name, !campaign);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  const err = (path: string) => fieldError(error, path);
  const inFields = ['name', 'goal', 'pillar', 'startsOn', 'endsOn'].some((p) => err(p));
  const optional = { optional: true, optionalText: t('common.optional') };

  return (
    <Dialog
      title={campaign ? t('briefs.campaigns.editTitle', { name: campaign.name }) : t('briefs.campaigns.newTitle')}
      description={campaign ? undefined : t('briefs.campaigns.intro')}
      onClose={busy ? () => undefined : onClose}
      testId="campaign-dialog"
    >
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <TextField id="campaign-name" label={t('briefs.campaigns.fields.name')} value={name} onChange={setName} required maxLength={200} autoComplete="off" error={local.name ?? err('name')} data-testid="campaign-name" data-autofocus />
        <TextAreaField label={t('briefs.campaigns.fields.goal')} hint={t('briefs.campaigns.goalHint')} value={goal} onChange={setGoal} maxLength={2000} rows={3} error={err('goal')} data-testid="campaign-goal" {...optional} />
        <TextField label={t('briefs.campaigns.fields.pillar')} hint={t('briefs.campaigns.pillarHint')} value={pillar} onChange={setPillar} maxLength={200} autoComplete="off" error={err('pillar')} data-testid="campaign-pillar" {...optional} />
        <div className="form-grid">
          <TextField type="date" label={t('briefs.campaigns.fields.startsOn')} value={startsOn} onChange={setStartsOn} error={err('startsOn')} data-testid="campaign-starts" {...optional} />
          <TextField id="campaign-ends" type="date" label={t('briefs.campaigns.fields.endsOn')} value={endsOn} onChange={setEndsOn} min={startsOn || undefined} error={local.endsOn ?? err('endsOn')} data-testid="campaign-ends" {...optional} />
        </div>
        {error && !inFields ? <ErrorAlert error={error} /> : null}
        <div className="dialog-footer">
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="primary" loading={busy} data-testid="campaign-submit">
            {campaign ? t('common.save') : t('briefs.campaigns.create')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
