import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints, type AuditFilters as Filters } from '../../api/endpoints';
import type { AuditItem } from '../../api/types';
import { ErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Icon } from '../../components/Icon';
import { SkeletonRows } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { endOfLocalDayIso, startOfLocalDayIso } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { useWorkspace } from '../workspace/WorkspaceContext';
import { AuditFilters, EMPTY_FILTERS, type AuditFilterValues } from './AuditFilters';
import { AuditTable } from './AuditTable';

function toQuery(f: AuditFilterValues): Filters {
  return {
    actorId: f.actorId || undefined,
    organizationId: f.organizationId || undefined,
    action: f.action || undefined,
    from: f.from ? startOfLocalDayIso(f.from) : undefined,
    to: f.to ? endOfLocalDayIso(f.to) : undefined,
  };
}

/** /w/:ws/audit (owner) — filter, read, load more, export CSV. */
export function AuditPage() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const facets = useApi(() => endpoints.auditFacets(ws.id), [ws.id]);
  const [filters, setFilters] = useState<AuditFilterValues>(EMPTY_FILTERS);
  const [items, setItems] = useState<AuditItem[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(
    async (before: number | null) => {
      setError(null);
      if (before === null) setLoading(true);
      else setMore(true);
      try {
        const page = await endpoints.audit(ws.id, toQuery(filters), before);
        setItems((prev) => (before === null ? page.items : [...prev, ...page.items]));
        setNext(page.nextBefore);
      } catch (e) {
        setError(e);
      } finally {
        setLoading(false);
        setMore(false);
      }
    },
    [ws.id, filters],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  const csv = endpoints.auditCsvUrl(ws.id, toQuery(filters));
  return (
    <div className="page">
      <PageHeader
        title={t('audit.title')}
        lead={t('audit.lead')}
        actions={
          <a className="btn btn-secondary" href={csv} download data-testid="audit-csv">
            <Icon name="download" size={16} />
            <span>{t('audit.exportCsv')}</span>
          </a>
        }
      />
      <AuditFilters facets={facets.data} value={filters} onApply={setFilters} />
      <section className="section" aria-labelledby="audit-results">
        <h2 id="audit-results" className="visually-hidden">
          {t('audit.results')}
        </h2>
        {error ? <ErrorAlert error={error} onRetry={() => void load(null)} /> : null}
        {loading ? (
          <SkeletonRows rows={5} />
        ) : items.length === 0 && !error ? (
          <EmptyState icon="list" title={t('audit.empty')} testId="audit-empty">
            {t('audit.emptyText')}
          </EmptyState>
        ) : (
          <>
            <AuditTable items={items} />
            <div className="load-more">
              {next !== null ? (
                <Button onClick={() => void load(next)} loading={more} data-testid="audit-load-more">
                  {t('audit.loadMore')}
                </Button>
              ) : (
                items.length > 0 && <p className="muted small">{t('audit.end')}</p>
              )}
            </div>
          </>
        )}
      </section>
    </div>
  );
}
