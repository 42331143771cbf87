import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Icon } from '../../../components/Icon';
import { TimeZoneField } from '../../publishing/TimeZoneField';
import type { WeekSpan } from '../api';
import { WEEKDAYS } from '../rules/ruleDraft';
import { endForInput, endFromInput } from './teamDraft';

/** The week of a team: its time zone and, per weekday, one or more opening spans (none = closed that day). */
export function BusinessHoursEditor({
  timeZone,
  week,
  onChange,
}: {
  timeZone: string;
  week: WeekSpan[];
  onChange: (next: { timeZone: string; week: WeekSpan[] }) => void;
}) {
  const { t } = useTranslation();
  const setWeek = (next: WeekSpan[]) => onChange({ timeZone, week: next });

  function update(span: WeekSpan, patch: Partial<WeekSpan>): void {
    setWeek(week.map((s) => (s === span ? { ...s, ...patch } : s)));
  }

  function add(day: number): void {
    const own = week.filter((s) => s.day === day);
    const last = own[own.length - 1];
    const span = last && last.to !== '24:00' && last.to < '23:00' ? { day, from: last.to, to: '24:00' } : { day, from: '09:00', to: '17:00' };
    setWeek([...week, span]);
  }

  return (
    <fieldset className="fieldset" data-testid="team-hours">
      <legend>{t('inboxSettings.teams.hours.title')}</legend>
      <p className="field-hint">{t('inboxSettings.teams.hours.hint')}</p>
      <TimeZoneField
        label={t('inboxSettings.teams.hours.timeZone')}
        value={timeZone}
        onChange={(z) => onChange({ timeZone: z, week })}
        testId="team-time-zone"
      />
      <ul className="ibx-week" role="list">
        {WEEKDAYS.map((day) => {
          const dayName = t(`inboxSettings.days.${day}`);
          const spans = week.filter((s) => s.day === day);
          return (
            <li key={day} className="ibx-week-day" data-day={day}>
              <span className="ibx-week-name strong">{dayName}</span>
              <div className="ibx-week-spans">
                {spans.length === 0 && <span className="muted">{t('inboxSettings.teams.hours.closed')}</span>}
                {spans.map((s, i) => {
                  const where = t('inboxSettings.teams.hours.spanName', { day: dayName, n: i + 1 });
                  return (
                    <div key={i} className="ibx-span">
                      <input
                        type="time"
                        className="input input-sm"
                        value={s.from}
                        aria-label={t('inboxSettings.teams.hours.from', { where })}
                        onChange={(e) => update(s, { from: e.target.value })}
                      />
                      <span aria-hidden="true">–</span>
                      <input
                        type="time"
                        className="input input-sm"
                        value={endForInput(s.to)}
                        aria-label={t('inboxSettings.teams.hours.to', { where })}
                        onChange={(e) => update(s, { to: endFromInput(e.target.value) })}
                      />
                      <button
                        type="button"
                        className="icon-button"
                        aria-label={t('inboxSettings.teams.hours.remove', { where })}
                        onClick={() => setWeek(week.filter((x) => x !== s))}
                      >
                        <Icon name="x" size={16} />
                      </button>
                    </div>
                  );
                })}
              </div>
              <Button
                size="sm"
                variant="ghost"
                icon={<Icon name="plus" size={14} />}
                onClick={() => add(day)}
                aria-label={t('inboxSettings.teams.hours.addFor', { day: dayName })}
              >
                {t('inboxSettings.teams.hours.add')}
              </Button>
            </li>
          );
        })}
      </ul>
      <p className="small muted">{t('inboxSettings.teams.hours.midnight')}</p>
    </fieldset>
  );
}
