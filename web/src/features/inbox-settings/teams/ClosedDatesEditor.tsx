import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Notice } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { Icon } from '../../../components/Icon';
import { formatDate } from '../../../lib/format';
import { currentLanguage } from '../../../i18n';
import { inboxSettingsApi } from '../api';
import { addClosedDates } from './teamDraft';

/** The dates a team is closed all day; Dutch public holidays of a year can be added in one go. */
export function ClosedDatesEditor({ workspaceId, dates, onChange }: { workspaceId: string; dates: string[]; onChange: (d: string[]) => void }) {
  const { t } = useTranslation();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [date, setDate] = useState('');
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [added, setAdded] = useState<number | null>(null);

  async function addHolidays(): Promise<void> {
    setBusy(true);
    setError(null);
    setAdded(null);
    try {
      const list = await inboxSettingsApi.holidays(workspaceId, year);
      const lang = currentLanguage();
      setNames((m) => new Map([...m, ...list.map((h) => [h.date, h.name[lang]] as const)]));
      const next = addClosedDates(
        dates,
        list.map((h) => h.date),
      );
      onChange(next.dates);
      setAdded(next.added);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  function addOne(): void {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
    onChange(addClosedDates(dates, [date]).dates);
    setDate('');
  }

  return (
    <fieldset className="fieldset" data-testid="team-closed-dates">
      <legend>{t('inboxSettings.teams.closed.title')}</legend>
      <p className="field-hint">{t('inboxSettings.teams.closed.hint')}</p>
      <div className="ibx-inline-controls">
        <label className="ibx-inline-label">
          <span className="field-label">{t('inboxSettings.teams.closed.year')}</span>
          <input
            type="number"
            className="input input-sm ibx-year"
            min={2014}
            max={2100}
            value={year}
            onChange={(e) => setYear(Number(e.target.value) || new Date().getFullYear())}
          />
        </label>
        <Button size="sm" onClick={() => void addHolidays()} loading={busy} data-testid="team-add-holidays">
          {t('inboxSettings.teams.closed.addHolidays', { year })}
        </Button>
      </div>
      {added !== null && (
        <Notice tone="info" onDismiss={() => setAdded(null)}>
          {t('inboxSettings.teams.closed.added', { count: added })}
        </Notice>
      )}
      <ErrorAlert error={error} />
      <div className="ibx-inline-controls">
        <label className="ibx-inline-label">
          <span className="field-label">{t('inboxSettings.teams.closed.date')}</span>
          <input type="date" className="input input-sm" value={date} onChange={(e) => setDate(e.target.value)} data-testid="team-closed-date" />
        </label>
        <Button size="sm" onClick={addOne} disabled={!date}>
          {t('inboxSettings.teams.closed.addDate')}
        </Button>
      </div>
      {dates.length === 0 ? (
        <p className="muted small">{t('inboxSettings.teams.closed.none')}</p>
      ) : (
        <ul className="ibx-chips" role="list" aria-label={t('inboxSettings.teams.closed.title')}>
          {dates.map((d) => {
            const label = `${formatDate(`${d}T12:00:00`)}${names.get(d) ? ` · ${names.get(d)}` : ''}`;
            return (
              <li key={d} className="ibx-chip">
                <span>{label}</span>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('inboxSettings.teams.closed.remove', { date: label })}
                  onClick={() => onChange(dates.filter((x) => x !== d))}
                >
                  <Icon name="x" size={14} />
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}
