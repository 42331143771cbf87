import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../api/types';
import { ErrorAlert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { Dialog } from '../../../components/Dialog';
import { SelectField, TextAreaField, TextField } from '../../../components/Field';
import { inboxSettingsApi, type AssignmentMode, type Team } from '../api';
import { ServerProblems } from '../ServerProblems';
import { BusinessHoursEditor } from './BusinessHoursEditor';
import { ClosedDatesEditor } from './ClosedDatesEditor';
import { SlaEditor } from './SlaEditor';
import { teamProblems } from './teamDraft';
import { formOf, readForm, type TeamFormState } from './teamForm';
import { TeamMembersEditor } from './TeamMembersEditor';

const MODES: AssignmentMode[] = ['manual', 'round_robin', 'least_loaded'];
/** Problems of the form's fixed fields (the boxes' own problems come from reading them). */
const SHAPE_PROBLEMS = new Set(['nameRequired', 'noHours', 'badSpan', 'overlap']);

/** Create or edit a team (owners); others see the same form, read-only. A new team's members are added right after. */
export function TeamDialog({
  workspaceId,
  team,
  people,
  readOnly,
  onClose,
  onSaved,
}: {
  workspaceId: string;
  team: Team | null;
  people: Member[];
  readOnly: boolean;
  onClose: () => void;
  onSaved: (team: Team) => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<TeamFormState>(() => formOf(team));
  const [problems, setProblems] = useState<string[]>([]);
  const [invalidTargets, setInvalidTargets] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const input = form.input;
  const set = (patch: Partial<TeamFormState['input']>) => setForm((f) => ({ ...f, input: { ...f.input, ...patch } }));

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    if (readOnly) return;
    setError(null);
    const read = readForm(form);
    const shape = teamProblems(read.ok ? read.input : form.input).filter((p) => read.ok || SHAPE_PROBLEMS.has(p));
    const found = [...new Set([...(read.ok ? [] : read.problems), ...shape])];
    setInvalidTargets(read.ok ? new Set() : read.invalidTargets);
    setProblems(found);
    if (!read.ok || found.length) return;
    setBusy(true);
    try {
      let saved: Team;
      if (team) saved = await inboxSettingsApi.updateTeam(workspaceId, team.id, { ...read.input, members: read.members });
      else {
        saved = await inboxSettingsApi.createTeam(workspaceId, read.input);
        if (read.members.length) saved = await inboxSettingsApi.updateTeam(workspaceId, saved.id, { ...read.input, members: read.members });
      }
      onSaved(saved);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  const title = readOnly ? input.name || t('inboxSettings.teams.view') : team ? t('inboxSettings.teams.edit') : t('inboxSettings.teams.new');
  return (
    <Dialog
      title={title}
      onClose={busy ? () => undefined : onClose}
      testId="team-dialog"
      footer={
        readOnly ? (
          <Button onClick={onClose}>{t('common.close')}</Button>
        ) : (
          <>
            <Button onClick={onClose} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" form="team-form" variant="primary" loading={busy} data-testid="team-save">
              {t('inboxSettings.teams.save')}
            </Button>
          </>
        )
      }
    >
      <form id="team-form" className="form" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset className="ibx-plain-fieldset" disabled={readOnly}>
          <div className="form">
            <TextField
              label={t('inboxSettings.teams.name')}
              value={input.name}
              onChange={(v) => set({ name: v })}
              maxLength={80}
              required
              error={problems.includes('nameRequired') ? t('inboxSettings.teams.problems.nameRequired') : null}
              data-testid="team-name"
              data-autofocus
            />
            <TextAreaField
              label={t('inboxSettings.teams.description')}
              optional
              optionalText={t('common.optional')}
              value={input.description}
              onChange={(v) => set({ description: v })}
              rows={2}
              maxLength={500}
              data-testid="team-description"
            />
            <BusinessHoursEditor
              timeZone={input.businessHours.timeZone}
              week={input.businessHours.week}
              onChange={(h) => set({ businessHours: { ...input.businessHours, ...h } })}
            />
            <ClosedDatesEditor
              workspaceId={workspaceId}
              dates={input.businessHours.closedDates}
              onChange={(d) => set({ businessHours: { ...input.businessHours, closedDates: d } })}
            />
            <SlaEditor
              targets={form.sla}
              warnPercent={form.warnPercent}
              invalid={invalidTargets}
              onChange={(sla) => setForm((f) => ({ ...f, sla }))}
              onWarnChange={(warnPercent) => setForm((f) => ({ ...f, warnPercent }))}
            />
            <fieldset className="fieldset" data-testid="team-assignment">
              <legend>{t('inboxSettings.teams.assignment.title')}</legend>
              <SelectField
                label={t('inboxSettings.teams.assignment.mode')}
                value={input.assignmentMode}
                onChange={(v) => set({ assignmentMode: v as AssignmentMode })}
                options={MODES.map((m) => ({ value: m, label: t(`inboxSettings.teams.assignment.modes.${m}`) }))}
                hint={t(`inboxSettings.teams.assignment.hints.${input.assignmentMode}`)}
                data-testid="team-assignment-mode"
              />
              <TextField
                label={t('inboxSettings.teams.assignment.limit')}
                hint={t('inboxSettings.teams.assignment.limitHint')}
                type="number"
                inputMode="numeric"
                min={1}
                value={form.defaultLimit}
                onChange={(v) => setForm((f) => ({ ...f, defaultLimit: v }))}
                error={problems.includes('badLimit') ? t('inboxSettings.teams.problems.badLimit') : null}
                data-testid="team-default-limit"
              />
            </fieldset>
            <TeamMembersEditor
              people={people}
              current={team?.members ?? []}
              value={form.members}
              onChange={(members) => setForm((f) => ({ ...f, members }))}
            />
          </div>
        </fieldset>
        {problems.filter((p) => p !== 'nameRequired').length > 0 && (
          <div className="alert alert-error" role="alert" data-testid="team-problems">
            <ul className="ibx-problem-list">
              {problems
                .filter((p) => p !== 'nameRequired')
                .map((p) => (
                  <li key={p}>{t(`inboxSettings.teams.problems.${p}`)}</li>
                ))}
            </ul>
          </div>
        )}
        <ServerProblems error={error} />
        {error && !ServerProblems.handles(error) ? <ErrorAlert error={error} /> : null}
      </form>
    </Dialog>
  );
}
