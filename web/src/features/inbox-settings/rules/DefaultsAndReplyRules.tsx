import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/Field';
import type { Priority, ReplyRule, ReplyRules, Team } from '../api';
import { PRIORITY_LIST } from './ruleDraft';

const REPLY_RULES: ReplyRule[] = ['all', 'negative', 'none'];

/** Where a message goes when no rule sends it anywhere, and which replies need an approver from the organization. */
export function DefaultsAndReplyRules({
  teams,
  defaultTeamId,
  defaultPriority,
  replyRules,
  onChange,
}: {
  teams: Team[];
  defaultTeamId: string | null;
  defaultPriority: Priority;
  replyRules: ReplyRules;
  onChange: (patch: { defaultTeamId?: string | null; defaultPriority?: Priority; replyRules?: ReplyRules }) => void;
}) {
  const { t } = useTranslation();
  const teamOptions = teams.map((x) => ({ value: x.id, label: x.name }));
  if (defaultTeamId && !teams.some((x) => x.id === defaultTeamId))
    teamOptions.push({ value: defaultTeamId, label: t('inboxSettings.actions.goneTeam') });

  const group = (who: keyof ReplyRules) => (
    <fieldset className="fieldset" data-testid={`reply-rules-${who}`}>
      <legend>{t(`inboxSettings.replyRules.${who}.title`)}</legend>
      {REPLY_RULES.map((r) => (
        <label key={r} className="radio-row publishing-radio">
          <input
            type="radio"
            name={`reply-rules-${who}`}
            value={r}
            checked={replyRules[who] === r}
            onChange={() => onChange({ replyRules: { ...replyRules, [who]: r } })}
            data-testid={`reply-rules-${who}-${r}`}
          />
          <span>
            <span className="strong">{t(`inboxSettings.replyRules.${who}.options.${r}`)}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );

  return (
    <>
      <section className="card" aria-labelledby="ibx-defaults-title" data-testid="inbox-defaults">
        <div>
          <h2 id="ibx-defaults-title" className="card-title">
            {t('inboxSettings.defaults.title')}
          </h2>
          <p className="card-lead">{t('inboxSettings.defaults.lead')}</p>
        </div>
        <div className="form-grid">
          <SelectField
            label={t('inboxSettings.defaults.team')}
            value={defaultTeamId ?? ''}
            placeholder={t('inboxSettings.defaults.noTeam')}
            options={teamOptions}
            onChange={(v) => onChange({ defaultTeamId: v || null })}
            data-testid="default-team"
          />
          <SelectField
            label={t('inboxSettings.defaults.priority')}
            value={defaultPriority}
            options={PRIORITY_LIST.map((p) => ({ value: p, label: t(`inboxSettings.priority.${p}`) }))}
            onChange={(v) => onChange({ defaultPriority: v as Priority })}
            data-testid="default-priority"
          />
        </div>
      </section>
      <section className="card" aria-labelledby="ibx-reply-rules-title" data-testid="inbox-reply-rules">
        <div>
          <h2 id="ibx-reply-rules-title" className="card-title">
            {t('inboxSettings.replyRules.title')}
          </h2>
          <p className="card-lead">{t('inboxSettings.replyRules.lead')}</p>
        </div>
        <div className="ibx-reply-grid">
          {group('agency')}
          {group('own')}
        </div>
        <ul className="ibx-notes small muted">
          <li>{t('inboxSettings.replyRules.mandateNote')}</li>
          <li>{t('inboxSettings.replyRules.codeNote')}</li>
          <li>{t('inboxSettings.replyRules.negativeNote')}</li>
        </ul>
      </section>
    </>
  );
}
