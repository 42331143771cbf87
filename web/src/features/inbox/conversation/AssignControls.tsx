import { forwardRef, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../api/types';
import { PRIORITIES, type Priority, type TeamRef } from '../api';

interface SelectBase {
  disabled: boolean;
  busy: boolean;
}

/** Who works on it: the workspace's members (the agency's grouped under its name); empty = nobody. */
export const AssigneeSelect = forwardRef<
  HTMLSelectElement,
  SelectBase & {
    value: string | null;
    currentName: string | null;
    agents: Member[];
    onChange: (userId: string | null) => void;
    /** Offered as "I'll take it" next to the label when given. */
    onTakeIt?: () => void;
  }
>(function AssigneeSelect({ value, currentName, agents, disabled, busy, onChange, onTakeIt }, ref) {
  const { t } = useTranslation();
  const id = useId();
  const own = agents.filter((m) => m.via === 'member' || !m.agency);
  const byAgency = new Map<string, Member[]>();
  for (const m of agents) {
    if (m.via === 'mandate' && m.agency) byAgency.set(m.agency.name, [...(byAgency.get(m.agency.name) ?? []), m]);
  }
  const known = value === null || agents.some((m) => m.userId === value);
  return (
    <div className="conv-control">
      <span className="conv-control-head">
        <label htmlFor={id} className="conv-control-label">
          {t('inbox.header.assignee')}
        </label>
        {onTakeIt && (
          <button type="button" className="link-button conv-take" onClick={onTakeIt} disabled={busy} data-testid="conv-assign-me">
            {t('inbox.header.assignMe')}
          </button>
        )}
      </span>
      <select
        id={id}
        ref={ref}
        className="input select input-sm"
        value={value ?? ''}
        disabled={disabled || busy}
        onChange={(e) => onChange(e.target.value || null)}
        data-testid="conv-assign"
      >
        <option value="">{t('inbox.header.nobody')}</option>
        {!known && value && <option value={value}>{currentName ?? value}</option>}
        {own.map((m) => (
          <option key={m.userId} value={m.userId}>
            {m.name}
          </option>
        ))}
        {[...byAgency.entries()].map(([agency, people]) => (
          <optgroup key={agency} label={agency}>
            {people.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
});

/** The team (queue) it belongs to; empty = none. */
export function TeamSelect({
  value,
  currentName,
  teams,
  disabled,
  busy,
  onChange,
}: SelectBase & { value: string | null; currentName: string | null; teams: TeamRef[]; onChange: (teamId: string | null) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const known = value === null || teams.some((tm) => tm.id === value);
  return (
    <div className="conv-control">
      <label htmlFor={id} className="conv-control-label">
        {t('inbox.header.team')}
      </label>
      <select
        id={id}
        className="input select input-sm"
        value={value ?? ''}
        disabled={disabled || busy}
        onChange={(e) => onChange(e.target.value || null)}
        data-testid="conv-team"
      >
        <option value="">{t('inbox.header.noTeam')}</option>
        {!known && value && <option value={value}>{currentName ?? value}</option>}
        {teams.map((tm) => (
          <option key={tm.id} value={tm.id}>
            {tm.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Low / normal / high / urgent. */
export function PrioritySelect({ value, disabled, busy, onChange }: SelectBase & { value: Priority; onChange: (p: Priority) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="conv-control">
      <label htmlFor={id} className="conv-control-label">
        {t('inbox.header.priority')}
      </label>
      <select
        id={id}
        className="input select input-sm"
        value={value}
        disabled={disabled || busy}
        onChange={(e) => onChange(e.target.value as Priority)}
        data-testid="conv-priority"
        data-priority={value}
      >
        {PRIORITIES.map((p) => (
          <option key={p} value={p}>
            {t(`inbox.priority.${p}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
