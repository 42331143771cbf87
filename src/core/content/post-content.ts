/**
 * A post as the composer writes it: one core message, adapted per channel (variants), with the practical form it
 * takes (instrument) recorded as data, so insights can count calls to action, polls and threads later without
 * guessing from the text.
 */

export const INSTRUMENTS = ['post', 'cta', 'poll', 'link', 'thread', 'event'] as const;
export type Instrument = (typeof INSTRUMENTS)[number];

export const CTA_TYPES = ['learn_more', 'sign_up', 'register', 'contact', 'buy', 'download', 'visit', 'call', 'other'] as const;
export type CtaType = (typeof CTA_TYPES)[number];

export interface Cta {
  type: CtaType;
  text: string;
  url: string;
}

export interface MediaRef {
  mediaId: string;
  altText: string;
}

/** One channel's version of the message. A thread has several parts; everything else has one. */
export interface VariantContent {
  channelId: string;
  parts: string[];
  firstComment: string | null;
}

export interface PostContent {
  /** A short internal name for lists and the calendar; never published. */
  title: string;
  /** The shared core message the variants start from. */
  core: string;
  instrument: Instrument;
  cta: Cta | null;
  /** A link to share; UTM tags are added per channel when `utm` is on. */
  link: { url: string; utm: boolean } | null;
  /** A native poll where the channel has one; else the survey link is added to the text. */
  poll: { question: string; options: string[]; durationHours: number; surveyUrl: string | null } | null;
  event: { name: string; startsAt: string; place: string } | null;
  media: MediaRef[];
  paidPartnership: boolean;
  variants: VariantContent[];
}

/** An empty post for the composer to start from. */
export function emptyContent(): PostContent {
  return { title: '', core: '', instrument: 'post', cta: null, link: null, poll: null, event: null, media: [], paidPartnership: false, variants: [] };
}
