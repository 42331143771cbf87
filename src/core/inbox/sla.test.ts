import { describe, expect, it } from 'vitest';
import { ALWAYS_OPEN, type BusinessHours } from './business-hours';
import { slaEvents, slaStatus, type SlaClockInput, type SlaEvent, type SlaStatus, type SlaTargets } from './sla';

const M = 60_000;
const H = 60 * M;
/** Mon–Fri 09:00–17:00 in Amsterdam (UTC+1 in February). */
const office: BusinessHours = { timeZone: 'Europe/Amsterdam', week: ([1, 2, 3, 4, 5] as const).map((day) => ({ day, from: '09:00', to: '17:00' })), closedDates: [] };
const targets: SlaTargets = { firstResponseMinutes: 60, resolutionMinutes: 480, warnAtFraction: 0.8 };
const input = (c: Partial<SlaClockInput>): SlaClockInput => ({ openedAt: '2026-02-10T16:30+01:00', firstResponseAt: null, resolvedAt: null, pausedSpans: [], now: '2026-02-10T16:30+01:00', ...c });
const first = (c: Partial<SlaClockInput>, h = office, t = targets) => slaStatus(h, t, input(c)).firstResponse;
const resolution = (c: Partial<SlaClockInput>, h = office, t = targets) => slaStatus(h, t, input({ openedAt: '2026-02-10T09:00+01:00', ...c })).resolution;

describe('first response: states at each boundary, in business hours', () => {
  const due = '2026-02-11T08:30:00.000Z';
  it('is ok, with the due time carried over the night', () => {
    expect(first({ now: '2026-02-10T16:40+01:00' })).toEqual({ state: 'ok', dueAt: due, remainingMs: 50 * M });
    expect(first({ now: '2026-02-10T23:00+01:00' })).toEqual({ state: 'ok', dueAt: due, remainingMs: 30 * M });
  });
  it('warns from exactly 80% of the target', () => {
    expect(first({ now: '2026-02-11T09:17:59.999+01:00' }).state).toBe('ok');
    expect(first({ now: '2026-02-11T09:18+01:00' })).toEqual({ state: 'warning', dueAt: due, remainingMs: 12 * M });
  });
  it('is breached only after the due time', () => {
    expect(first({ now: '2026-02-11T09:30+01:00' })).toEqual({ state: 'warning', dueAt: due, remainingMs: 0 });
    expect(first({ now: '2026-02-11T09:30:00.001+01:00' })).toEqual({ state: 'breached', dueAt: due, remainingMs: -1 });
  });
  it('is met when answered at or before the due time, missed after', () => {
    expect(first({ firstResponseAt: '2026-02-11T09:30+01:00', now: '2026-02-12T12:00Z' })).toEqual({ state: 'met', dueAt: due, remainingMs: 0 });
    expect(first({ firstResponseAt: '2026-02-11T09:30:00.001+01:00', now: '2026-02-12T12:00Z' })).toEqual({ state: 'missed', dueAt: due, remainingMs: -1 });
    expect(first({ firstResponseAt: '2026-02-10T16:45+01:00', now: '2026-02-12T12:00Z' })).toEqual({ state: 'met', dueAt: due, remainingMs: 45 * M });
  });
  it('a target due when the team closes is breached over the weekend and missed on Monday morning', () => {
    const t = { ...targets, firstResponseMinutes: 30 };
    const fri = { openedAt: '2026-02-13T16:30+01:00' };
    expect(first({ ...fri, now: '2026-02-14T10:00+01:00' }, office, t)).toEqual({ state: 'breached', dueAt: '2026-02-13T16:00:00.000Z', remainingMs: 0 });
    expect(first({ ...fri, firstResponseAt: '2026-02-16T09:00+01:00', now: '2026-02-16T09:00+01:00' }, office, t).state).toBe('missed');
  });
  it('stops when the conversation is resolved without a response', () => {
    expect(first({ resolvedAt: '2026-02-10T16:50+01:00', now: '2026-02-12T12:00Z' })).toEqual({ state: 'met', dueAt: due, remainingMs: 40 * M });
  });
  it('is none without a target, and a zero target is due at once', () => {
    expect(first({}, office, { ...targets, firstResponseMinutes: null })).toEqual({ state: 'none', dueAt: null, remainingMs: null });
    expect(first({ now: '2026-02-10T16:30:00.001+01:00' }, ALWAYS_OPEN, { ...targets, firstResponseMinutes: 0 })).toEqual({ state: 'breached', dueAt: '2026-02-10T15:30:00.000Z', remainingMs: -1 });
  });
  it('refuses targets that are not durations', () => {
    expect(() => first({}, office, { ...targets, firstResponseMinutes: -5 })).toThrow(RangeError);
    expect(() => first({}, office, { ...targets, resolutionMinutes: Number.NaN })).toThrow(RangeError);
    expect(() => first({}, office, { ...targets, warnAtFraction: 1.5 })).toThrow(RangeError);
    expect(() => first({ now: '2026-02-10 17:00' })).toThrow(RangeError);
  });
});

describe('resolution: paused time does not count', () => {
  it('without pauses is due after one business day', () => {
    expect(resolution({ now: '2026-02-10T12:00+01:00' })).toEqual({ state: 'ok', dueAt: '2026-02-10T16:00:00.000Z', remainingMs: 5 * H });
  });
  it('a closed pause moves the due time', () => {
    const pausedSpans = [{ from: '2026-02-10T10:00+01:00', to: '2026-02-10T12:00+01:00' }];
    expect(resolution({ pausedSpans, now: '2026-02-10T16:00+01:00' })).toEqual({ state: 'ok', dueAt: '2026-02-11T10:00:00.000Z', remainingMs: 3 * H });
    expect(resolution({ pausedSpans, now: '2026-02-11T09:23:59.999+01:00' }).state).toBe('ok');
    expect(resolution({ pausedSpans, now: '2026-02-11T09:24+01:00' }).state).toBe('warning');
  });
  it('overlapping pauses and a pause from before opening count once', () => {
    const pausedSpans = [
      { from: '2026-02-10T08:00+01:00', to: '2026-02-10T09:30+01:00' },
      { from: '2026-02-10T10:00+01:00', to: '2026-02-10T11:00+01:00' },
      { from: '2026-02-10T10:30+01:00', to: '2026-02-10T12:00+01:00' },
    ];
    expect(resolution({ pausedSpans, now: '2026-02-10T16:00+01:00' })).toEqual({ state: 'ok', dueAt: '2026-02-11T10:30:00.000Z', remainingMs: 3.5 * H });
  });
  it('ignores a pause that ends before it starts', () => {
    const pausedSpans = [{ from: '2026-02-10T12:00+01:00', to: '2026-02-10T10:00+01:00' }];
    expect(resolution({ pausedSpans, now: '2026-02-10T16:00+01:00' })).toEqual({ state: 'warning', dueAt: '2026-02-10T16:00:00.000Z', remainingMs: H });
  });
  it('while paused the clock stands still and has no due time', () => {
    const pausedSpans = [{ from: '2026-02-10T10:00+01:00', to: null }];
    expect(resolution({ pausedSpans, now: '2026-02-12T15:00+01:00' })).toEqual({ state: 'ok', dueAt: null, remainingMs: 7 * H });
    expect(resolution({ pausedSpans, resolvedAt: '2026-02-12T15:00+01:00', now: '2026-02-12T15:00+01:00' })).toEqual({ state: 'met', dueAt: '2026-02-13T13:00:00.000Z', remainingMs: 7 * H });
  });
  it('a snooze that ends later projects the due time past its end', () => {
    const pausedSpans = [{ from: '2026-02-10T10:00+01:00', to: '2026-02-10T14:00+01:00' }];
    expect(resolution({ pausedSpans, now: '2026-02-10T12:00+01:00' })).toEqual({ state: 'ok', dueAt: '2026-02-11T12:00:00.000Z', remainingMs: 7 * H });
  });
  it('a pause after a breach keeps it breached', () => {
    const c = { openedAt: '2026-02-09T09:00+01:00', pausedSpans: [{ from: '2026-02-10T10:00+01:00', to: null }], now: '2026-02-10T15:00+01:00' };
    expect(resolution(c)).toEqual({ state: 'breached', dueAt: '2026-02-09T16:00:00.000Z', remainingMs: -H });
  });
  it('is missed when resolved after the due time', () => {
    expect(resolution({ resolvedAt: '2026-02-11T09:01+01:00', now: '2026-02-12T12:00Z' })).toEqual({ state: 'missed', dueAt: '2026-02-10T16:00:00.000Z', remainingMs: -M });
  });
});

describe('urgency: the order of an inbox', () => {
  const now = '2026-02-10T12:00:00Z';
  const ago = (ms: number) => new Date(Date.parse(now) - ms).toISOString();
  const t = (minutes: number | null): SlaTargets => ({ firstResponseMinutes: minutes, resolutionMinutes: null, warnAtFraction: 0.8 });
  const u = (minutes: number | null, c: Partial<SlaClockInput>) => slaStatus(ALWAYS_OPEN, t(minutes), input({ now, ...c })).urgency;
  const list: Array<[string, number]> = [
    ['no SLA, opened 1 h ago', u(null, { openedAt: ago(H) })],
    ['ok, due in 3 h', u(240, { openedAt: ago(H) })],
    ['breached 10 min ago', u(60, { openedAt: ago(70 * M) })],
    ['no SLA, opened 3 days ago', u(null, { openedAt: ago(72 * H) })],
    ['warning, due in 30 min', u(180, { openedAt: ago(150 * M) })],
    ['breached 2 h ago', u(60, { openedAt: ago(3 * H) })],
    ['answered, opened 2 days ago', u(60, { openedAt: ago(48 * H), firstResponseAt: ago(47 * H) })],
    ['ok, due in 5 min', u(10, { openedAt: ago(5 * M) })],
  ];
  it('puts breached first (longest overdue first), then time left, then the rest by age', () => {
    expect([...list].sort((a, b) => a[1] - b[1]).map(([name]) => name)).toEqual([
      'breached 2 h ago',
      'breached 10 min ago',
      'ok, due in 5 min',
      'warning, due in 30 min',
      'ok, due in 3 h',
      'no SLA, opened 3 days ago',
      'answered, opened 2 days ago',
      'no SLA, opened 1 h ago',
    ]);
  });
  it('has exact values per tier', () => {
    expect(u(10, { openedAt: ago(5 * M) })).toBe(5 * M);
    expect(u(60, { openedAt: ago(3 * H) })).toBe(-1e13 - 2 * H);
    expect(u(null, { openedAt: ago(H) })).toBe(2e13 - H);
  });
  it('takes the more urgent of the two clocks, and ignores a paused one', () => {
    const both: SlaTargets = { firstResponseMinutes: 60, resolutionMinutes: 30, warnAtFraction: 0.8 };
    expect(slaStatus(ALWAYS_OPEN, both, input({ openedAt: ago(10 * M), now })).urgency).toBe(20 * M);
    const paused = input({ openedAt: ago(10 * M), firstResponseAt: ago(9 * M), pausedSpans: [{ from: ago(5 * M), to: null }], now });
    expect(slaStatus(ALWAYS_OPEN, both, paused).urgency).toBe(2e13 - 10 * M);
  });
});

describe('slaEvents: notify once per transition', () => {
  const status = (fr: SlaStatus['firstResponse']['state'], res: SlaStatus['resolution']['state'] = 'none'): SlaStatus => ({
    firstResponse: { state: fr, dueAt: 'D1', remainingMs: 0 },
    resolution: { state: res, dueAt: 'D2', remainingMs: 0 },
    urgency: 0,
  });
  it('warns on entering warning and notifies on entering breach', () => {
    expect(slaEvents(null, status('ok'))).toEqual([]);
    expect(slaEvents(status('ok'), status('warning'))).toEqual([{ clock: 'firstResponse', kind: 'warning', dueAt: 'D1' }]);
    expect(slaEvents(status('warning'), status('breached'))).toEqual([{ clock: 'firstResponse', kind: 'breach', dueAt: 'D1' }]);
    expect(slaEvents(status('ok'), status('breached'))).toEqual([{ clock: 'firstResponse', kind: 'breach', dueAt: 'D1' }]);
    expect(slaEvents(null, status('breached', 'warning'))).toEqual([
      { clock: 'firstResponse', kind: 'breach', dueAt: 'D1' },
      { clock: 'resolution', kind: 'warning', dueAt: 'D2' },
    ]);
    expect(slaEvents(status('met', 'met'), status('met', 'warning'))).toEqual([{ clock: 'resolution', kind: 'warning', dueAt: 'D2' }]);
  });
  it('stays quiet when nothing new happens', () => {
    expect(slaEvents(status('warning'), status('warning'))).toEqual([]);
    expect(slaEvents(status('breached'), status('breached'))).toEqual([]);
    expect(slaEvents(status('breached'), status('warning'))).toEqual([]);
    expect(slaEvents(status('breached'), status('missed'))).toEqual([]);
  });
  it('over a real timeline, gives each warning and breach exactly once', () => {
    const events: SlaEvent[] = [];
    let previous: SlaStatus | null = null;
    for (let minute = 0; minute <= 24 * 60; minute += 7) {
      const now = new Date(Date.parse('2026-02-10T15:30Z') + minute * M).toISOString();
      const next = slaStatus(office, targets, input({ now }));
      events.push(...slaEvents(previous, next));
      previous = next;
    }
    expect(events).toEqual([
      { clock: 'firstResponse', kind: 'warning', dueAt: '2026-02-11T08:30:00.000Z' },
      { clock: 'firstResponse', kind: 'breach', dueAt: '2026-02-11T08:30:00.000Z' },
      { clock: 'resolution', kind: 'warning', dueAt: '2026-02-11T15:30:00.000Z' },
    ]);
  });
});
