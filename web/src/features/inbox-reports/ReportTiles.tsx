import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import type { InboxReport } from './api';
import { formatMinutes, formatShare } from './reportFormat';

/** The headline figures: volume, first response and resolution (median and 90th percentile), SLA attainment. */
export function ReportTiles({ report }: { report: InboxReport }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const dur = (m: number | null) => formatMinutes(m, lang);

  return (
    <dl className="ibr-tiles" data-testid="report-tiles">
      <div className="ibr-tile">
        <dt>{t('inboxReports.tiles.total')}</dt>
        <dd className="ibr-tile-value" data-testid="report-total" data-value={report.volume.total}>
          {report.volume.total.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB')}
        </dd>
        <dd className="ibr-tile-sub">{t('inboxReports.tiles.conversations')}</dd>
      </div>
      <div className="ibr-tile">
        <dt>{t('inboxReports.tiles.firstResponse')}</dt>
        <dd className="ibr-tile-value" data-testid="report-frt-median" data-value={report.firstResponse.medianMinutes ?? ''}>
          {dur(report.firstResponse.medianMinutes)}
        </dd>
        <dd className="ibr-tile-sub" data-testid="report-frt-p90">
          {t('inboxReports.tiles.medianP90', { p90: dur(report.firstResponse.p90Minutes), count: report.firstResponse.count })}
        </dd>
      </div>
      <div className="ibr-tile">
        <dt>{t('inboxReports.tiles.resolution')}</dt>
        <dd className="ibr-tile-value" data-testid="report-res-median" data-value={report.resolution.medianMinutes ?? ''}>
          {dur(report.resolution.medianMinutes)}
        </dd>
        <dd className="ibr-tile-sub" data-testid="report-res-p90">
          {t('inboxReports.tiles.medianP90', { p90: dur(report.resolution.p90Minutes), count: report.resolution.count })}
        </dd>
      </div>
      <div className="ibr-tile">
        <dt>{t('inboxReports.tiles.attainment')}</dt>
        <dd className="ibr-tile-value" data-testid="report-sla-first" data-value={report.attainment.firstResponse ?? ''}>
          {formatShare(report.attainment.firstResponse)}
        </dd>
        <dd className="ibr-tile-sub" data-testid="report-sla-resolution">
          {t('inboxReports.tiles.attainmentSub', { resolution: formatShare(report.attainment.resolution) })}
        </dd>
      </div>
    </dl>
  );
}
