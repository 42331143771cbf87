import { useTranslation } from 'react-i18next';

/**
 * A ranked list of counts with a proportional bar each. The bar is decoration: label and number are the text, so a
 * screen reader reads "Label: 12 (30%)".
 */
export function BarList({
  title,
  items,
  total,
  testId,
  max = 10,
}: {
  title: string;
  items: Array<{ key: string; label: string; count: number }>;
  total: number;
  testId: string;
  max?: number;
}) {
  const { t } = useTranslation();
  const shown = [...items].sort((a, b) => b.count - a.count).slice(0, max);
  const top = Math.max(1, ...shown.map((i) => i.count));

  return (
    <section className="card ibr-barlist" aria-label={title} data-testid={testId}>
      <h3 className="ibr-subtitle">{title}</h3>
      {shown.length === 0 ? (
        <p className="muted small">{t('inboxReports.noData')}</p>
      ) : (
        <ul className="ibr-bars" role="list">
          {shown.map((i) => {
            const share = total > 0 ? Math.round((i.count / total) * 100) : 0;
            return (
              <li key={i.key} className="ibr-bar-row" data-key={i.key}>
                <span className="ibr-bar-label">{i.label}</span>
                <span className="ibr-bar-count">
                  {i.count}
                  {total > 0 && <span className="muted small"> ({share}%)</span>}
                </span>
                <span className="ibr-bar-track" aria-hidden="true">
                  <span className="ibr-bar-fill" style={{ width: `${(i.count / top) * 100}%` }} />
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {items.length > max && <p className="muted small">{t('inboxReports.more', { count: items.length - max })}</p>}
    </section>
  );
}
