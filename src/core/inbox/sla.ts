/**
 * SLA clocks of a conversation: first response and resolution, counted in the team's business hours against the
 * targets for its priority. Pure: the service passes `now` and the times it recorded.
 */
import { addBusinessMs, businessMsBetween, instantMs, type BusinessHours } from './business-hours';

export interface SlaTargets {
  firstResponseMinutes: number | null;
  resolutionMinutes: number | null;
  /** The share of a target after which a running clock warns, e.g. 0.8. */
  warnAtFraction: number;
}

export interface SlaClockInput {
  openedAt: string;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  /**
   * Time that does not count for resolution (pending on the customer, snoozed). `to: null` is still paused; a `to`
   * in the future is a snooze that ends then. Time resolved before a reopen can be passed here too.
   */
  pausedSpans: Array<{ from: string; to: string | null }>;
  now: string;
}

export type SlaState = 'none' | 'ok' | 'warning' | 'breached' | 'met' | 'missed';

export interface SlaClock {
  state: SlaState;
  /** When the target is (or was) due; null without a target, or while the clock is paused short of its target. */
  dueAt: string | null;
  /** Business ms left on the target (negative past it), frozen when the clock stopped; null without a target. */
  remainingMs: number | null;
}

export interface SlaStatus {
  firstResponse: SlaClock;
  resolution: SlaClock;
  /** Sorts an inbox by SLA urgency: smaller is more urgent. */
  urgency: number;
}

const MIN = 60_000;
const NONE: SlaClock = { state: 'none', dueAt: null, remainingMs: null };
/** Urgency tiers: breached below -TIER, ticking in [0, TIER), nothing ticking above TIER. */
const TIER = 1e13;

type Pause = { from: number; to: number | null };

/** Pauses from `opened` on, sorted and merged; an open end (null) swallows everything after it. */
function normalizePauses(spans: SlaClockInput['pausedSpans'], opened: number): Pause[] {
  const sorted = spans
    .map((p) => ({ from: Math.max(instantMs(p.from), opened), to: p.to === null ? null : instantMs(p.to) }))
    .filter((p) => p.to === null || p.to > p.from)
    .sort((a, b) => a.from - b.from);
  const out: Pause[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last && (last.to === null || p.from <= last.to)) last.to = last.to === null || p.to === null ? null : Math.max(last.to, p.to);
    else out.push({ ...p });
  }
  return out;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** One clock from `opened` to `stop` (null: still running at `now`), leaving out `pauses`. */
function runClock(h: BusinessHours, minutes: number | null, warnAt: number, opened: number, stop: number | null, now: number, pauses: Pause[]): SlaClock {
  if (minutes === null) return NONE;
  const target = minutes * MIN;
  const end = stop ?? now;
  const ends = pauses.filter((p) => stop === null || p.from < stop).map((p) => ({ from: p.from, to: p.to ?? stop }));
  let elapsed = businessMsBetween(h, iso(opened), iso(end));
  for (const p of ends) {
    const to = Math.min(p.to ?? end, end);
    if (p.from < to) elapsed -= businessMsBetween(h, iso(p.from), iso(to));
  }
  let dueAt: string | null = null;
  let cursor = opened;
  let remaining = target;
  let stopped = false;
  for (const p of ends) {
    const open = businessMsBetween(h, iso(cursor), iso(Math.max(p.from, cursor)));
    if (open >= remaining) break;
    remaining -= open;
    if (p.to === null) {
      stopped = true;
      break;
    }
    cursor = Math.max(cursor, p.to);
  }
  if (!stopped) dueAt = addBusinessMs(h, iso(cursor), remaining);
  const due = dueAt === null ? null : instantMs(dueAt);
  const remainingMs = target - elapsed;
  if (stop !== null) return { state: due !== null && stop > due ? 'missed' : 'met', dueAt, remainingMs };
  const state: SlaState = due !== null && now > due ? 'breached' : elapsed >= warnAt * target ? 'warning' : 'ok';
  return { state, dueAt, remainingMs };
}

function checkTargets(t: SlaTargets): void {
  for (const m of [t.firstResponseMinutes, t.resolutionMinutes]) {
    if (m !== null && !(Number.isFinite(m) && m >= 0)) throw new RangeError(`An SLA target of ${m} minutes is not a duration.`);
  }
  if (!(t.warnAtFraction >= 0 && t.warnAtFraction <= 1)) throw new RangeError(`warnAtFraction must lie in [0, 1], not ${t.warnAtFraction}.`);
}

/**
 * Both SLA clocks of a conversation, in business hours. First response runs from `openedAt` until the first
 * response (or the resolution, when it was resolved without one); resolution runs until `resolvedAt`, leaving out
 * `pausedSpans`. A stopped clock is `met` when it stopped at or before its due time, else `missed`; a running one is
 * `breached` once `now` is past its due time, `warning` from `warnAtFraction` of the target, else `ok`; `none`
 * without a target. Throws RangeError on targets that are not durations or on instants without a time zone.
 */
export function slaStatus(h: BusinessHours, t: SlaTargets, c: SlaClockInput): SlaStatus {
  checkTargets(t);
  const opened = instantMs(c.openedAt);
  const now = instantMs(c.now);
  const resolved = c.resolvedAt === null ? null : instantMs(c.resolvedAt);
  const responded = c.firstResponseAt === null ? resolved : instantMs(c.firstResponseAt);
  const firstResponse = runClock(h, t.firstResponseMinutes, t.warnAtFraction, opened, responded, now, []);
  const resolution = runClock(h, t.resolutionMinutes, t.warnAtFraction, opened, resolved, now, normalizePauses(c.pausedSpans, opened));
  return { firstResponse, resolution, urgency: urgencyOf([firstResponse, resolution], opened, now) };
}

/**
 * Breached clocks first, longest overdue first; then ticking clocks by the wall time left until they are due; then
 * conversations with nothing ticking (no target, stopped or paused), oldest first.
 */
function urgencyOf(clocks: SlaClock[], opened: number, now: number): number {
  const clamp = (ms: number) => Math.min(Math.max(ms, 0), TIER - 1);
  let best = 2 * TIER - clamp(now - opened);
  for (const k of clocks) {
    if (k.dueAt === null) continue;
    if (k.state === 'breached') best = Math.min(best, -TIER - clamp(now - instantMs(k.dueAt)));
    else if (k.state === 'ok' || k.state === 'warning') best = Math.min(best, clamp(instantMs(k.dueAt) - now));
  }
  return best;
}

export interface SlaEvent {
  clock: 'firstResponse' | 'resolution';
  kind: 'warning' | 'breach';
  dueAt: string | null;
}

/**
 * The notifications a status change calls for, one per transition: `breach` when a clock becomes breached, `warning`
 * when it comes into warning from anything but warning or breached. `previous` null is the first status seen.
 */
export function slaEvents(previous: SlaStatus | null, next: SlaStatus): SlaEvent[] {
  const events: SlaEvent[] = [];
  for (const clock of ['firstResponse', 'resolution'] as const) {
    const was = previous?.[clock].state ?? 'none';
    const is = next[clock].state;
    if (is === 'breached' && was !== 'breached') events.push({ clock, kind: 'breach', dueAt: next[clock].dueAt });
    if (is === 'warning' && was !== 'warning' && was !== 'breached') events.push({ clock, kind: 'warning', dueAt: next[clock].dueAt });
  }
  return events;
}
