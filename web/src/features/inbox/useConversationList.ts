import { useCallback, useEffect, useRef, useState } from 'react';
import { inboxApi, type ConversationPage, type ConversationSummary, type View } from './api';
import { filtersKey, toListQuery, type InboxFilters } from './filters';

/**
 * The conversation list for the current filters, page by page with the server's cursor. `refresh` fetches again
 * in the background (no loading state, items replaced in place so scroll and selection stay); a change of filters
 * starts over.
 */

export interface ConversationList {
  items: ConversationSummary[];
  counts: Record<View, number> | null;
  nextCursor: string | null;
  loading: boolean;
  error: unknown;
  loadingMore: boolean;
  moreError: unknown;
  reload: () => void;
  refresh: () => void;
  loadMore: () => void;
  /** Puts a changed conversation in place (after a PATCH) without waiting for the next refresh. */
  replaceItem: (c: ConversationSummary) => void;
}

const PAGE = 50;
const MAX_REFRESH = 100;

export function useConversationList(ws: string, filters: InboxFilters): ConversationList {
  const [items, setItems] = useState<ConversationSummary[]>([]);
  const [counts, setCounts] = useState<Record<View, number> | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  const generation = useRef(0);
  const refreshSeq = useRef(0);
  const itemsRef = useRef(items);
  itemsRef.current = items;
  const filtersRef = useRef(filters);
  filtersRef.current = filters;
  const key = `${ws}|${filtersKey(filters)}`;

  const apply = (page: ConversationPage) => {
    setItems(page.items);
    setCounts(page.counts ?? null);
    setNextCursor(page.nextCursor);
  };

  const reload = useCallback(() => {
    const gen = ++generation.current;
    setLoading(true);
    setError(null);
    setMoreError(null);
    setLoadingMore(false);
    setItems([]);
    setNextCursor(null);
    inboxApi
      .list(ws, toListQuery(filtersRef.current, null, PAGE))
      .then((page) => {
        if (gen === generation.current) apply(page);
      })
      .catch((e: unknown) => {
        if (gen === generation.current) setError(e);
      })
      .finally(() => {
        if (gen === generation.current) setLoading(false);
      });
  }, [ws]);

  useEffect(() => {
    reload();
  }, [key, reload]);

  const refresh = useCallback(() => {
    const gen = generation.current;
    const seq = ++refreshSeq.current;
    const limit = Math.min(MAX_REFRESH, Math.max(PAGE, itemsRef.current.length));
    inboxApi
      .list(ws, toListQuery(filtersRef.current, null, limit))
      .then((page) => {
        if (gen !== generation.current || seq !== refreshSeq.current) return;
        apply(page);
        setError(null);
      })
      .catch(() => {
        /* a background refresh that fails leaves the list as it was; the next event tries again */
      });
  }, [ws]);

  const loadMore = useCallback(() => {
    if (!nextCursor || loadingMore) return;
    const gen = generation.current;
    setLoadingMore(true);
    setMoreError(null);
    inboxApi
      .list(ws, toListQuery(filtersRef.current, nextCursor, PAGE))
      .then((page) => {
        if (gen !== generation.current) return;
        setItems((old) => {
          const seen = new Set(old.map((c) => c.id));
          return [...old, ...page.items.filter((c) => !seen.has(c.id))];
        });
        setNextCursor(page.nextCursor);
        if (page.counts) setCounts(page.counts);
      })
      .catch((e: unknown) => {
        if (gen === generation.current) setMoreError(e);
      })
      .finally(() => {
        if (gen === generation.current) setLoadingMore(false);
      });
  }, [ws, nextCursor, loadingMore]);

  const replaceItem = useCallback((c: ConversationSummary) => {
    setItems((old) => old.map((x) => (x.id === c.id ? c : x)));
  }, []);

  return { items, counts, nextCursor, loading, error, loadingMore, moreError, reload, refresh, loadMore, replaceItem };
}
