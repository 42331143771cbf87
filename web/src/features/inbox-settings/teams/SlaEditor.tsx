import { useTranslation } from 'react-i18next';
import type { Priority } from '../api';
import { PRIORITIES_HIGH_FIRST } from './teamDraft';

export interface DurationBoxes {
  hours: string;
  minutes: string;
}

export interface SlaBoxes {
  first: DurationBoxes;
  resolution: DurationBoxes;
}

/** Targets per priority as hours + minutes (blank = no target), and the share after which a clock warns. */
export function SlaEditor({
  targets,
  warnPercent,
  invalid,
  onChange,
  onWarnChange,
}: {
  targets: Record<Priority, SlaBoxes>;
  warnPercent: string;
  invalid: ReadonlySet<string>;
  onChange: (next: Record<Priority, SlaBoxes>) => void;
  onWarnChange: (v: string) => void;
}) {
  const { t } = useTranslation();

  function set(p: Priority, which: keyof SlaBoxes, part: keyof DurationBoxes, value: string): void {
    onChange({ ...targets, [p]: { ...targets[p], [which]: { ...targets[p][which], [part]: value } } });
  }

  function boxes(p: Priority, which: keyof SlaBoxes) {
    const name = `${t(`inboxSettings.priority.${p}`)}, ${t(`inboxSettings.teams.sla.${which}`)}`;
    const bad = invalid.has(`${p}.${which}`);
    return (
      <div className="ibx-duration">
        <input
          type="number"
          inputMode="numeric"
          min={0}
          className="input input-sm"
          value={targets[p][which].hours}
          aria-label={t('inboxSettings.teams.sla.hoursOf', { name })}
          aria-invalid={bad || undefined}
          onChange={(e) => set(p, which, 'hours', e.target.value)}
          data-testid={`team-sla-${p}-${which}-hours`}
        />
        <span aria-hidden="true">{t('inboxSettings.teams.sla.h')}</span>
        <input
          type="number"
          inputMode="numeric"
          min={0}
          max={59}
          className="input input-sm"
          value={targets[p][which].minutes}
          aria-label={t('inboxSettings.teams.sla.minutesOf', { name })}
          aria-invalid={bad || undefined}
          onChange={(e) => set(p, which, 'minutes', e.target.value)}
          data-testid={`team-sla-${p}-${which}-minutes`}
        />
        <span aria-hidden="true">{t('inboxSettings.teams.sla.min')}</span>
      </div>
    );
  }

  return (
    <fieldset className="fieldset" data-testid="team-sla">
      <legend>{t('inboxSettings.teams.sla.title')}</legend>
      <p className="field-hint">{t('inboxSettings.teams.sla.hint')}</p>
      <div className="table-wrap">
        <table className="table table-dense ibx-sla-table">
          <caption className="visually-hidden">{t('inboxSettings.teams.sla.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('inboxSettings.teams.sla.priority')}</th>
              <th scope="col">{t('inboxSettings.teams.sla.first')}</th>
              <th scope="col">{t('inboxSettings.teams.sla.resolution')}</th>
            </tr>
          </thead>
          <tbody>
            {PRIORITIES_HIGH_FIRST.map((p) => (
              <tr key={p}>
                <th scope="row">{t(`inboxSettings.priority.${p}`)}</th>
                <td>{boxes(p, 'first')}</td>
                <td>{boxes(p, 'resolution')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {invalid.size > 0 && <p className="field-error">{t('inboxSettings.teams.sla.invalid')}</p>}
      <label className="ibx-inline-label">
        <span className="field-label">{t('inboxSettings.teams.sla.warnAt')}</span>
        <span className="ibx-percent">
          <input
            type="number"
            inputMode="numeric"
            min={1}
            max={99}
            className="input input-sm"
            value={warnPercent}
            onChange={(e) => onWarnChange(e.target.value)}
            aria-describedby="team-warn-hint"
            data-testid="team-sla-warn"
          />
          <span aria-hidden="true">%</span>
        </span>
      </label>
      <p id="team-warn-hint" className="field-hint">
        {t('inboxSettings.teams.sla.warnHint')}
      </p>
    </fieldset>
  );
}
