import type { SlaState } from './api';

/**
 * SLA clocks as shown to an agent. The server computes the due times in the team's business hours; the browser
 * only counts down to them, so "time left" is wall-clock time until the due moment the server gave.
 */

export type ClockState = 'none' | 'running' | 'warning' | 'overdue' | 'met' | 'missed';

export interface Clock {
  state: ClockState;
  /** Milliseconds until due (negative once overdue); null when there is no due time or the clock stopped. */
  remainingMs: number | null;
}

function time(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
}

/**
 * One timer (first response or resolution): stopped (met/missed) once `doneAt` is set, overdue once `now` passed
 * `dueAt`, warning when the server says so (`warn`), else running. No (valid) due time: 'none'.
 */
export function slaClock(dueAt: string | null, doneAt: string | null, now: number, warn = false): Clock {
  const due = time(dueAt);
  if (due === null) return { state: 'none', remainingMs: null };
  const done = time(doneAt);
  if (done !== null) return { state: done <= due ? 'met' : 'missed', remainingMs: null };
  const remainingMs = due - now;
  if (remainingMs <= 0) return { state: 'overdue', remainingMs };
  return { state: warn ? 'warning' : 'running', remainingMs };
}

/**
 * The list badge: the server's state, except that a running clock whose due time passed since the list was loaded
 * shows as overdue right away.
 */
export function listClock(sla: { state: SlaState; dueAt: string | null }, now: number): Clock {
  const due = time(sla.dueAt);
  if (sla.state === 'none' || sla.state === 'met' || sla.state === 'missed') {
    return { state: sla.state, remainingMs: null };
  }
  if (sla.state === 'breached') return { state: 'overdue', remainingMs: due === null ? null : due - now };
  if (due === null) return { state: 'none', remainingMs: null };
  const remainingMs = due - now;
  if (remainingMs <= 0) return { state: 'overdue', remainingMs };
  return { state: sla.state === 'warning' ? 'warning' : 'running', remainingMs };
}

export interface DurationUnits {
  d: string;
  h: string;
  m: string;
}

/**
 * A duration in at most two units, rounded up to whole minutes: "2 d 3 u", "3 u 15 min", "12 min", "1 min".
 * The sign is ignored (the caller says "left" or "overdue").
 */
export function formatDuration(ms: number, units: DurationUnits): string {
  if (!Number.isFinite(ms)) return '';
  const totalMinutes = Math.max(1, Math.ceil(Math.abs(ms) / 60_000));
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  if (days > 0) return hours > 0 ? `${days} ${units.d} ${hours} ${units.h}` : `${days} ${units.d}`;
  if (hours > 0) return minutes > 0 ? `${hours} ${units.h} ${minutes} ${units.m}` : `${hours} ${units.h}`;
  return `${minutes} ${units.m}`;
}
