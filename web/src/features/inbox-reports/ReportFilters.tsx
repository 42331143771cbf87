import { useTranslation } from 'react-i18next';
import type { Channel } from '../../api/types';
import { SelectField, TextField } from '../../components/Field';
import { lastDays } from './reportFormat';

export interface ReportFilterValue {
  from: string;
  to: string;
  teamId: string;
  channelId: string;
}

const PRESETS = [7, 28, 90] as const;

/** Date range (with 7/28/90-day presets), team and channel. */
export function ReportFilters({
  value,
  today,
  teams,
  channels,
  rangeError,
  onChange,
}: {
  value: ReportFilterValue;
  today: string;
  teams: Array<{ id: string; name: string }>;
  channels: Channel[];
  rangeError: boolean;
  onChange: (v: ReportFilterValue) => void;
}) {
  const { t } = useTranslation();
  const active = PRESETS.find((n) => {
    const r = lastDays(today, n);
    return r.from === value.from && r.to === value.to;
  });

  return (
    <section className="card ibr-filters" aria-label={t('inboxReports.filters.title')} data-testid="report-filters">
      <div className="ibr-presets" role="group" aria-label={t('inboxReports.filters.presets')}>
        {PRESETS.map((n) => (
          <button
            key={n}
            type="button"
            className="ibr-preset"
            aria-pressed={active === n}
            onClick={() => onChange({ ...value, ...lastDays(today, n) })}
            data-testid={`report-preset-${n}`}
          >
            {t('inboxReports.filters.lastDays', { count: n })}
          </button>
        ))}
      </div>
      <div className="ibr-filter-grid">
        <TextField
          label={t('inboxReports.filters.from')}
          type="date"
          value={value.from}
          max={value.to || undefined}
          onChange={(from) => onChange({ ...value, from })}
          error={rangeError ? t('inboxReports.filters.badRange') : null}
          data-testid="report-from"
        />
        <TextField
          label={t('inboxReports.filters.to')}
          type="date"
          value={value.to}
          min={value.from || undefined}
          onChange={(to) => onChange({ ...value, to })}
          data-testid="report-to"
        />
        <SelectField
          label={t('inboxReports.filters.team')}
          value={value.teamId}
          placeholder={t('inboxReports.filters.allTeams')}
          options={teams.map((x) => ({ value: x.id, label: x.name }))}
          onChange={(teamId) => onChange({ ...value, teamId })}
          data-testid="report-team"
        />
        <SelectField
          label={t('inboxReports.filters.channel')}
          value={value.channelId}
          placeholder={t('inboxReports.filters.allChannels')}
          options={channels.map((c) => ({ value: c.id, label: `${c.name} (${c.kindName})` }))}
          onChange={(channelId) => onChange({ ...value, channelId })}
          data-testid="report-channel"
        />
      </div>
    </section>
  );
}
