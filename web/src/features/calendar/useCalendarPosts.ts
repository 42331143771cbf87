import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { isApiError } from '../../api/client';
import { calendarApi, type CalendarPost, type ScheduleResult } from './api';
import { daySignature, withTime, type CalendarEntry } from './entries';
import type { CivilDate } from './time';

/**
 * The posts of one period [from, to), and moving them: a move shows at once and is rolled back when the server
 * refuses it. A new period clears what was shown (no posts of the old period on the new grid); reload() keeps it.
 */
export function useCalendarPosts(workspaceId: string, from: string | null, to: string | null) {
  const [posts, setPosts] = useState<CalendarPost[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const seq = useRef(0);

  const load = useCallback(
    async (quiet: boolean) => {
      if (!from || !to) return;
      const my = ++seq.current;
      if (!quiet) {
        setPosts([]);
        setLoading(true);
      }
      try {
        const page = await calendarApi.posts(workspaceId, from, to);
        if (my !== seq.current) return;
        setPosts(page.items);
        setError(null);
      } catch (e) {
        if (my === seq.current) setError(e);
      } finally {
        if (my === seq.current) setLoading(false);
      }
    },
    [workspaceId, from, to],
  );

  useEffect(() => {
    void load(false);
  }, [load]);

  const move = useCallback(
    async (post: CalendarPost, at: string): Promise<ScheduleResult> => {
      const before = post;
      setPosts((ps) => ps.map((p) => (p.id === post.id ? withTime(p, at) : p)));
      try {
        const result = await calendarApi.schedule(workspaceId, post.id, post.version, at);
        void load(true);
        return result;
      } catch (e) {
        setPosts((ps) => ps.map((p) => (p.id === post.id ? before : p)));
        if (isApiError(e) && (e.code === 'ERR_STALE_VERSION' || e.code === 'ERR_NOT_FOUND')) void load(true);
        throw e;
      }
    },
    [workspaceId, load],
  );

  return { posts, loading, error, reload: () => load(true), move };
}

/**
 * Keeps each day's entry list the same array while what that day shows is unchanged, so a memoised day cell only
 * renders again when its own posts change (a move re-renders two days, not the month).
 */
export function useStableDays(byDay: Map<CivilDate, CalendarEntry[]>): Map<CivilDate, CalendarEntry[]> {
  const previous = useRef(new Map<CivilDate, { sig: string; list: CalendarEntry[] }>());
  return useMemo(() => {
    const next = new Map<CivilDate, { sig: string; list: CalendarEntry[] }>();
    const out = new Map<CivilDate, CalendarEntry[]>();
    for (const [date, list] of byDay) {
      const sig = daySignature(list);
      const old = previous.current.get(date);
      const kept = old && old.sig === sig ? old.list : list;
      next.set(date, { sig, list: kept });
      out.set(date, kept);
    }
    previous.current = next;
    return out;
  }, [byDay]);
}
