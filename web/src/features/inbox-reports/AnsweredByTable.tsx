import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge';
import { DataTable } from '../../components/DataTable';
import { currentLanguage } from '../../i18n';
import type { AnsweredBy } from './api';
import { formatMinutes } from './reportFormat';

/** Who answered: the organization itself and each agency, with replies, conversations and median first response. */
export function AnsweredByTable({ rows }: { rows: AnsweredBy[] }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <section className="card" aria-labelledby="ibr-answered-title" data-testid="report-answered-by">
      <h2 id="ibr-answered-title" className="card-title">
        {t('inboxReports.answeredBy.title')}
      </h2>
      {rows.length === 0 ? (
        <p className="muted">{t('inboxReports.answeredBy.none')}</p>
      ) : (
        <DataTable
          label={t('inboxReports.answeredBy.title')}
          testId="report-answered-by-table"
          dense
          columns={[
            t('inboxReports.answeredBy.who'),
            t('inboxReports.answeredBy.replies'),
            t('inboxReports.answeredBy.conversations'),
            t('inboxReports.answeredBy.median'),
          ]}
        >
          {rows.map((r) => (
            <tr key={r.orgId} data-agency={r.isAgency}>
              <td>
                <span className="strong">{r.orgName}</span>{' '}
                <Badge tone={r.isAgency ? 'violet' : 'brand'}>
                  {t(r.isAgency ? 'inboxReports.answeredBy.agency' : 'inboxReports.answeredBy.organization')}
                </Badge>
              </td>
              <td>{r.replies}</td>
              <td>{r.conversations}</td>
              <td>{formatMinutes(r.medianFirstResponseMinutes, lang)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
