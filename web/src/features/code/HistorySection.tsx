import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { formatDateTime } from '../../lib/format';
import type { CodeVersion } from './api';

/** Every saved version of the code, newest first, with its note and author; each can be viewed read-only. */
export function HistorySection({
  history,
  version,
  viewing,
  onView,
}: {
  history: readonly CodeVersion[];
  version: number;
  viewing: number | null;
  onView: (v: CodeVersion) => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="code-history" data-testid="code-history">
      <h2 id="code-history" className="section-title">
        {t('code.history.title')}
        <span className="count">{history.length}</span>
      </h2>
      {history.length === 0 ? (
        <EmptyState icon="book" title={t('code.history.emptyTitle')} testId="code-history-empty">
          {t('code.history.emptyText')}
        </EmptyState>
      ) : (
        <DataTable label={t('code.history.title')} testId="code-history-table" columns={[t('code.history.version'), t('code.history.when'), t('code.history.by'), t('code.history.note')]} actions dense>
          {history.map((h) => (
            <tr key={h.version} data-version={h.version}>
              <td className="nowrap">
                <span className="strong">{h.version}</span> {h.version === version && <Badge tone="green">{t('code.history.inForce')}</Badge>}
              </td>
              <td className="nowrap">{formatDateTime(h.createdAt)}</td>
              <td>{h.createdBy.name}</td>
              <td>
                {h.note ? <span>{h.note}</span> : <span className="muted">{t('code.history.noNote')}</span>}
                {h.proposalId && <span className="muted small"> · {t('code.history.fromProposal')}</span>}
              </td>
              <td className="col-actions">
                {h.version !== version && (
                  <Button size="sm" variant={viewing === h.version ? 'primary' : 'secondary'} onClick={() => onView(h)} aria-pressed={viewing === h.version} data-testid="code-history-view">
                    {t('code.history.view', { version: h.version })}
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
