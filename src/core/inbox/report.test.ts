import { describe, expect, it } from 'vitest';
import { businessMsBetween, type BusinessHours } from './business-hours';
import { answeredBy, attainmentOf, businessClock, conversationTimes, labelled, localDate, localDateTime, reportRange, slaOutcome, tagCounts, timeFigure, volumeByDay } from './report';

const AMS = 'Europe/Amsterdam';
const OFFICE: BusinessHours = { timeZone: AMS, week: [1, 2, 3, 4, 5].map((day) => ({ day: day as 1, from: '09:00', to: '17:00' })), closedDates: ['2027-04-27'] };

describe('reportRange', () => {
  it('turns local dates into instants, across daylight saving time', () => {
    const r = reportRange({ from: '2027-03-28', to: '2027-03-28' }, '2027-06-01T00:00:00Z', AMS);
    expect(r).toEqual({ ok: true, range: { from: '2027-03-28', to: '2027-03-28', startAt: '2027-03-27T23:00:00.000Z', endAt: '2027-03-28T22:00:00.000Z' } });
  });
  it('defaults to the last 28 local days ending today', () => {
    const r = reportRange({}, '2027-01-31T23:30:00Z', AMS);
    expect(r.ok && r.range).toMatchObject({ from: '2027-01-05', to: '2027-02-01', startAt: '2027-01-04T23:00:00.000Z', endAt: '2027-02-01T23:00:00.000Z' });
    const onlyTo = reportRange({ to: '2027-01-28' }, '2027-06-01T00:00:00Z', AMS);
    expect(onlyTo.ok && onlyTo.range.from).toBe('2027-01-01');
  });
  it('refuses bad dates, a reversed range and more than 366 days', () => {
    expect(reportRange({ from: '2027-02-30', to: '2027-03-01' }, '2027-06-01T00:00:00Z', AMS)).toEqual({ ok: false, problems: ['from: "2027-02-30" is not a date (YYYY-MM-DD).'] });
    expect(reportRange({ to: 'gisteren' }, '2027-06-01T00:00:00Z', AMS)).toEqual({ ok: false, problems: ['to: "gisteren" is not a date (YYYY-MM-DD).'] });
    expect(reportRange({ from: '2027-03-02', to: '2027-03-01' }, '2027-06-01T00:00:00Z', AMS)).toEqual({ ok: false, problems: ['from: must not be after to.'] });
    expect(reportRange({ from: '2027-01-01', to: '2028-01-01' }, '2028-06-01T00:00:00Z', AMS).ok).toBe(true);
    expect(reportRange({ from: '2026-12-31', to: '2028-01-01' }, '2028-06-01T00:00:00Z', AMS)).toEqual({ ok: false, problems: ['A report covers at most 366 days.'] });
  });
});

describe('local dates', () => {
  it('reads instants in the time zone', () => {
    expect(localDate('2027-01-31T23:30:00Z', AMS)).toBe('2027-02-01');
    expect(localDate('2027-01-31T23:30:00Z', 'UTC')).toBe('2027-01-31');
    expect(localDateTime('2027-07-01T08:05:00Z', AMS)).toBe('2027-07-01 10:05');
  });
});

describe('volumeByDay', () => {
  it('lists every day of the range, zero where nothing came in, by local day', () => {
    const at = ['2027-01-01T22:59:00Z', '2027-01-01T23:00:00Z', '2027-01-03T10:00:00Z', '2027-01-03T11:00:00Z'];
    expect(volumeByDay(at, { from: '2027-01-01', to: '2027-01-04' }, AMS)).toEqual([
      { date: '2027-01-01', count: 1 },
      { date: '2027-01-02', count: 1 },
      { date: '2027-01-03', count: 2 },
      { date: '2027-01-04', count: 0 },
    ]);
  });
});

describe('labelled and tagCounts', () => {
  it('labels, adds up, puts the largest first and names the missing key', () => {
    const names = new Map([['t1', 'Service'], ['t2', 'Pers']]);
    expect(labelled([{ key: 't1', count: 2 }, { key: null, count: 5 }, { key: 't2', count: 2 }, { key: 't1', count: 1 }, { key: 'x', count: 0 }], (k) => names.get(k) ?? k, 'No team')).toEqual([
      { key: 'none', label: 'No team', count: 5 },
      { key: 't1', label: 'Service', count: 3 },
      { key: 't2', label: 'Pers', count: 2 },
    ]);
  });
  it('counts a tag once per conversation and skips broken lists', () => {
    expect(tagCounts(['["afval","klacht"]', '["afval","afval"]', '[]', 'kapot', '{"a":1}', '["", 3]'])).toEqual([
      { key: 'afval', label: 'afval', count: 2 },
      { key: 'klacht', label: 'klacht', count: 1 },
    ]);
  });
});

describe('slaOutcome and attainment', () => {
  const now = '2027-01-10T12:00:00Z';
  it('met when done at or before due, missed when later or overdue, none without a due time', () => {
    expect(slaOutcome('2027-01-10T10:00:00Z', '2027-01-10T10:00:00.000Z', now)).toBe('met');
    expect(slaOutcome('2027-01-10T10:00:01Z', '2027-01-10T10:00:00Z', now)).toBe('missed');
    expect(slaOutcome(null, '2027-01-10T11:59:59Z', now)).toBe('missed');
    expect(slaOutcome(null, '2027-01-10T12:00:00Z', now)).toBe('running');
    expect(slaOutcome('2027-01-10T10:00:00Z', null, now)).toBe('none');
  });
  it('is the share met among met and missed', () => {
    expect(attainmentOf(['met', 'met', 'missed', 'none', 'running'])).toBeCloseTo(2 / 3);
    expect(attainmentOf(['none', 'running'])).toBeNull();
    expect(attainmentOf([])).toBeNull();
  });
});

describe('conversationTimes and timeFigure', () => {
  const base = { teamId: 't', slaFirstDueAt: null, slaResolutionDueAt: null };
  it('counts business minutes of the team: Friday 16:30 to Monday 09:15 is 45 minutes', () => {
    const c = { ...base, firstMessageAt: '2027-01-08T15:30:00Z', firstResponseAt: '2027-01-11T08:15:00Z', resolvedAt: null };
    expect(conversationTimes(c, OFFICE, '2027-02-01T00:00:00Z')).toEqual({ firstResponseMinutes: 45, resolutionMinutes: null, firstResponseSla: 'none', resolutionSla: 'none' });
  });
  it('counts plain minutes without a team, never below zero', () => {
    const c = { ...base, teamId: null, firstMessageAt: '2027-01-08T15:30:00Z', firstResponseAt: '2027-01-11T08:15:00Z', resolvedAt: '2027-01-08T15:00:00Z' };
    expect(conversationTimes(c, null, '2027-02-01T00:00:00Z')).toMatchObject({ firstResponseMinutes: 3885, resolutionMinutes: 0 });
  });
  it('skips closed dates', () => {
    const c = { ...base, firstMessageAt: '2027-04-26T15:00:00Z', firstResponseAt: '2027-04-28T07:30:00Z', resolvedAt: null };
    expect(conversationTimes(c, OFFICE, '2027-05-01T00:00:00Z').firstResponseMinutes).toBe(30);
  });
  it('takes median and nearest-rank p90 of the known minutes', () => {
    expect(timeFigure([10, null, 30, 20, 40])).toEqual({ count: 4, medianMinutes: 25, p90Minutes: 40 });
    expect(timeFigure([null])).toEqual({ count: 0, medianMinutes: null, p90Minutes: null });
  });
});

describe('answeredBy', () => {
  const orgs = new Map([['org', { name: 'Gemeente', isAgency: false }], ['bureau', { name: 'Bureau Helder', isAgency: true }]]);
  it('credits first replies and their first-response minutes, and counts all replies', () => {
    const rows = answeredBy(
      [
        { firstOrgId: 'bureau', firstResponseMinutes: 10 },
        { firstOrgId: 'bureau', firstResponseMinutes: 30 },
        { firstOrgId: 'bureau', firstResponseMinutes: null },
        { firstOrgId: 'org', firstResponseMinutes: 5 },
        { firstOrgId: null, firstResponseMinutes: 1 },
      ],
      [{ orgId: 'bureau', count: 3 }, { orgId: 'org', count: 2 }, { orgId: 'org', count: 1 }, { orgId: null, count: 9 }],
      orgs,
    );
    expect(rows).toEqual([
      { orgId: 'bureau', orgName: 'Bureau Helder', isAgency: true, replies: 3, conversations: 3, medianFirstResponseMinutes: 20 },
      { orgId: 'org', orgName: 'Gemeente', isAgency: false, replies: 3, conversations: 1, medianFirstResponseMinutes: 5 },
    ]);
  });
  it('sorts ties by replies then name, and lists unknown organizations without a name', () => {
    const rows = answeredBy([{ firstOrgId: 'org', firstResponseMinutes: null }, { firstOrgId: 'bureau', firstResponseMinutes: null }], [{ orgId: 'gone', count: 4 }, { orgId: 'bureau', count: 1 }, { orgId: 'org', count: 1 }], orgs);
    expect(rows.map((r) => [r.orgId, r.orgName, r.conversations, r.replies, r.medianFirstResponseMinutes])).toEqual([
      ['bureau', 'Bureau Helder', 1, 1, null],
      ['org', 'Gemeente', 1, 1, null],
      ['gone', '', 0, 4, null],
    ]);
    expect(answeredBy([], [], orgs)).toEqual([]);
  });
});

describe('businessClock', () => {
  it('gives exactly what businessMsBetween gives, holidays included, in both directions', () => {
    const hours: BusinessHours = { ...OFFICE, closedDates: ['2027-12-25', '2027-04-27', 'kapot', '2027-05-05', '2027-04-27', '2028-01-01'] };
    const clock = businessClock(hours);
    let seed = 7;
    const rnd = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let i = 0; i < 300; i++) {
      const s = Date.parse('2027-04-20T00:00:00Z') + Math.floor(rnd() * 260 * 86_400_000);
      const e = s + Math.floor((rnd() - 0.1) * 20 * 86_400_000);
      const [a, b] = [new Date(s).toISOString(), new Date(e).toISOString()];
      expect(clock(a, b), `${a} → ${b}`).toBe(businessMsBetween(hours, a, b));
    }
    expect(clock('2027-04-26T15:00:00Z', '2027-04-28T07:30:00Z')).toBe(30 * 60_000);
    expect(businessClock(hours)).toBe(clock);
  });
});
