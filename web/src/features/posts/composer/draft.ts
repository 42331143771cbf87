import type { MediaKind } from '../../../../../src/core/content/media-types';
import type { CtaType, Instrument, PostContent } from '../../../../../src/core/content/post-content';

/**
 * The composer's working copy of a post. It keeps every instrument's fields (switching back and forth loses
 * nothing) and, per channel, whether the text follows the core message or was adapted for that channel. Turning
 * it into PostContent is pure: `strict` for saving (the server judges), lenient for the live check (incomplete
 * instrument fields are left out so the preview keeps working while one types).
 */

export interface VariantDraft {
  /** Adapted for this channel; otherwise the text is the core message. */
  custom: boolean;
  parts: string[];
  firstComment: string | null;
}

/** One image or video of the post, in the order it will show. Kind and name are known for files uploaded here. */
export interface MediaItem {
  mediaId: string;
  altText: string;
  kind?: MediaKind;
  fileName?: string;
}

export interface Draft {
  title: string;
  core: string;
  instrument: Instrument;
  channelIds: string[];
  variants: Record<string, VariantDraft>;
  cta: { type: CtaType; text: string; url: string };
  link: { url: string; utm: boolean };
  poll: { question: string; options: string[]; durationHours: number; surveyUrl: string };
  /** `startsAt` is a datetime-local value (the browser's local time). */
  event: { name: string; startsAt: string; place: string };
  media: MediaItem[];
  paidPartnership: boolean;
  briefId: string | null;
  campaignId: string | null;
}

/** A blank composer, optionally started from a brief's key message and wished channels. */
export function emptyDraft(from?: { briefId: string; keyMessage: string; channelIds: string[] }): Draft {
  return {
    title: '',
    core: from?.keyMessage ?? '',
    instrument: 'post',
    channelIds: from?.channelIds ?? [],
    variants: {},
    cta: { type: 'learn_more', text: '', url: '' },
    link: { url: '', utm: true },
    poll: { question: '', options: ['', ''], durationHours: 24, surveyUrl: '' },
    event: { name: '', startsAt: '', place: '' },
    media: [],
    paidPartnership: false,
    briefId: from?.briefId ?? null,
    campaignId: null,
  };
}

/** An ISO instant as a datetime-local value in the browser's time zone ("" when unreadable). */
export function isoToLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value (local time) as an ISO instant, or null when it is empty or unreadable. */
export function localInputToIso(value: string): string | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** The composer's copy of a saved post. A variant counts as adapted when its text differs from the core message. */
export function draftFromContent(c: PostContent, briefId: string | null, campaignId: string | null): Draft {
  const base = emptyDraft();
  const variants: Record<string, VariantDraft> = {};
  for (const v of c.variants) {
    const custom = v.parts.length !== 1 || v.parts[0] !== c.core;
    variants[v.channelId] = { custom, parts: [...v.parts], firstComment: v.firstComment };
  }
  return {
    ...base,
    title: c.title,
    core: c.core,
    instrument: c.instrument,
    channelIds: c.variants.map((v) => v.channelId),
    variants,
    cta: c.cta ? { ...c.cta } : base.cta,
    link: c.link ? { ...c.link } : base.link,
    poll: c.poll ? { question: c.poll.question, options: [...c.poll.options], durationHours: c.poll.durationHours, surveyUrl: c.poll.surveyUrl ?? '' } : base.poll,
    event: c.event ? { name: c.event.name, startsAt: isoToLocalInput(c.event.startsAt), place: c.event.place } : base.event,
    media: c.media.map((m) => ({ mediaId: m.mediaId, altText: m.altText })),
    paidPartnership: c.paidPartnership,
    briefId,
    campaignId,
  };
}

const FULL_URL = /^https?:\/\/[^\s]+$/i;

/** True for an address the server accepts (a full http(s) URL without spaces). */
export function isFullUrl(url: string): boolean {
  return FULL_URL.test(url.trim());
}

/** One channel's parts as they will be saved: the core message unless adapted; one part unless it is a thread. */
export function partsFor(d: Draft, channelId: string): string[] {
  const v = d.variants[channelId];
  const parts = v?.custom ? v.parts : [d.core];
  if (d.instrument === 'thread') return parts.length ? parts : [''];
  return [parts.join('\n\n')];
}

/** The post as the API takes it. Lenient mode drops instrument fields that are not complete yet. */
export function contentOf(d: Draft, opts: { strict: boolean }): PostContent {
  const strict = opts.strict;
  const pick = <T>(active: boolean, complete: boolean, value: () => T): T | null => (active && (strict || complete) ? value() : null);
  const options = d.poll.options.map((o) => o.trim()).filter(Boolean);
  const startsAt = localInputToIso(d.event.startsAt);
  return {
    title: d.title.trim(),
    core: d.core,
    instrument: d.instrument,
    cta: pick(d.instrument === 'cta', isFullUrl(d.cta.url), () => ({ type: d.cta.type, text: d.cta.text.trim(), url: d.cta.url.trim() })),
    link: pick(d.instrument === 'link', isFullUrl(d.link.url), () => ({ url: d.link.url.trim(), utm: d.link.utm })),
    poll: pick(d.instrument === 'poll', options.length >= 2 && d.poll.durationHours >= 0.1 && (!d.poll.surveyUrl.trim() || isFullUrl(d.poll.surveyUrl)), () => ({
      question: d.poll.question.trim(),
      options,
      durationHours: d.poll.durationHours,
      surveyUrl: d.poll.surveyUrl.trim() || null,
    })),
    event: pick(d.instrument === 'event', startsAt !== null, () => ({ name: d.event.name.trim(), startsAt: startsAt ?? '', place: d.event.place.trim() })),
    media: d.media.map((m) => ({ mediaId: m.mediaId, altText: m.altText })),
    paidPartnership: d.paidPartnership,
    variants: d.channelIds.map((channelId) => {
      const comment = d.variants[channelId]?.firstComment?.trim();
      return { channelId, parts: partsFor(d, channelId), firstComment: comment ? comment : null };
    }),
  };
}

/** Adds or removes a channel; a channel added again gets back the text it had. */
export function toggleChannel(d: Draft, channelId: string, on: boolean): Draft {
  const has = d.channelIds.includes(channelId);
  if (on === has) return d;
  return { ...d, channelIds: on ? [...d.channelIds, channelId] : d.channelIds.filter((c) => c !== channelId) };
}

/** Starts adapting one channel's text from what it shows now (the core message, split as a thread keeps it). */
export function adaptChannel(d: Draft, channelId: string): Draft {
  const current = d.variants[channelId];
  const parts = current?.custom ? current.parts : [d.core];
  return { ...d, variants: { ...d.variants, [channelId]: { custom: true, parts, firstComment: current?.firstComment ?? null } } };
}

/** Lets one channel follow the core message again (its first comment stays). */
export function followCore(d: Draft, channelId: string): Draft {
  const current = d.variants[channelId];
  return { ...d, variants: { ...d.variants, [channelId]: { custom: false, parts: [d.core], firstComment: current?.firstComment ?? null } } };
}

/** Changes one channel's variant with `change`, adapting it first when it still follows the core message. */
export function updateVariant(d: Draft, channelId: string, change: (v: VariantDraft) => VariantDraft): Draft {
  const adapted = d.variants[channelId]?.custom ? d : adaptChannel(d, channelId);
  const v = adapted.variants[channelId] ?? { custom: true, parts: [d.core], firstComment: null };
  return { ...adapted, variants: { ...adapted.variants, [channelId]: change(v) } };
}

/** Switches the instrument; leaving a thread joins each adapted channel's parts into one text. */
export function setInstrument(d: Draft, instrument: Instrument): Draft {
  if (instrument === d.instrument) return d;
  if (instrument === 'thread' || d.instrument !== 'thread') return { ...d, instrument };
  const variants: Record<string, VariantDraft> = {};
  for (const [id, v] of Object.entries(d.variants)) variants[id] = v.custom ? { ...v, parts: [v.parts.join('\n\n')] } : v;
  return { ...d, instrument, variants };
}
