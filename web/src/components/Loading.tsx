import { useTranslation } from 'react-i18next';

export function Spinner() {
  return <span className="spinner" aria-hidden="true" />;
}

/** A loading indicator for a page or a block; announced politely. */
export function Loading({ label, block = false }: { label?: string; block?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={block ? 'loading loading-block' : 'loading'} role="status" aria-live="polite">
      <Spinner />
      <span>{label ?? t('common.loading')}</span>
    </div>
  );
}

/** Placeholder rows while a table loads. */
export function SkeletonRows({ rows = 3 }: { rows?: number }) {
  const { t } = useTranslation();
  return (
    <div className="skeleton-list" role="status" aria-live="polite">
      <span className="visually-hidden">{t('common.loading')}</span>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="skeleton-row" aria-hidden="true" />
      ))}
    </div>
  );
}
