import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import { fillDays } from './reportFormat';

const HEIGHT = 160;
const BAR = 10;
const GAP = 2;

function shortDate(date: string, lang: 'nl' | 'en'): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'short' }).format(new Date(y, m - 1, d));
}

/** Conversations per day as a bar chart (an image with a summary for screen readers) and the same data as a table. */
export function VolumeChart({ from, to, byDay }: { from: string; to: string; byDay: Array<{ date: string; count: number }> }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const titleId = useId();
  const days = useMemo(() => fillDays(from, to, byDay), [from, to, byDay]);
  const max = Math.max(1, ...days.map((d) => d.count));
  const busiest = days.reduce((a, b) => (b.count > a.count ? b : a), days[0] ?? { date: from, count: 0 });
  const total = days.reduce((n, d) => n + d.count, 0);
  const width = Math.max(1, days.length * (BAR + GAP));
  const summary = t('inboxReports.volume.summary', {
    from: shortDate(from, lang),
    to: shortDate(to, lang),
    total,
    busiest: shortDate(busiest.date, lang),
    most: busiest.count,
  });
  const ticks = days.length > 1 ? [days[0], days[Math.floor((days.length - 1) / 2)], days[days.length - 1]] : days;

  return (
    <section className="card ibr-volume" aria-labelledby={titleId} data-testid="report-volume">
      <h2 id={titleId} className="card-title">
        {t('inboxReports.volume.title')}
      </h2>
      <div className="ibr-chart">
        <div className="ibr-chart-scale" aria-hidden="true">
          <span>{max}</span>
          <span>0</span>
        </div>
        <div className="ibr-chart-plot">
          <svg
            className="ibr-chart-svg"
            viewBox={`0 0 ${width} ${HEIGHT}`}
            preserveAspectRatio="none"
            role="img"
            aria-label={summary}
            data-testid="report-volume-chart"
          >
            <line x1={0} y1={HEIGHT - 0.5} x2={width} y2={HEIGHT - 0.5} className="ibr-axis" />
            {days.map((d, i) => {
              const h = d.count === 0 ? 0 : Math.max(2, (d.count / max) * (HEIGHT - 4));
              return (
                <rect key={d.date} x={i * (BAR + GAP)} y={HEIGHT - h} width={BAR} height={h} className="ibr-chart-bar">
                  <title>{`${shortDate(d.date, lang)}: ${d.count}`}</title>
                </rect>
              );
            })}
          </svg>
          <div className="ibr-chart-ticks" aria-hidden="true">
            {ticks.map((d, i) => (
              <span key={`${d.date}-${i}`}>{shortDate(d.date, lang)}</span>
            ))}
          </div>
        </div>
      </div>
      <details className="ibr-volume-table">
        <summary>{t('inboxReports.volume.asTable')}</summary>
        <div className="table-wrap">
          <table className="table table-dense" data-testid="report-volume-table">
            <caption className="visually-hidden">{t('inboxReports.volume.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('inboxReports.volume.date')}</th>
                <th scope="col">{t('inboxReports.volume.count')}</th>
              </tr>
            </thead>
            <tbody>
              {days.map((d) => (
                <tr key={d.date}>
                  <th scope="row">{shortDate(d.date, lang)}</th>
                  <td>{d.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
