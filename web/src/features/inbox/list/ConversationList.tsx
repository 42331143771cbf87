import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { SkeletonRows } from '../../../components/Loading';
import type { InboxFilters } from '../filters';
import type { ConversationList as ListData } from '../useConversationList';
import { ConversationRow } from './ConversationRow';
import { ListEmpty } from './ListEmpty';

/**
 * The conversations in the server's order (SLA urgency first). More pages load when the end scrolls into view, or
 * with the "Load more" button.
 */
export function ConversationList({
  list,
  filters,
  selectedId,
  hrefFor,
  onClearFilters,
  now,
}: {
  list: ListData;
  filters: InboxFilters;
  selectedId: string | null;
  hrefFor: (id: string) => string;
  onClearFilters: () => void;
  now: number;
}) {
  const { t } = useTranslation();
  const sentinel = useRef<HTMLDivElement>(null);
  const loadMoreRef = useRef(list.loadMore);
  loadMoreRef.current = list.loadMore;
  const canLoadMore = Boolean(list.nextCursor) && !list.loadingMore && !list.moreError;

  useEffect(() => {
    const el = sentinel.current;
    if (!el || !canLoadMore || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) loadMoreRef.current();
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [canLoadMore, list.items.length]);

  if (list.loading && list.items.length === 0) return <SkeletonRows rows={6} />;
  if (list.error && list.items.length === 0) return <ErrorAlert error={list.error} onRetry={list.reload} />;
  if (list.items.length === 0) return <ListEmpty filters={filters} onClear={onClearFilters} />;

  return (
    <>
      <ul className="conv-list" aria-label={t('inbox.list.label')} data-testid="inbox-list">
        {list.items.map((c) => (
          <ConversationRow key={c.id} conversation={c} href={hrefFor(c.id)} selected={c.id === selectedId} now={now} />
        ))}
      </ul>
      {list.moreError ? <ErrorAlert error={list.moreError} onRetry={list.loadMore} /> : null}
      {list.nextCursor && (
        <div className="load-more" ref={sentinel}>
          <Button size="sm" onClick={list.loadMore} loading={list.loadingMore} data-testid="inbox-load-more">
            {t('inbox.list.more')}
          </Button>
        </div>
      )}
    </>
  );
}
