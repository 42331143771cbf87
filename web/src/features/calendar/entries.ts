import type { CalendarPost, PostDisplayState } from './api';
import { zonedInstant, zonedMoment, type CivilDate } from './time';

/**
 * What the calendar draws: one entry per post and moment (its variants grouped by the time they go or went out),
 * placed on the wall clock of the workspace's time zone.
 */

export interface CalendarEntry {
  /** Unique per post and moment. */
  key: string;
  post: CalendarPost;
  /** The instant, ms since the epoch, and as ISO. */
  ms: number;
  at: string;
  date: CivilDate;
  hour: number;
  minute: number;
  /** The channels of the variants at this moment, in the post's order. */
  channelIds: string[];
  /** False when this moment is out (published) or on its way (publishing): it can no longer be moved. */
  movable: boolean;
}

export type AuthorFilter = '' | 'own' | 'agency';

export interface CalendarFilters {
  channelId: string;
  campaignId: string;
  author: AuthorFilter;
}

export const NO_FILTERS: CalendarFilters = { channelId: '', campaignId: '', author: '' };

const FIXED: ReadonlySet<PostDisplayState> = new Set<PostDisplayState>(['published', 'publishing']);

/** The moment a variant goes (or went) out: published time first, then its own due time, then the post's time. */
function momentOf(post: CalendarPost, v: CalendarPost['variants'][number]): string | null {
  return v.publishedAt ?? v.dueAt ?? post.scheduledAt;
}

/**
 * The post's entries, earliest first: one per distinct moment of its variants; a post without variants but with a
 * time has one entry without channels. A post without any time has none.
 */
export function entriesOf(post: CalendarPost, timeZone: string): CalendarEntry[] {
  const groups = new Map<number, { at: string; channelIds: string[]; states: string[] }>();
  const add = (at: string, channelId: string | null, state: string | null) => {
    const ms = Date.parse(at);
    if (Number.isNaN(ms)) return;
    const g = groups.get(ms) ?? { at, channelIds: [], states: [] };
    if (channelId) g.channelIds.push(channelId);
    if (state) g.states.push(state);
    groups.set(ms, g);
  };
  for (const v of post.variants) {
    const at = momentOf(post, v);
    if (at) add(at, v.channelId, v.state);
  }
  if (post.variants.length === 0 && post.scheduledAt) add(post.scheduledAt, null, null);
  return [...groups.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([ms, g]) => {
      const m = zonedMoment(ms, timeZone);
      const settled = g.states.length > 0 && g.states.every((s) => s === 'published');
      const movable = !FIXED.has(post.state) && !settled && !g.states.includes('publishing');
      return {
        key: `${post.id}@${ms}`,
        post,
        ms,
        at: new Date(ms).toISOString(),
        ...m,
        channelIds: g.channelIds,
        movable,
      };
    });
}

/** True when the post passes every filter that is set. */
export function matchesFilters(post: CalendarPost, f: CalendarFilters): boolean {
  if (f.channelId && !post.variants.some((v) => v.channelId === f.channelId)) return false;
  if (f.campaignId && post.campaignId !== f.campaignId) return false;
  if (f.author === 'own' && post.author.viaAgency) return false;
  if (f.author === 'agency' && !post.author.viaAgency) return false;
  return true;
}

/** True when any filter is set. */
export function anyFilter(f: CalendarFilters): boolean {
  return Boolean(f.channelId || f.campaignId || f.author);
}

export interface Placed {
  /** Entries per day, each day's list ordered by time, then title. */
  byDay: Map<CivilDate, CalendarEntry[]>;
  /** All entries of the posts, in time order. */
  all: CalendarEntry[];
  /** Posts without any time, most recently changed first. */
  unscheduled: CalendarPost[];
}

/** Splits the (filtered) posts into entries per day and the posts still waiting for a time. */
export function place(posts: CalendarPost[], timeZone: string): Placed {
  const all: CalendarEntry[] = [];
  const unscheduled: CalendarPost[] = [];
  for (const post of posts) {
    const entries = entriesOf(post, timeZone);
    if (entries.length === 0) unscheduled.push(post);
    else all.push(...entries);
  }
  all.sort((a, b) => a.ms - b.ms || a.post.title.localeCompare(b.post.title) || a.key.localeCompare(b.key));
  unscheduled.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  const byDay = new Map<CivilDate, CalendarEntry[]>();
  for (const e of all) {
    const list = byDay.get(e.date);
    if (list) list.push(e);
    else byDay.set(e.date, [e]);
  }
  return { byDay, all, unscheduled };
}

/** A string that changes whenever anything a day cell shows changes (to keep unchanged days from re-rendering). */
export function daySignature(entries: CalendarEntry[]): string {
  return entries
    .map(
      (e) =>
        `${e.key}|${e.post.version}|${e.post.state}|${e.post.title}|${e.post.author.viaAgency}|${e.movable}|${e.channelIds.join(',')}`,
    )
    .join('\n');
}

/** Where a moved entry lands: on `date`, at `hour` when given (keeping the minutes), else at the same time of day. */
export function movedInstant(
  entry: Pick<CalendarEntry, 'hour' | 'minute'>,
  date: CivilDate,
  hour: number | null,
  timeZone: string,
): number {
  return zonedInstant(date, hour ?? entry.hour, entry.minute, timeZone);
}

/** The post as it looks right after scheduling it at `at`: what the calendar shows while the server answers. */
export function withTime(post: CalendarPost, at: string): CalendarPost {
  return {
    ...post,
    scheduledAt: at,
    variants: post.variants.map((v) => (v.state === 'published' || v.state === 'publishing' ? v : { ...v, dueAt: at })),
  };
}
