import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Notice } from '../../components/Alert';
import { SkeletonRows } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useApi } from '../../lib/useApi';
import { Link } from '../../router';
import { useWorkspace } from '../workspace/WorkspaceContext';
import { publishingApi, type ResumeAnswer } from './api';
import { HoldCard } from './HoldCard';
import { ReviewRulesForm } from './ReviewRulesForm';

/** /w/:ws/publishing — the hold switch and the review rules (owners change them; others see them). */
export function PublishingPage() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const settings = useApi(() => publishingApi.settings(ws.id), [ws.id]);
  const [resumed, setResumed] = useState<ResumeAnswer | null>(null);
  const data = settings.data;

  return (
    <div className="page page-narrow" data-testid="publishing-page">
      <PageHeader title={t('publishing.title')} lead={t('publishing.lead')} />
      {settings.loading && !data ? (
        <SkeletonRows rows={3} />
      ) : settings.error && !data ? (
        <ErrorAlert error={settings.error} onRetry={() => void settings.reload()} />
      ) : data ? (
        <>
          {resumed && (
            <Notice onDismiss={() => setResumed(null)} testId="resume-result">
              <div className="stack-tight">
                <span className="strong">{t('publishing.resumed.title')}</span>
                <span data-testid="resume-rescheduled" data-count={resumed.rescheduled}>
                  {t('publishing.resumed.rescheduled', { count: resumed.rescheduled })}
                </span>
                <span data-testid="resume-missed" data-count={resumed.missed}>
                  {t('publishing.resumed.missed', { count: resumed.missed })}
                </span>
                {resumed.missed > 0 && (
                  <span>
                    {t('publishing.resumed.missedHelp')}{' '}
                    <Link to={`/w/${encodeURIComponent(ws.id)}/posts`} className="text-link" data-testid="resume-posts-link">
                      {t('publishing.resumed.toPosts')}
                    </Link>
                  </span>
                )}
              </div>
            </Notice>
          )}
          <HoldCard
            workspaceId={ws.id}
            settings={data}
            isOwner={ws.isOwner}
            onChanged={(s) => {
              setResumed(null);
              settings.setData(s);
            }}
            onResumed={(a) => {
              setResumed(a);
              settings.setData(a);
            }}
          />
          <ReviewRulesForm workspaceId={ws.id} settings={data} isOwner={ws.isOwner} onSaved={(s) => settings.setData(s)} />
        </>
      ) : null}
    </div>
  );
}
