import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../api/types';
import { SelectField, TextField } from '../../../components/Field';
import { Icon } from '../../../components/Icon';
import { PRIORITIES, SENTIMENTS, type TeamRef } from '../api';
import { activeFilterCount, clearedFilters, type InboxFilters } from '../filters';

const STATUS_FILTERS = ['active', 'open', 'pending', 'snoozed', 'resolved'] as const;
const SLA_FILTERS = ['breached', 'warning', 'ok', 'none'] as const;

/** Channel, status, team, tag, sentiment, SLA state and priority; folded away behind a button with the active count. */
export function FiltersPanel({
  filters,
  onChange,
  channels,
  teams,
  knownTags,
  defaultOpen,
}: {
  filters: InboxFilters;
  onChange: (f: InboxFilters) => void;
  channels: Channel[];
  teams: TeamRef[];
  knownTags: string[];
  defaultOpen: boolean;
}) {
  const { t } = useTranslation();
  const panelId = useId();
  const tagsListId = useId();
  const active = activeFilterCount(filters);
  const [open, setOpen] = useState(defaultOpen || active > 0);
  const [tag, setTag] = useState(filters.tag);
  useEffect(() => setTag(filters.tag), [filters.tag]);

  const set = <K extends keyof InboxFilters>(key: K, value: InboxFilters[K]) => onChange({ ...filters, [key]: value });
  const any = t('inbox.filters.any');

  return (
    <div className="inbox-filters">
      <div className="inbox-filters-bar">
        <button
          type="button"
          className="inbox-filters-toggle"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((o) => !o)}
          data-testid="inbox-filters-toggle"
        >
          <Icon name={open ? 'chevronDown' : 'chevronRight'} size={16} />
          {t('inbox.filters.title')}
          {active > 0 && <span className="count">{active}</span>}
        </button>
        {active > 0 && (
          <button type="button" className="link-button small" onClick={() => onChange(clearedFilters(filters))} data-testid="inbox-filters-clear">
            {t('inbox.filters.clear')}
          </button>
        )}
      </div>
      <div id={panelId} className="inbox-filters-grid" hidden={!open}>
        <SelectField
          label={t('inbox.filters.status')}
          value={filters.status}
          onChange={(v) => set('status', v as InboxFilters['status'])}
          options={STATUS_FILTERS.map((s) => ({ value: s, label: t(`inbox.statusFilter.${s}`) }))}
          data-testid="inbox-filter-status"
        />
        <SelectField
          label={t('inbox.filters.channel')}
          value={filters.channelId}
          onChange={(v) => set('channelId', v)}
          placeholder={any}
          options={channels.map((c) => ({ value: c.id, label: c.name }))}
          data-testid="inbox-filter-channel"
        />
        <SelectField
          label={t('inbox.filters.team')}
          value={filters.teamId}
          onChange={(v) => set('teamId', v)}
          placeholder={any}
          options={teams.map((tm) => ({ value: tm.id, label: tm.name }))}
          data-testid="inbox-filter-team"
        />
        <SelectField
          label={t('inbox.filters.priority')}
          value={filters.priority}
          onChange={(v) => set('priority', v as InboxFilters['priority'])}
          placeholder={any}
          options={PRIORITIES.map((p) => ({ value: p, label: t(`inbox.priority.${p}`) }))}
          data-testid="inbox-filter-priority"
        />
        <SelectField
          label={t('inbox.filters.sentiment')}
          value={filters.sentiment}
          onChange={(v) => set('sentiment', v as InboxFilters['sentiment'])}
          placeholder={any}
          options={SENTIMENTS.map((s) => ({ value: s, label: t(`inbox.sentiment.${s}`) }))}
          data-testid="inbox-filter-sentiment"
        />
        <SelectField
          label={t('inbox.filters.sla')}
          value={filters.sla}
          onChange={(v) => set('sla', v as InboxFilters['sla'])}
          placeholder={any}
          options={SLA_FILTERS.map((s) => ({ value: s, label: t(`inbox.slaFilter.${s}`) }))}
          data-testid="inbox-filter-sla"
        />
        <TextField
          label={t('inbox.filters.tag')}
          value={tag}
          onChange={setTag}
          list={tagsListId}
          placeholder={any}
          maxLength={60}
          onBlur={() => tag.trim() !== filters.tag && set('tag', tag.trim())}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              set('tag', tag.trim());
            }
          }}
          data-testid="inbox-filter-tag"
        />
        <datalist id={tagsListId}>
          {knownTags.map((tg) => (
            <option key={tg} value={tg} />
          ))}
        </datalist>
      </div>
    </div>
  );
}
