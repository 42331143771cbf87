import { BRIEF_STATUSES, type Brief, type BriefStatus } from './api';

const OPEN: ReadonlySet<BriefStatus> = new Set(['new', 'in_progress']);

function time(value: string | null): number {
  if (!value) return Number.POSITIVE_INFINITY;
  const t = new Date(value).getTime();
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}

/**
 * The board's four columns in order. Open columns (new, in progress) put the earliest wished date first and briefs
 * without a date last, newest first among equals; closed columns (done, declined) show the latest change first.
 */
export function boardColumns(briefs: Brief[]): { status: BriefStatus; briefs: Brief[] }[] {
  return BRIEF_STATUSES.map((status) => {
    const list = briefs.filter((b) => b.status === status);
    list.sort((a, b) =>
      OPEN.has(status)
        ? time(a.wantedBy) - time(b.wantedBy) || b.createdAt.localeCompare(a.createdAt)
        : b.updatedAt.localeCompare(a.updatedAt),
    );
    return { status, briefs: list };
  });
}
