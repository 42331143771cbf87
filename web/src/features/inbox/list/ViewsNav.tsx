import { useTranslation } from 'react-i18next';
import { Link } from '../../../router';
import { VIEWS, type View } from '../api';
import type { InboxFilters } from '../filters';

/** Mine / My teams / Unassigned / All, each with its count of active conversations. */
export function ViewsNav({
  filters,
  counts,
  hrefFor,
}: {
  filters: InboxFilters;
  counts: Record<View, number> | null;
  hrefFor: (f: InboxFilters) => string;
}) {
  const { t } = useTranslation();
  return (
    <nav className="inbox-views" aria-label={t('inbox.views.label')}>
      <ul>
        {VIEWS.map((v) => (
          <li key={v}>
            <Link
              to={hrefFor({ ...filters, view: v })}
              className={filters.view === v ? 'inbox-view is-active' : 'inbox-view'}
              aria-current={filters.view === v ? 'page' : undefined}
              data-testid={`inbox-view-${v}`}
            >
              <span className="inbox-view-name">{t(`inbox.views.${v}`)}</span>
              <span className="inbox-view-count" aria-label={counts ? t('inbox.views.countLabel', { count: counts[v] ?? 0 }) : undefined}>
                {counts ? (counts[v] ?? 0) : '·'}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
