import type { OutboundVariant, ValidationFinding } from '../types';
import { validateAgainstCapabilities } from '../validate';
import { BLUESKY_MAX_TEXT_BYTES, blueskyCapabilities } from './bluesky.capabilities';

const encoder = new TextEncoder();

/**
 * Bluesky's verdict on a variant: the shared checks from the capabilities, plus the record's byte limit, public
 * visibility only, a valid language tag, http(s) link cards, and a warning when a post has both images and a link card (a post carries
 * one embed: the images are shown, the link stays clickable in the text). Pure; the same in browser and server.
 */
export function validateBluesky(v: OutboundVariant): ValidationFinding[] {
  const out = validateAgainstCapabilities(blueskyCapabilities, v, 'Bluesky');
  if (v.visibility && v.visibility !== 'public') {
    out.push({ code: 'visibility_unsupported', message: 'Every Bluesky post is public; choose public or another channel.', severity: 'error' });
  }
  if (v.language && !/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/.test(v.language)) {
    out.push({ code: 'language_invalid', message: `"${v.language}" is not a language tag Bluesky accepts (such as nl or en-GB).`, severity: 'error' });
  }
  v.parts.forEach((p, part) => {
    const bytes = encoder.encode(p.text).byteLength;
    if (bytes > BLUESKY_MAX_TEXT_BYTES) {
      out.push({ code: 'text_too_many_bytes', message: `This text takes ${bytes} of ${BLUESKY_MAX_TEXT_BYTES} bytes on Bluesky: shorten it.`, severity: 'error', part, span: [0, p.text.length] });
    }
    if (p.link) {
      if (!/^https?:\/\/[^\s/]+/i.test(p.link.url)) out.push({ code: 'link_invalid', message: 'A link card needs a web address (http or https).', severity: 'error', part });
      if (p.media?.length) {
        const inText = p.text.includes(p.link.url);
        out.push({
          code: 'link_card_with_media',
          message: inText
            ? 'Bluesky shows either images or a link card: the images are shown and the link stays clickable in the text.'
            : 'Bluesky shows either images or a link card: the images are shown and the link is left out. Put the link in the text.',
          severity: 'warning',
          part,
        });
      }
      if (p.link.thumb && p.link.thumb.bytes.byteLength > 1_000_000) {
        out.push({ code: 'link_thumb_too_large', message: 'A link card image may be at most 1 MB on Bluesky.', severity: 'error', part });
      }
    }
  });
  return out;
}
