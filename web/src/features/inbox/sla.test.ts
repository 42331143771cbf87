import { describe, expect, it } from 'vitest';
import { formatDuration, listClock, slaClock } from './sla';

const NOW = Date.parse('2026-03-02T10:00:00Z');
const units = { d: 'd', h: 'u', m: 'min' };

describe('slaClock', () => {
  it('has no state without a (valid) due time', () => {
    expect(slaClock(null, null, NOW)).toEqual({ state: 'none', remainingMs: null });
    expect(slaClock('not a date', null, NOW)).toEqual({ state: 'none', remainingMs: null });
  });

  it('counts down to the due time', () => {
    expect(slaClock('2026-03-02T10:30:00Z', null, NOW)).toEqual({ state: 'running', remainingMs: 30 * 60_000 });
    expect(slaClock('2026-03-02T10:30:00Z', null, NOW, true).state).toBe('warning');
  });

  it('is overdue at and after the due time', () => {
    expect(slaClock('2026-03-02T10:00:00Z', null, NOW)).toEqual({ state: 'overdue', remainingMs: 0 });
    expect(slaClock('2026-03-02T09:00:00Z', null, NOW, true)).toEqual({ state: 'overdue', remainingMs: -3_600_000 });
  });

  it('stops once done: met on or before the due time, missed after', () => {
    expect(slaClock('2026-03-02T10:00:00Z', '2026-03-02T10:00:00Z', NOW)).toEqual({ state: 'met', remainingMs: null });
    expect(slaClock('2026-03-02T10:00:00Z', '2026-03-02T10:00:01Z', NOW)).toEqual({ state: 'missed', remainingMs: null });
  });
});

describe('listClock', () => {
  it('follows the server for stopped and breached clocks', () => {
    expect(listClock({ state: 'met', dueAt: null }, NOW).state).toBe('met');
    expect(listClock({ state: 'missed', dueAt: null }, NOW).state).toBe('missed');
    expect(listClock({ state: 'none', dueAt: '2026-03-02T11:00:00Z' }, NOW).state).toBe('none');
    expect(listClock({ state: 'breached', dueAt: '2026-03-02T11:00:00Z' }, NOW)).toEqual({ state: 'overdue', remainingMs: 3_600_000 });
  });

  it('turns a running clock overdue as soon as its time passes', () => {
    expect(listClock({ state: 'ok', dueAt: '2026-03-02T09:59:00Z' }, NOW).state).toBe('overdue');
    expect(listClock({ state: 'warning', dueAt: '2026-03-02T10:05:00Z' }, NOW)).toEqual({ state: 'warning', remainingMs: 300_000 });
    expect(listClock({ state: 'ok', dueAt: null }, NOW).state).toBe('none');
  });
});

describe('formatDuration', () => {
  it('uses at most two units, rounding up to whole minutes', () => {
    expect(formatDuration(1, units)).toBe('1 min');
    expect(formatDuration(59_000, units)).toBe('1 min');
    expect(formatDuration(60_001, units)).toBe('2 min');
    expect(formatDuration(60 * 60_000, units)).toBe('1 u');
    expect(formatDuration(135 * 60_000, units)).toBe('2 u 15 min');
    expect(formatDuration(26 * 3_600_000, units)).toBe('1 d 2 u');
    expect(formatDuration(48 * 3_600_000 + 59_000, units)).toBe('2 d');
  });

  it('ignores the sign and says at least one minute', () => {
    expect(formatDuration(-135 * 60_000, units)).toBe('2 u 15 min');
    expect(formatDuration(0, units)).toBe('1 min');
    expect(formatDuration(Number.NaN, units)).toBe('');
  });
});
