import { describe, expect, it } from 'vitest';
import type { CalendarPost, CalendarVariant } from './api';
import { entriesOf, matchesFilters, movedInstant, place, withTime } from './entries';

const AMS = 'Europe/Amsterdam';

function variant(channelId: string, over: Partial<CalendarVariant> = {}): CalendarVariant {
  return {
    id: `v-${channelId}`,
    channelId,
    state: 'scheduled',
    dueAt: null,
    publishedAt: null,
    url: null,
    reasonCode: null,
    ...over,
  };
}

function post(over: Partial<CalendarPost> = {}): CalendarPost {
  return {
    id: 'p1',
    title: 'Afvalkalender',
    excerpt: '',
    instrument: 'post',
    briefId: null,
    campaignId: null,
    author: { id: 'u1', name: 'Els', orgId: 'org', viaAgency: false },
    reviewState: 'approved',
    state: 'scheduled',
    version: 2,
    approved: true,
    verdict: 'ok',
    scheduledAt: '2026-03-10T08:00:00.000Z',
    updatedAt: '2026-03-01T00:00:00.000Z',
    variants: [
      variant('a', { dueAt: '2026-03-10T08:00:00.000Z' }),
      variant('b', { dueAt: '2026-03-10T08:00:00.000Z' }),
    ],
    ...over,
  };
}

describe('entriesOf', () => {
  it('groups variants that go out at the same moment into one entry on the zone clock', () => {
    const [e, ...rest] = entriesOf(post(), AMS);
    expect(rest).toEqual([]);
    expect(e).toMatchObject({
      key: 'p1@1773129600000',
      date: '2026-03-10',
      hour: 9,
      minute: 0,
      channelIds: ['a', 'b'],
      movable: true,
    });
  });

  it('gives a published variant its own entry at its publish time, which cannot move', () => {
    const p = post({
      state: 'partly_published',
      variants: [
        variant('a', { state: 'published', dueAt: '2026-03-10T08:00:00Z', publishedAt: '2026-03-10T08:01:00Z' }),
        variant('b', { dueAt: '2026-03-11T08:00:00Z' }),
      ],
    });
    const es = entriesOf(p, AMS);
    expect(es.map((e) => [e.channelIds, e.minute, e.movable])).toEqual([
      [['a'], 1, false],
      [['b'], 0, true],
    ]);
  });

  it('does not let published or publishing posts move', () => {
    expect(entriesOf(post({ state: 'publishing' }), AMS)[0].movable).toBe(false);
    expect(entriesOf(post({ state: 'published' }), AMS)[0].movable).toBe(false);
  });

  it('uses the post time for variants without their own, and has no entry without any time', () => {
    expect(entriesOf(post({ variants: [variant('a', { state: 'draft' })] }), AMS)[0].channelIds).toEqual(['a']);
    expect(entriesOf(post({ scheduledAt: null, variants: [variant('a', { state: 'draft' })] }), AMS)).toEqual([]);
    expect(entriesOf(post({ variants: [] }), AMS).map((e) => e.channelIds)).toEqual([[]]);
  });
});

describe('place', () => {
  it('splits into days and the posts without a time', () => {
    const later = post({ id: 'p2', title: 'Zwembad', scheduledAt: '2026-03-10T07:00:00Z', variants: [] });
    const none = post({ id: 'p3', scheduledAt: null, variants: [] });
    const placed = place([post(), later, none], AMS);
    expect(placed.byDay.get('2026-03-10')?.map((e) => e.post.id)).toEqual(['p2', 'p1']);
    expect(placed.unscheduled.map((p) => p.id)).toEqual(['p3']);
  });
});

describe('filters and moves', () => {
  it('filters by channel, campaign and author organization', () => {
    const agency = post({ campaignId: 'c1', author: { id: 'u2', name: 'Mark', orgId: 'bureau', viaAgency: true } });
    expect(matchesFilters(agency, { channelId: 'b', campaignId: '', author: '' })).toBe(true);
    expect(matchesFilters(agency, { channelId: 'z', campaignId: '', author: '' })).toBe(false);
    expect(matchesFilters(agency, { channelId: '', campaignId: 'c2', author: '' })).toBe(false);
    expect(matchesFilters(agency, { channelId: '', campaignId: 'c1', author: 'agency' })).toBe(true);
    expect(matchesFilters(agency, { channelId: '', campaignId: '', author: 'own' })).toBe(false);
  });

  it('keeps the time of day in the month view and the minutes in the week view, across DST', () => {
    expect(new Date(movedInstant({ hour: 9, minute: 15 }, '2026-03-30', null, AMS)).toISOString()).toBe(
      '2026-03-30T07:15:00.000Z',
    );
    expect(new Date(movedInstant({ hour: 9, minute: 15 }, '2026-03-27', 14, AMS)).toISOString()).toBe(
      '2026-03-27T13:15:00.000Z',
    );
  });

  it('shows the new time on every variant that has not gone out', () => {
    const p = withTime(
      post({ variants: [variant('a', { state: 'published', dueAt: 'x', publishedAt: 'y' }), variant('b')] }),
      '2026-04-01T10:00:00.000Z',
    );
    expect(p.scheduledAt).toBe('2026-04-01T10:00:00.000Z');
    expect(p.variants.map((v) => v.dueAt)).toEqual(['x', '2026-04-01T10:00:00.000Z']);
  });
});
