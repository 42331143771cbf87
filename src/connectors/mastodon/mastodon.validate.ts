/**
 * Mastodon's own rules on top of the shared checks: length counted the Mastodon way (a URL is 23 characters, a
 * remote mention counts without its domain), poll options are distinct and not empty, a poll cannot go with media, a video goes alone, and link previews
 * are made by the instance (title, description and thumbnail cannot be set). Pure: the composer and the gate agree.
 */
import type { OutboundVariant, ValidationFinding } from '../types';
import { validateAgainstCapabilities } from '../validate';
import { mastodonCapabilities } from './mastodon.capabilities';
import { mastodonLength, partText } from './mastodon.text';

const NAME = 'Mastodon';

/** All findings for a variant on a stock Mastodon instance, in a stable order. */
export function validateMastodon(v: OutboundVariant): ValidationFinding[] {
  const max = mastodonCapabilities.text.maxLength;
  // The shared length check counts URLs in full; Mastodon does not, so it is replaced by Mastodon's count.
  const out = validateAgainstCapabilities(mastodonCapabilities, v, NAME).filter((f) => f.code !== 'text_too_long');
  v.parts.forEach((p, part) => {
    const text = partText(p);
    const length = mastodonLength(text);
    if (length > max) {
      out.push({ code: 'text_too_long', message: `${length} of ${max} characters on ${NAME} (a link counts as 23): shorten the text.`, severity: 'error', part, span: [0, p.text.length] });
    }
    const media = p.media ?? [];
    const options = p.poll?.options.map((o) => o.trim()) ?? [];
    if (options.some((o) => !o)) out.push({ code: 'poll_option_empty', message: 'A poll option cannot be empty.', severity: 'error', part });
    if (new Set(options).size !== options.length) out.push({ code: 'poll_option_duplicate', message: 'Mastodon refuses a poll with the same option twice.', severity: 'error', part });
    if (p.poll && media.length) out.push({ code: 'poll_with_media', message: 'A Mastodon post has either a poll or media, not both.', severity: 'error', part });
    if (media.length > 1 && media.some((m) => m.kind === 'video')) {
      out.push({ code: 'video_not_alone', message: 'A video goes alone on Mastodon: no other media in the same post.', severity: 'error', part });
    }
    if (p.link && (p.link.title || p.link.description || p.link.thumb)) {
      out.push({ code: 'link_card_by_instance', message: 'Mastodon makes the link preview itself from the page; the title, description and image given here are not used.', severity: 'warning', part });
    }
  });
  return out;
}
