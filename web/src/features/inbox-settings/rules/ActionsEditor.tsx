import { useTranslation } from 'react-i18next';
import type { Member } from '../../../api/types';
import { SelectField, TextAreaField } from '../../../components/Field';
import type { Priority, RuleActions, Team } from '../api';
import { ListInput } from '../ListInput';
import { PRIORITY_LIST } from './ruleDraft';

/** What a matching rule does: team, assignee, priority, tags and an automatic acknowledgement. */
export function ActionsEditor({
  actions,
  teams,
  people,
  onChange,
}: {
  actions: RuleActions;
  teams: Team[];
  people: Member[];
  onChange: (a: RuleActions) => void;
}) {
  const { t } = useTranslation();
  const keep = t('inboxSettings.actions.keep');
  const teamOptions = teams.map((x) => ({ value: x.id, label: x.name }));
  if (actions.teamId && !teams.some((x) => x.id === actions.teamId))
    teamOptions.push({ value: actions.teamId, label: t('inboxSettings.actions.goneTeam') });
  const personOptions = people
    .filter((p) => p.role !== 'viewer')
    .map((p) => ({ value: p.userId, label: p.agency ? `${p.name} (${p.agency.name})` : p.name }));
  if (actions.assigneeId && !personOptions.some((p) => p.value === actions.assigneeId))
    personOptions.push({ value: actions.assigneeId, label: t('inboxSettings.actions.gonePerson') });

  return (
    <fieldset className="fieldset ibx-actions" data-testid="rule-actions">
      <legend>{t('inboxSettings.actions.title')}</legend>
      <div className="form-grid">
        <SelectField
          label={t('inboxSettings.actions.team')}
          value={actions.teamId ?? ''}
          placeholder={keep}
          options={teamOptions}
          onChange={(v) => onChange({ ...actions, teamId: v || undefined })}
          data-testid="rule-action-team"
        />
        <SelectField
          label={t('inboxSettings.actions.assignee')}
          value={actions.assigneeId ?? ''}
          placeholder={keep}
          options={personOptions}
          onChange={(v) => onChange({ ...actions, assigneeId: v || undefined })}
          data-testid="rule-action-assignee"
        />
        <SelectField
          label={t('inboxSettings.actions.priority')}
          value={actions.priority ?? ''}
          placeholder={keep}
          options={PRIORITY_LIST.map((p) => ({ value: p, label: t(`inboxSettings.priority.${p}`) }))}
          onChange={(v) => onChange({ ...actions, priority: (v || undefined) as Priority | undefined })}
          data-testid="rule-action-priority"
        />
      </div>
      <ListInput
        label={t('inboxSettings.actions.tags')}
        hint={t('inboxSettings.actions.tagsHint')}
        value={actions.tags ?? []}
        onChange={(tags) => onChange({ ...actions, tags: tags.length ? tags : undefined })}
        testId="rule-action-tags"
        rows={1}
      />
      <TextAreaField
        label={t('inboxSettings.actions.ack')}
        optional
        optionalText={t('common.optional')}
        hint={t('inboxSettings.actions.ackHint')}
        value={actions.autoAcknowledge?.text ?? ''}
        onChange={(text) => onChange({ ...actions, autoAcknowledge: text ? { text } : undefined })}
        rows={3}
        maxLength={2000}
        data-testid="rule-action-ack"
      />
    </fieldset>
  );
}
