import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Button } from '../../components/Button';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { Icon } from '../../components/Icon';
import { SkeletonRows } from '../../components/Loading';
import { formatDate } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { useWorkspace } from '../workspace/WorkspaceContext';
import { briefsApi, type Campaign } from './api';
import { mayWritePosts } from './briefRules';
import { CampaignDialog } from './CampaignDialog';

/** Campaigns: posts that belong together, with one goal and one theme. Writers of posts create and change them. */
export function CampaignsSection() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const campaigns = useApi(() => briefsApi.campaigns(ws.id), [ws.id]);
  const [editing, setEditing] = useState<Campaign | 'new' | null>(null);
  const [saved, setSaved] = useState<{ name: string; created: boolean } | null>(null);
  const canWrite = mayWritePosts(ws.role);
  const items = campaigns.data?.items ?? [];

  return (
    <section className="section brief-campaigns" aria-labelledby="campaigns-title" data-testid="campaigns-section">
      <div className="brief-section-head">
        <div>
          <h2 id="campaigns-title" className="section-title">
            {t('briefs.campaigns.title')}
            {campaigns.data && <span className="count">{items.length}</span>}
          </h2>
          <p className="muted small">{t('briefs.campaigns.lead')}</p>
        </div>
        {canWrite && (
          <Button icon={<Icon name="plus" />} onClick={() => setEditing('new')} data-testid="campaign-new">
            {t('briefs.campaigns.new')}
          </Button>
        )}
      </div>
      {saved && (
        <Notice onDismiss={() => setSaved(null)} testId="campaign-notice">
          {t(saved.created ? 'briefs.campaigns.created' : 'briefs.campaigns.saved', { name: saved.name })}
        </Notice>
      )}
      {campaigns.loading && !campaigns.data ? (
        <SkeletonRows rows={2} />
      ) : campaigns.error ? (
        <ErrorAlert error={campaigns.error} onRetry={() => void campaigns.reload()} />
      ) : items.length === 0 ? (
        <EmptyState icon="target" title={t('briefs.campaigns.emptyTitle')} testId="campaigns-empty">
          {t('briefs.campaigns.emptyText')}
        </EmptyState>
      ) : (
        <DataTable
          label={t('briefs.campaigns.title')}
          testId="campaigns-table"
          columns={[t('briefs.campaigns.fields.name'), t('briefs.campaigns.fields.pillar'), t('briefs.campaigns.period'), t('briefs.campaigns.posts')]}
          actions={canWrite}
        >
          {items.map((c) => (
            <tr key={c.id} data-testid="campaign-row" data-campaign-id={c.id}>
              <td>
                <span className="strong">{c.name}</span>
                {c.goal && <p className="small muted campaign-goal">{c.goal}</p>}
              </td>
              <td>{c.pillar || <span className="muted">—</span>}</td>
              <td className="nowrap">{period(c, t('briefs.campaigns.open'))}</td>
              <td>{c.posts}</td>
              {canWrite && (
                <td className="col-actions">
                  <Button size="sm" variant="ghost" onClick={() => setEditing(c)} data-testid="campaign-edit" aria-label={t('briefs.campaigns.editNamed', { name: c.name })}>
                    {t('briefs.campaigns.edit')}
                  </Button>
                </td>
              )}
            </tr>
          ))}
        </DataTable>
      )}
      {editing && (
        <CampaignDialog
          workspaceId={ws.id}
          campaign={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(name, created) => {
            setEditing(null);
            setSaved({ name, created });
            void campaigns.reload();
          }}
        />
      )}
    </section>
  );
}

function period(c: Campaign, open: string): string {
  if (!c.startsOn && !c.endsOn) return '—';
  return `${c.startsOn ? formatDate(`${c.startsOn}T12:00:00`) : open} – ${c.endsOn ? formatDate(`${c.endsOn}T12:00:00`) : open}`;
}
