import type { Capabilities, OutboundVariant, ValidationFinding } from './types';
import { countText } from './text';

/**
 * The checks every channel shares, from its declared capabilities: text length per part, threads, media kinds,
 * counts and sizes, alt text length, polls. Connectors add their own on top. Pure.
 */
export function validateAgainstCapabilities(c: Capabilities, v: OutboundVariant, channelName: string): ValidationFinding[] {
  const out: ValidationFinding[] = [];
  if (v.parts.length === 0) out.push({ code: 'empty', message: 'There is nothing to publish.', severity: 'error' });
  if (v.parts.length > 1 && !c.threads) {
    out.push({ code: 'threads_unsupported', message: `${channelName} does not support threads; publish one post.`, severity: 'error' });
  }
  v.parts.forEach((p, part) => {
    const length = countText(p.text, c.text.counting);
    if (length > c.text.maxLength) {
      out.push({ code: 'text_too_long', message: `${length} of ${c.text.maxLength} characters on ${channelName}: shorten the text.`, severity: 'error', part, span: [0, p.text.length] });
    }
    if (!p.text.trim() && !p.media?.length) out.push({ code: 'part_empty', message: 'This post has no text and no media.', severity: 'error', part });
    const media = p.media ?? [];
    if (media.length && !c.media) out.push({ code: 'media_unsupported', message: `${channelName} takes no media here.`, severity: 'error', part });
    if (c.media) {
      if (media.length > c.media.maxCount) out.push({ code: 'too_many_media', message: `${channelName} takes at most ${c.media.maxCount} media per post.`, severity: 'error', part });
      for (const m of media) {
        if (!c.media.kinds.includes(m.kind)) out.push({ code: 'media_kind_unsupported', message: `${channelName} does not take ${m.kind} here.`, severity: 'error', part });
        const max = c.media.maxBytes[m.kind];
        if (max && (m.size ?? m.bytes.byteLength) > max) out.push({ code: 'media_too_large', message: `A ${m.kind} may be at most ${Math.floor(max / 1e6)} MB on ${channelName}.`, severity: 'error', part });
        if (c.media.mimeTypes.length && !c.media.mimeTypes.includes(m.mimeType)) out.push({ code: 'media_type_unsupported', message: `${channelName} does not take ${m.mimeType}.`, severity: 'error', part });
        if (m.kind === 'image' && c.media.altText.supported && !m.altText?.trim()) out.push({ code: 'alt_text_missing', message: 'Add a description (alt text) so everyone can follow the image.', severity: 'warning', part });
        if (m.altText && c.media.altText.supported && m.altText.length > c.media.altText.maxLength) out.push({ code: 'alt_text_too_long', message: `Alt text may be at most ${c.media.altText.maxLength} characters on ${channelName}.`, severity: 'error', part });
      }
    }
    if (p.poll) {
      if (!c.polls) out.push({ code: 'polls_unsupported', message: `${channelName} has no polls: link to a survey instead.`, severity: 'error', part });
      else {
        if (p.poll.options.length < 2 || p.poll.options.length > c.polls.maxOptions) out.push({ code: 'poll_options', message: `A poll needs 2 to ${c.polls.maxOptions} options on ${channelName}.`, severity: 'error', part });
        if (p.poll.options.some((o) => countText(o, 'graphemes') > c.polls!.maxOptionLength)) out.push({ code: 'poll_option_too_long', message: `Poll options may be at most ${c.polls.maxOptionLength} characters.`, severity: 'error', part });
        if (p.poll.durationSeconds < c.polls.minDurationSeconds || p.poll.durationSeconds > c.polls.maxDurationSeconds) out.push({ code: 'poll_duration', message: 'The poll runs too short or too long for this network.', severity: 'error', part });
      }
    }
  });
  if (v.firstComment && !c.firstComment) out.push({ code: 'first_comment_unsupported', message: `${channelName} has no first comment.`, severity: 'error' });
  return out;
}
