import { describe, expect, it } from 'vitest';
import { fillDays, formatMinutes, formatShare, lastDays, validRange } from './reportFormat';

describe('formatMinutes', () => {
  it('writes hours and minutes per language', () => {
    expect(formatMinutes(80, 'nl')).toBe('1 u 20 min');
    expect(formatMinutes(80, 'en')).toBe('1 h 20 min');
    expect(formatMinutes(45, 'nl')).toBe('45 min');
    expect(formatMinutes(120, 'nl')).toBe('2 u');
    expect(formatMinutes(0, 'en')).toBe('0 min');
  });
  it('rounds, and shows a dash without data', () => {
    expect(formatMinutes(59.6, 'en')).toBe('1 h');
    expect(formatMinutes(1501.2, 'nl')).toBe('25 u 1 min');
    expect(formatMinutes(null, 'nl')).toBe('—');
    expect(formatMinutes(Number.NaN, 'nl')).toBe('—');
    expect(formatMinutes(-5, 'nl')).toBe('0 min');
  });
});

describe('formatShare', () => {
  it('gives a whole percentage, clamped', () => {
    expect(formatShare(0.874)).toBe('87%');
    expect(formatShare(1.2)).toBe('100%');
    expect(formatShare(-0.1)).toBe('0%');
    expect(formatShare(null)).toBe('—');
  });
});

describe('lastDays', () => {
  it('counts today as the last day, across months and years', () => {
    expect(lastDays('2026-03-10', 7)).toEqual({ from: '2026-03-04', to: '2026-03-10' });
    expect(lastDays('2026-01-05', 28)).toEqual({ from: '2025-12-09', to: '2026-01-05' });
    expect(lastDays('2024-03-01', 2)).toEqual({ from: '2024-02-29', to: '2024-03-01' });
    expect(lastDays('2026-03-10', 0)).toEqual({ from: '2026-03-10', to: '2026-03-10' });
  });
});

describe('validRange', () => {
  it('accepts ordered real dates only', () => {
    expect(validRange('2026-01-01', '2026-01-01')).toBe(true);
    expect(validRange('2026-01-02', '2026-01-01')).toBe(false);
    expect(validRange('2026-02-30', '2026-03-01')).toBe(false);
    expect(validRange('', '2026-03-01')).toBe(false);
  });
});

describe('fillDays', () => {
  it('fills the days the server left out with zero', () => {
    expect(fillDays('2026-02-27', '2026-03-02', [{ date: '2026-03-01', count: 4 }])).toEqual([
      { date: '2026-02-27', count: 0 },
      { date: '2026-02-28', count: 0 },
      { date: '2026-03-01', count: 4 },
      { date: '2026-03-02', count: 0 },
    ]);
  });
  it('passes the list through for a bad range', () => {
    expect(fillDays('2026-03-02', '2026-03-01', [{ date: 'x', count: 1 }])).toEqual([{ date: 'x', count: 1 }]);
  });
});
