import type { PostContent, VariantContent } from './post-content';

/** What a channel can take, as far as rendering a variant is concerned. */
export interface RenderCapabilities {
  kind: string;
  nativePolls: boolean;
  linkCards: boolean;
  firstComment: boolean;
  threads: boolean;
}

/** One published part as text plus the structured extras the connector needs. */
export interface RenderedPart {
  text: string;
  link?: string;
  poll?: { options: string[]; durationSeconds: number };
}

export interface RenderedVariant {
  parts: RenderedPart[];
  firstComment: string | null;
  /** Every link that will leave with the variant (for the code's link-domain checks). */
  links: string[];
}

/** UTM tagging is passed in so this module stays free of URL policy; identity when tagging is off. */
export type Tagger = (url: string, channelKind: string) => string;

const join = (a: string, b: string) => (a.trim() ? `${a.replace(/\s+$/, '')}\n\n${b}` : b);

/**
 * The exact text and extras a variant will publish: the channel's parts, with the call to action, link and survey
 * link added where the platform has no field for them. Pure, so the composer's preview, the code check and the gate
 * all see the same words.
 */
export function renderVariant(content: PostContent, variant: VariantContent, caps: RenderCapabilities, tag: Tagger): RenderedVariant {
  const parts: RenderedPart[] = (caps.threads ? variant.parts : [variant.parts.join('\n\n')]).map((text) => ({ text }));
  if (parts.length === 0) parts.push({ text: '' });
  const links: string[] = [];
  const first = parts[0];
  const last = parts[parts.length - 1];

  if (content.link?.url) {
    const url = content.link.utm ? tag(content.link.url, caps.kind) : content.link.url;
    links.push(url);
    if (!first.text.includes(url)) first.text = join(first.text, url);
    if (caps.linkCards) first.link = url;
  }
  if (content.poll && content.poll.options.length > 0) {
    if (caps.nativePolls) {
      first.poll = { options: content.poll.options, durationSeconds: Math.round(content.poll.durationHours * 3600) };
    } else if (content.poll.surveyUrl) {
      const url = tag(content.poll.surveyUrl, caps.kind);
      links.push(url);
      first.text = join(first.text, url);
    }
  }
  if (content.cta?.url) {
    const url = tag(content.cta.url, caps.kind);
    links.push(url);
    last.text = join(last.text, `${content.cta.text.trim()} ${url}`.trim());
  }
  let firstComment = variant.firstComment?.trim() ? variant.firstComment : null;
  if (firstComment && !caps.firstComment) {
    last.text = join(last.text, firstComment);
    firstComment = null;
  }
  return { parts, firstComment, links };
}

/** The features of a variant as the composer knows them, stored when it is published (insights read them). */
export function featuresOf(content: PostContent, variant: VariantContent, extra: { campaignId: string | null; pillar: string | null; authorOrg: 'organization' | 'agency' }) {
  const text = variant.parts.join('\n');
  return {
    instrument: content.instrument,
    cta: content.cta ? content.cta.type : null,
    question: /\?/.test(text),
    poll: !!content.poll,
    media: content.media.length,
    link: !!content.link,
    firstComment: !!variant.firstComment?.trim(),
    threadParts: variant.parts.length,
    campaignId: extra.campaignId,
    pillar: extra.pillar,
    authorOrg: extra.authorOrg,
  };
}
