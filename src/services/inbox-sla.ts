import type { BusinessHours } from '../core/inbox/business-hours';
import { ALWAYS_OPEN } from '../core/inbox/business-hours';
import { slaStatus, type SlaClock, type SlaState, type SlaStatus } from '../core/inbox/sla';
import { targetsFor, type TeamSla } from '../core/inbox/team-config';
import type { ConversationsTable, TeamsTable } from '../db/schema';

type Pause = { from: string; to: string | null };
type Conv = Pick<ConversationsTable, 'first_message_at' | 'first_response_at' | 'resolved_at' | 'sla_paused' | 'priority'>;
export type SlaFields = Pick<ConversationsTable, 'sla_first_due_at' | 'sla_resolution_due_at' | 'sla_due_at' | 'sla_check_at' | 'sla_state'>;

const NO_SLA: SlaFields = { sla_first_due_at: null, sla_resolution_due_at: null, sla_due_at: null, sla_check_at: null, sla_state: 'none' };
const running = (c: SlaClock) => c.state === 'ok' || c.state === 'warning' || c.state === 'breached';
const RANK: Record<SlaState, number> = { breached: 5, warning: 4, ok: 3, missed: 2, met: 1, none: 0 };

/** A team's hours and SLA, parsed once per row. */
export function teamTerms(team: Pick<TeamsTable, 'business_hours' | 'sla'> | null | undefined): { hours: BusinessHours; sla: TeamSla } | null {
  if (!team) return null;
  return { hours: JSON.parse(team.business_hours) as BusinessHours, sla: JSON.parse(team.sla) as TeamSla };
}

/** Both clocks of a conversation now; null without a team (no targets). */
export function slaOf(conv: Conv, terms: { hours: BusinessHours; sla: TeamSla } | null, now: string): SlaStatus | null {
  if (!terms) return null;
  return slaStatus(terms.hours ?? ALWAYS_OPEN, targetsFor(terms.sla, conv.priority), {
    openedAt: conv.first_message_at,
    firstResponseAt: conv.first_response_at,
    resolvedAt: conv.resolved_at,
    pausedSpans: JSON.parse(conv.sla_paused || '[]') as Pause[],
    now,
  });
}

/**
 * The SLA columns of a conversation at `now`: due times of both clocks, the running clock's due time (sorts the
 * inbox), the most urgent state, and when a running clock next changes state (warning, then breach), so the SLA
 * sweeper looks at it exactly then.
 */
export function slaFields(conv: Conv, terms: { hours: BusinessHours; sla: TeamSla } | null, now: string): SlaFields {
  const s = slaOf(conv, terms, now);
  if (!s || !terms) return NO_SLA;
  const t = targetsFor(terms.sla, conv.priority);
  const warn = slaStatus(terms.hours, { firstResponseMinutes: t.firstResponseMinutes === null ? null : t.firstResponseMinutes * t.warnAtFraction, resolutionMinutes: t.resolutionMinutes === null ? null : t.resolutionMinutes * t.warnAtFraction, warnAtFraction: 1 }, {
    openedAt: conv.first_message_at,
    firstResponseAt: conv.first_response_at,
    resolvedAt: conv.resolved_at,
    pausedSpans: JSON.parse(conv.sla_paused || '[]') as Pause[],
    now,
  });
  const clocks = [s.firstResponse, s.resolution];
  const live = clocks.filter(running);
  const dueAt = live.map((c) => c.dueAt).filter((d): d is string => !!d).sort()[0] ?? null;
  const checks: string[] = [];
  for (const [clock, early] of [[s.firstResponse, warn.firstResponse], [s.resolution, warn.resolution]] as const) {
    if (clock.state === 'ok' && early.dueAt) checks.push(early.dueAt);
    if ((clock.state === 'ok' || clock.state === 'warning') && clock.dueAt) checks.push(clock.dueAt);
  }
  const future = checks.filter((c) => c > now).sort();
  const state = clocks.reduce<SlaState>((best, c) => (RANK[c.state] > RANK[best] ? c.state : best), 'none');
  return {
    sla_first_due_at: s.firstResponse.dueAt,
    sla_resolution_due_at: s.resolution.dueAt,
    sla_due_at: dueAt,
    sla_check_at: future[0] ?? (checks.length ? now : null),
    sla_state: state,
  };
}

/** Pauses for the resolution clock when a conversation changes status (pending and snoozed pause it). */
export function pausesAfter(conv: Pick<ConversationsTable, 'sla_paused' | 'status'>, nextStatus: string, now: string, snoozedUntil: string | null): string {
  const spans = JSON.parse(conv.sla_paused || '[]') as Pause[];
  const closed = spans.map((p) => (p.to === null || p.to > now ? { from: p.from, to: p.to === null ? now : p.from > now ? p.from : now } : p));
  if (nextStatus === 'pending') closed.push({ from: now, to: null });
  if (nextStatus === 'snoozed') closed.push({ from: now, to: snoozedUntil });
  return JSON.stringify(closed.filter((p) => p.to === null || p.to > p.from).slice(-50));
}
