import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditFacets } from '../../api/types';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { actionLabel } from './actionLabel';

export interface AuditFilterValues {
  actorId: string;
  organizationId: string;
  action: string;
  from: string;
  to: string;
}

export const EMPTY_FILTERS: AuditFilterValues = { actorId: '', organizationId: '', action: '', from: '', to: '' };

/** Person, organization, action and period; applied on submit. */
export function AuditFilters({
  facets,
  value,
  onApply,
}: {
  facets: AuditFacets | undefined;
  value: AuditFilterValues;
  onApply: (v: AuditFilterValues) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  const [periodError, setPeriodError] = useState<string | null>(null);
  const set = (k: keyof AuditFilterValues) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));

  function submit(e: FormEvent): void {
    e.preventDefault();
    if (draft.from && draft.to && draft.from > draft.to) {
      setPeriodError(t('audit.filters.periodInvalid'));
      return;
    }
    setPeriodError(null);
    onApply(draft);
  }

  const any = Object.values(value).some(Boolean);
  return (
    <form className="card filters" onSubmit={submit} noValidate aria-label={t('audit.filters.label')}>
      <div className="filters-grid">
        <SelectField
          label={t('audit.filters.person')}
          value={draft.actorId}
          onChange={set('actorId')}
          placeholder={t('audit.filters.everyone')}
          options={(facets?.actors ?? []).map((a) => ({ value: a.id, label: a.name }))}
        />
        <SelectField
          label={t('audit.filters.organization')}
          value={draft.organizationId}
          onChange={set('organizationId')}
          placeholder={t('audit.filters.allOrganizations')}
          options={(facets?.organizations ?? []).map((o) => ({
            value: o.id,
            label: `${o.name} (${t(`audit.orgKind.${o.kind}`)})`,
          }))}
        />
        <SelectField
          label={t('audit.filters.action')}
          value={draft.action}
          onChange={set('action')}
          placeholder={t('audit.filters.allActions')}
          options={(facets?.actions ?? []).map((a) => ({ value: a, label: actionLabel(t, a) }))}
        />
        <TextField label={t('audit.filters.from')} type="date" value={draft.from} onChange={set('from')} />
        <TextField
          label={t('audit.filters.to')}
          type="date"
          value={draft.to}
          onChange={set('to')}
          error={periodError}
        />
      </div>
      <div className="form-actions">
        {any && (
          <Button
            variant="ghost"
            onClick={() => {
              setDraft(EMPTY_FILTERS);
              onApply(EMPTY_FILTERS);
            }}
          >
            {t('audit.filters.reset')}
          </Button>
        )}
        <Button type="submit" variant="primary">
          {t('audit.filters.apply')}
        </Button>
      </div>
    </form>
  );
}
