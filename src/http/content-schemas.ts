import { z } from 'zod';
import { CTA_TYPES, INSTRUMENTS } from '../core/content/post-content';
import { id, isoTime } from './schemas';

/** Request shapes for posts: the same limits for the API and the composer. */
const text = (max: number) => z.string().max(max);
const url = z.string().trim().max(2000).refine((u) => /^https?:\/\/[^\s]+$/i.test(u), 'must be a full http(s) address');
/** A call to action may also ring a number ("Bel ons"). */
const ctaUrl = z.string().trim().max(2000).refine((u) => /^https?:\/\/[^\s]+$/i.test(u) || /^tel:\+?[0-9][0-9 -]{2,30}$/i.test(u), 'must be a full http(s) address, or tel: with a phone number');

export const postContent = z.object({
  title: text(200).default(''),
  core: text(20_000).default(''),
  instrument: z.enum(INSTRUMENTS).default('post'),
  cta: z.object({ type: z.enum(CTA_TYPES), text: text(200), url: ctaUrl }).nullable().default(null),
  link: z.object({ url, utm: z.boolean().default(true) }).nullable().default(null),
  poll: z
    .object({ question: text(300).default(''), options: z.array(text(100).min(1)).min(2).max(10), durationHours: z.number().min(0.1).max(24 * 31), surveyUrl: url.nullable().default(null) })
    .nullable()
    .default(null),
  event: z.object({ name: text(200), startsAt: isoTime, place: text(300) }).nullable().default(null),
  media: z.array(z.object({ mediaId: id, altText: text(1500) })).max(10).default([]),
  paidPartnership: z.boolean().default(false),
  variants: z.array(z.object({ channelId: id, parts: z.array(text(20_000)).min(1).max(25), firstComment: text(5_000).nullable().default(null) })).max(50),
});

export const postInput = z.object({ content: postContent, briefId: id.nullable().default(null), campaignId: id.nullable().default(null) });

export const briefInput = z.object({
  title: z.string().trim().min(1, 'must not be empty').max(200),
  goal: text(4000).default(''),
  audience: text(2000).default(''),
  keyMessage: text(4000).default(''),
  details: text(20_000).default(''),
  channelIds: z.array(id).max(50).default([]),
  timing: text(500).default(''),
  wantedBy: isoTime.nullable().default(null),
  /** Files uploaded to the workspace's media (POST /media) beforehand, with the name to show. */
  attachments: z.array(z.object({ mediaId: id, name: z.string().max(200) })).max(20).default([]),
});

export const campaignInput = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(200),
  goal: text(2000).default(''),
  pillar: text(200).default(''),
  startsOn: z.iso.date().nullable().default(null),
  endsOn: z.iso.date().nullable().default(null),
});
