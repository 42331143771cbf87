import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import { ErrorAlert } from '../../components/Alert';
import { EmptyState } from '../../components/EmptyState';
import { Icon } from '../../components/Icon';
import { SkeletonRows } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useApi } from '../../lib/useApi';
import { useWorkspace } from '../workspace/WorkspaceContext';
import { AnsweredByTable } from './AnsweredByTable';
import { inboxReportsApi, type ReportQuery } from './api';
import { BarList } from './BarList';
import { ConversationsTable } from './ConversationsTable';
import { ReportFilters, type ReportFilterValue } from './ReportFilters';
import { dateInput, lastDays, validRange } from './reportFormat';
import { ReportTiles } from './ReportTiles';
import { useReport } from './useReport';
import { VolumeChart } from './VolumeChart';

/** Inbox reports: volume, response and resolution times, SLA attainment, breakdowns and who answered, for a date range. */
export function InboxReportsPage() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const today = useMemo(() => dateInput(new Date()), []);
  const [filters, setFilters] = useState<ReportFilterValue>(() => ({ ...lastDays(today, 28), teamId: '', channelId: '' }));
  const rangeOk = validRange(filters.from, filters.to);
  const q: ReportQuery | null = rangeOk
    ? { from: filters.from, to: filters.to, teamId: filters.teamId || undefined, channelId: filters.channelId || undefined }
    : null;
  const { report, loading, error, reload } = useReport(ws.id, q);
  const teams = useApi(() => inboxReportsApi.teams(ws.id), [ws.id]);
  const channels = useApi(() => endpoints.channels(ws.id), [ws.id]);

  const csv = q ? inboxReportsApi.csvUrl(ws.id, q) : null;

  return (
    <div className="page page-wide ibr-page" data-testid="inbox-reports-page" aria-busy={loading || undefined}>
      <PageHeader
        title={t('inboxReports.title')}
        lead={t('inboxReports.lead')}
        actions={
          csv ? (
            <a className="btn btn-secondary" href={csv} download data-testid="report-csv">
              <Icon name="download" size={16} />
              <span>{t('inboxReports.csv')}</span>
            </a>
          ) : null
        }
      />
      <ReportFilters
        value={filters}
        today={today}
        teams={teams.data ?? []}
        channels={channels.data?.items ?? []}
        rangeError={!rangeOk}
        onChange={setFilters}
      />
      {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
      {!report ? (
        loading ? (
          <SkeletonRows rows={5} />
        ) : null
      ) : report.volume.total === 0 ? (
        <EmptyState icon="chart" title={t('inboxReports.emptyTitle')} testId="report-empty">
          <p>{t('inboxReports.emptyText')}</p>
        </EmptyState>
      ) : (
        <div className={loading ? 'ibr-body is-loading' : 'ibr-body'}>
          <ReportTiles report={report} />
          <p className="muted small">{t('inboxReports.businessTime', { zone: report.timeZone.replace(/_/g, ' ') })}</p>
          <VolumeChart from={report.from} to={report.to} byDay={report.volume.byDay} />
          <h2 className="section-title">{t('inboxReports.breakdowns')}</h2>
          <div className="ibr-grid">
            <BarList title={t('inboxReports.by.channel')} items={report.volume.byChannel} total={report.volume.total} testId="report-by-channel" />
            <BarList
              title={t('inboxReports.by.kind')}
              items={report.volume.byKind.map((b) => ({ ...b, label: t(`inboxReports.kinds.${b.key}`, { defaultValue: b.label }) }))}
              total={report.volume.total}
              testId="report-by-kind"
            />
            <BarList title={t('inboxReports.by.team')} items={report.volume.byTeam} total={report.volume.total} testId="report-by-team" />
            <BarList
              title={t('inboxReports.by.sentiment')}
              items={report.volume.bySentiment.map((b) => ({ ...b, label: t(`inboxReports.sentiments.${b.key}`, { defaultValue: b.label }) }))}
              total={report.volume.total}
              testId="report-by-sentiment"
            />
            <BarList title={t('inboxReports.by.tag')} items={report.volume.byTag} total={0} testId="report-by-tag" />
            <BarList
              title={t('inboxReports.by.topics')}
              items={report.topTopics.map((x) => ({ key: x.term, label: x.term, count: x.count }))}
              total={0}
              testId="report-topics"
            />
          </div>
          <AnsweredByTable rows={report.answeredBy} />
          {report.conversations.length > 0 && <ConversationsTable rows={report.conversations} />}
        </div>
      )}
    </div>
  );
}
