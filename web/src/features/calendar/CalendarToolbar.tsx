import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { SelectField } from '../../components/Field';
import { Icon } from '../../components/Icon';
import { Spinner } from '../../components/Loading';
import type { CampaignItem, ChannelItem } from './api';
import { anyFilter, NO_FILTERS, type AuthorFilter, type CalendarFilters } from './entries';
import type { CalendarRoute } from './useCalendarRoute';

/** Previous / today / next, the period's title, and the month-week and calendar-list switches. */
export function CalendarToolbar({
  route,
  title,
  loading,
  onStep,
  onToday,
  onChange,
}: {
  route: CalendarRoute;
  title: string;
  loading: boolean;
  onStep: (step: number) => void;
  onToday: () => void;
  onChange: (patch: Partial<CalendarRoute>) => void;
}) {
  const { t } = useTranslation();
  const unit = route.period === 'month' ? 'Month' : 'Week';
  return (
    <div className="cal-toolbar">
      <div className="cal-nav">
        <button
          type="button"
          className="btn btn-secondary btn-sm cal-step"
          onClick={() => onStep(-1)}
          aria-label={t(`calendar.previous${unit}`)}
          data-testid="calendar-prev"
        >
          <Icon name="chevronRight" size={16} />
        </button>
        <Button size="sm" onClick={onToday} data-testid="calendar-today">
          {t('calendar.today')}
        </Button>
        <button
          type="button"
          className="btn btn-secondary btn-sm"
          onClick={() => onStep(1)}
          aria-label={t(`calendar.next${unit}`)}
          data-testid="calendar-next"
        >
          <Icon name="chevronRight" size={16} />
        </button>
        <h2 className="cal-period-title" aria-live="polite" data-testid="calendar-period-title">
          {title}
        </h2>
        <span className="cal-busy" role="status">
          {loading && (
            <>
              <Spinner />
              <span className="visually-hidden">{t('common.loading')}</span>
            </>
          )}
        </span>
      </div>
      <div className="cal-switches">
        <Segmented
          label={t('calendar.periodLabel')}
          value={route.period}
          options={[
            { value: 'month', label: t('calendar.month'), testId: 'calendar-view-month' },
            { value: 'week', label: t('calendar.week'), testId: 'calendar-view-week' },
          ]}
          onChange={(period) => onChange({ period })}
        />
        <Segmented
          label={t('calendar.layoutLabel')}
          value={route.layout}
          options={[
            { value: 'grid', label: t('calendar.grid'), testId: 'calendar-layout-grid' },
            { value: 'list', label: t('calendar.list.toggle'), testId: 'calendar-layout-list' },
          ]}
          onChange={(layout) => onChange({ layout })}
        />
      </div>
    </div>
  );
}

/** A group of toggle buttons of which one is pressed. */
function Segmented<V extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: V;
  options: { value: V; label: string; testId: string }[];
  onChange: (v: V) => void;
}) {
  return (
    <div className="cal-segmented" role="group" aria-label={label}>
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          className="cal-segmented-option"
          aria-pressed={o.value === value}
          onClick={() => onChange(o.value)}
          data-testid={o.testId}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}

/** Channel, campaign and author organization; applied at once (the period's posts are already loaded). */
export function CalendarFilterBar({
  value,
  channels,
  campaigns,
  timeZone,
  onChange,
}: {
  value: CalendarFilters;
  channels: ChannelItem[];
  campaigns: CampaignItem[];
  timeZone: string;
  onChange: (f: CalendarFilters) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="cal-filters" role="group" aria-label={t('calendar.filters.label')}>
      <SelectField
        label={t('calendar.filters.channel')}
        value={value.channelId}
        onChange={(channelId) => onChange({ ...value, channelId })}
        placeholder={t('calendar.filters.allChannels')}
        options={channels.map((c) => ({ value: c.id, label: c.name }))}
        data-testid="calendar-filter-channel"
      />
      <SelectField
        label={t('calendar.filters.campaign')}
        value={value.campaignId}
        onChange={(campaignId) => onChange({ ...value, campaignId })}
        placeholder={t('calendar.filters.allCampaigns')}
        options={campaigns.map((c) => ({ value: c.id, label: c.name }))}
        data-testid="calendar-filter-campaign"
      />
      <SelectField
        label={t('calendar.filters.author')}
        value={value.author}
        onChange={(author) => onChange({ ...value, author: author as AuthorFilter })}
        placeholder={t('calendar.filters.allAuthors')}
        options={[
          { value: 'own', label: t('calendar.filters.own') },
          { value: 'agency', label: t('calendar.filters.agency') },
        ]}
        data-testid="calendar-filter-author"
      />
      <div className="cal-filters-end">
        {anyFilter(value) && (
          <Button variant="ghost" size="sm" onClick={() => onChange(NO_FILTERS)} data-testid="calendar-filter-reset">
            {t('calendar.filters.reset')}
          </Button>
        )}
        <p className="muted small cal-tz" data-testid="calendar-timezone">
          <Icon name="globe" size={14} />
          <span>{t('calendar.timeZoneNote', { timeZone })}</span>
        </p>
      </div>
    </div>
  );
}
