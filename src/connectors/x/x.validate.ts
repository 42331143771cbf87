import { validateAgainstCapabilities } from '../validate';
import type { OutboundPart, OutboundVariant, ValidationFinding } from '../types';
import { xCapabilities } from './x.capabilities';

/**
 * The text X receives for a part: X draws its link card from a URL in the text, so a part's link is appended on
 * a new paragraph unless the text already holds it. Pure; the same in composer and server.
 */
export function composeXText(part: OutboundPart): string {
  const url = part.link?.url;
  if (!url || part.text.includes(url)) return part.text;
  return part.text.trim() ? `${part.text.trimEnd()}\n\n${url}` : url;
}

/** A poll's duration in whole minutes, as X takes it. Pure. */
export const pollMinutes = (seconds: number) => Math.round(seconds / 60);

/**
 * Checks a variant against X's rules: the shared checks on the text X will really get (link appended, weighted
 * count), plus X's own: a video or GIF must be the only media of its post, and a post has a poll or media, not
 * both. Pure and deterministic.
 */
export function validateX(variant: OutboundVariant): ValidationFinding[] {
  const composed: OutboundVariant = { ...variant, parts: variant.parts.map((p) => ({ ...p, text: composeXText(p) })) };
  const out = validateAgainstCapabilities(xCapabilities, composed, 'X').map((f) => {
    if (!f.span || f.part === undefined) return f;
    const len = variant.parts[f.part]?.text.length ?? 0;
    return { ...f, span: [Math.min(f.span[0], len), Math.min(f.span[1], len)] as [number, number] };
  });
  variant.parts.forEach((p, part) => {
    const media = p.media ?? [];
    if (media.length > 1 && media.some((m) => m.kind !== 'image')) {
      out.push({ code: 'x_media_mix', message: 'On X a video or GIF must be the only media of its post (or use up to 4 images).', severity: 'error', part });
    }
    if (p.poll && media.length) out.push({ code: 'x_poll_with_media', message: 'On X a post has a poll or media, not both.', severity: 'error', part });
    if (p.poll && pollMinutes(p.poll.durationSeconds) * 60 !== p.poll.durationSeconds) {
      out.push({ code: 'x_poll_minutes', message: 'X counts poll durations in whole minutes; it will be rounded.', severity: 'warning', part });
    }
  });
  return out;
}
