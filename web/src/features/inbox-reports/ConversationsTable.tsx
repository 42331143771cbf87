import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';
import { currentLanguage } from '../../i18n';
import type { ReportConversation } from './api';
import { formatMinutes } from './reportFormat';

/** The latest conversations of the range (at most 50) with their response and resolution times. */
export function ConversationsTable({ rows }: { rows: ReportConversation[] }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <section className="card" aria-labelledby="ibr-latest-title" data-testid="report-conversations">
      <div>
        <h2 id="ibr-latest-title" className="card-title">
          {t('inboxReports.latest.title')}
        </h2>
        <p className="card-lead">{t('inboxReports.latest.lead')}</p>
      </div>
      <DataTable
        label={t('inboxReports.latest.title')}
        testId="report-conversations-table"
        dense
        columns={[
          t('inboxReports.latest.subject'),
          t('inboxReports.latest.channel'),
          t('inboxReports.latest.team'),
          t('inboxReports.latest.status'),
          t('inboxReports.latest.first'),
          t('inboxReports.latest.resolution'),
          t('inboxReports.latest.answeredBy'),
        ]}
      >
        {rows.map((c) => (
          <tr key={c.id}>
            <td className="ibr-subject">{c.subject || <span className="muted">{t('inboxReports.latest.noSubject')}</span>}</td>
            <td>{c.channelName}</td>
            <td>{c.teamName ?? '—'}</td>
            <td>{t(`inboxReports.status.${c.status}`, { defaultValue: c.status })}</td>
            <td className="nowrap">{formatMinutes(c.firstResponseMinutes, lang)}</td>
            <td className="nowrap">{formatMinutes(c.resolutionMinutes, lang)}</td>
            <td>{c.answeredByOrg ?? '—'}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
