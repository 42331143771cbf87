import { useEffect, useRef, useState } from 'react';
import { inboxReportsApi, type InboxReport, type ReportQuery } from './api';

/**
 * Loads the report for a query; keeps showing the previous report while the next one loads (no blank page between
 * filter changes) and ignores answers that arrive after a newer query. A null query loads nothing.
 */
export function useReport(
  workspaceId: string,
  q: ReportQuery | null,
): { report: InboxReport | null; loading: boolean; error: unknown; reload: () => void } {
  const [report, setReport] = useState<InboxReport | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  const key = q ? `${q.from}|${q.to}|${q.teamId ?? ''}|${q.channelId ?? ''}` : '';

  useEffect(() => {
    if (!q) return;
    const my = ++seq.current;
    setLoading(true);
    inboxReportsApi
      .report(workspaceId, q)
      .then((r) => {
        if (my !== seq.current) return;
        setReport(r);
        setError(null);
      })
      .catch((e: unknown) => {
        if (my === seq.current) setError(e);
      })
      .finally(() => {
        if (my === seq.current) setLoading(false);
      });
  }, [workspaceId, key, tick]);

  return { report, loading, error, reload: () => setTick((n) => n + 1) };
}
