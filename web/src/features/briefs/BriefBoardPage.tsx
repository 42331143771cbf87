import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Icon } from '../../components/Icon';
import { PageHeader } from '../../components/PageHeader';
import { useApi } from '../../lib/useApi';
import { navigate } from '../../router';
import { useWorkspace } from '../workspace/WorkspaceContext';
import { briefsApi } from './api';
import { BriefBoard } from './BriefBoard';
import { BriefFormDialog } from './BriefFormDialog';
import { mayWriteBriefs } from './briefRules';
import { CampaignsSection } from './CampaignsSection';
import { useChannels } from './useChannels';

/** /w/:ws/briefs — the brief board (new, in progress, done, declined) and the workspace's campaigns. */
export function BriefBoardPage() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const briefs = useApi(() => briefsApi.list(ws.id), [ws.id]);
  const { channels, byId } = useChannels(ws.id);
  const [creating, setCreating] = useState(false);
  const canWrite = mayWriteBriefs(ws.role);
  const base = `/w/${encodeURIComponent(ws.id)}/briefs`;
  const items = briefs.data?.items ?? [];

  const newButton = (testId: string) =>
    canWrite ? (
      <Button variant="primary" icon={<Icon name="plus" />} onClick={() => setCreating(true)} data-testid={testId}>
        {t('briefs.board.new')}
      </Button>
    ) : undefined;

  return (
    <div className="page briefs-page">
      <PageHeader title={t('briefs.board.title')} lead={t('briefs.board.lead')} actions={newButton('brief-new')} />
      <section className="section" aria-labelledby="brief-board-title">
        <h2 id="brief-board-title" className="visually-hidden">
          {t('briefs.board.boardLabel')}
        </h2>
        {briefs.loading && !briefs.data ? (
          <BoardSkeleton />
        ) : briefs.error ? (
          <ErrorAlert error={briefs.error} onRetry={() => void briefs.reload()} />
        ) : items.length === 0 ? (
          <EmptyState icon="file" title={t('briefs.board.emptyTitle')} testId="briefs-empty" action={newButton('brief-new-empty')}>
            <p>{t('briefs.board.emptyText')}</p>
            <p>{canWrite ? t('briefs.board.emptyWriter') : t('briefs.board.emptyViewer')}</p>
          </EmptyState>
        ) : (
          <BriefBoard briefs={items} channelsById={byId} hrefOf={(id) => `${base}/${encodeURIComponent(id)}`} />
        )}
      </section>
      <CampaignsSection />
      {creating && (
        <BriefFormDialog
          workspaceId={ws.id}
          channels={channels}
          onClose={() => setCreating(false)}
          onSaved={(b) => {
            setCreating(false);
            navigate(`${base}/${encodeURIComponent(b.id)}?created=1`);
          }}
        />
      )}
    </div>
  );
}

function BoardSkeleton() {
  const { t } = useTranslation();
  return (
    <div className="brief-board-wrap" role="status" aria-live="polite">
      <span className="visually-hidden">{t('common.loading')}</span>
      <div className="brief-board" aria-hidden="true">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="brief-column brief-column-skeleton">
            <div className="skeleton-row" />
            <div className="skeleton-row brief-skeleton-card" />
          </div>
        ))}
      </div>
    </div>
  );
}
