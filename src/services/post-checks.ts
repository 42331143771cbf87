import { checkText, verdictOf, type Finding, type Verdict } from '../core/code';
import type { MediaRef, PostContent, VariantContent } from '../core/content/post-content';
import { renderVariant, type RenderedVariant } from '../core/content/render-variant';
import { utmSourceFor, withUtm } from '../core/content/utm';
import { approvalNeed, type ApprovalNeed, type ReviewRules, type Writer } from '../core/review/review-rules';
import { resolveAccess, type MandateGrant } from '../core/workspaces/access';
import type { MandateRole, WorkspaceRole } from '../core/workspaces/roles';
import { connectorFor } from '../connectors';
import type { Connector, OutboundMedia, OutboundVariant, ValidationFinding } from '../connectors/types';
import { findMandate } from '../db/repos/mandates.repo';
import { writersOf } from '../db/repos/posts.repo';
import type { Q } from '../db/repos/types';
import { accessRows } from '../db/repos/workspaces.repo';
import type { ChannelsTable } from '../db/schema';
import type { App } from './app';
import type { CodeInForce } from './code.service';
import type { GateMedia, MediaLookup } from './media.service';

/** One channel's variant as it will leave: the rendered parts, the code's findings and the channel's own checks. */
export interface CheckedVariant {
  channelId: string;
  rendered: RenderedVariant;
  /** The whole text the code was checked on (parts, then the first comment), which `findings` spans point into. */
  text: string;
  findings: Finding[];
  validation: ValidationFinding[];
  /** The post's media as they leave with the first part (empty when the caller did not look them up). */
  media: GateMedia[];
}

/** What the checks need besides the content: the campaign for UTM tags, the send time, and the stored media. */
export interface CheckOptions {
  campaign: string | null;
  sendAt: string | null;
  /**
   * The workspace's stored files the content names (`mediaLookup`). Without it media are left out of the
   * channel's checks, which suits callers that only read the code's findings.
   */
  media?: MediaLookup;
  /** The language the channel speaks (the code's language check); unset: not checked. */
  channelLanguage?: 'nl' | 'en';
}

/** The channel's language when one is set. */
export function languageOf(ch: Pick<ChannelsTable, 'language'>): 'nl' | 'en' | undefined {
  return ch.language === 'nl' || ch.language === 'en' ? ch.language : undefined;
}

/** The outbound shape a connector publishes, from a rendered variant; `media` go with the first part. */
export function outboundOf(key: string, rendered: RenderedVariant, media: OutboundMedia[] = []): OutboundVariant {
  return {
    idempotencyKey: key,
    parts: rendered.parts.map((p, i) => ({ text: p.text, ...(i === 0 && media.length ? { media } : {}), ...(p.link ? { link: { url: p.link } } : {}), ...(p.poll ? { poll: p.poll } : {}) })),
    ...(rendered.firstComment ? { firstComment: rendered.firstComment } : {}),
  };
}

/**
 * The content's media refs as the gate carries them (size known, bytes not read yet, alt text trimmed), and the
 * refs whose file is not stored in the workspace.
 */
export function mediaOf(refs: MediaRef[], lookup: MediaLookup): { media: GateMedia[]; missing: MediaRef[] } {
  const media: GateMedia[] = [];
  const missing: MediaRef[] = [];
  for (const ref of refs) {
    const m = lookup.get(ref.mediaId);
    if (!m) {
      missing.push(ref);
      continue;
    }
    const altText = ref.altText.trim();
    media.push({ kind: m.kind, mimeType: m.mimeType, bytes: new Uint8Array(0), size: m.size, ...(altText ? { altText } : {}), mediaId: m.id, sha256: m.sha256, fileName: m.fileName, publicUrl: m.publicUrl });
  }
  return { media, missing };
}

/** The preview's parts: the rendered parts, with the media (id, kind, type, alt text) on the first one. */
export function previewParts(v: CheckedVariant) {
  return v.rendered.parts.map((p, i) => (i === 0 && v.media.length ? { ...p, media: v.media.map((m) => ({ mediaId: m.mediaId, kind: m.kind, mimeType: m.mimeType, altText: m.altText ?? '' })) } : p));
}

/** Renders and checks one variant against the code and its channel, exactly as the gate will. Pure over its inputs. */
export function checkVariant(connector: Connector, content: PostContent, variant: VariantContent, code: CodeInForce, opts: CheckOptions): CheckedVariant {
  const caps = connector.capabilities;
  const tag = (url: string, kind: string) => withUtm(url, { source: utmSourceFor(kind), medium: 'social', ...(opts.campaign ? { campaign: opts.campaign } : {}) });
  const rendered = renderVariant(content, variant, { kind: connector.kind, nativePolls: !!caps.polls, linkCards: caps.linkCards, firstComment: caps.firstComment, threads: caps.threads }, (u, k) => (content.link?.utm === false && u === content.link.url ? u : tag(u, k)));
  const text = [...rendered.parts.map((p) => p.text), ...(rendered.firstComment ? [rendered.firstComment] : [])].join('\n\n');
  const findings = checkText(code.compiled, { text, context: 'post', paidPartnership: content.paidPartnership, links: rendered.links, ...(opts.sendAt ? { sendAt: opts.sendAt } : {}), ...(opts.channelLanguage ? { channelLanguage: opts.channelLanguage } : {}) });
  const { media, missing } = opts.media ? mediaOf(content.media, opts.media) : { media: [], missing: [] };
  const validation = connector.validate(outboundOf('preview', rendered, media));
  for (const ref of missing) validation.push({ code: 'media_missing', message: `A file of this post (${ref.mediaId}) is no longer stored here; remove it and upload it again.`, severity: 'error', part: 0 });
  return { channelId: variant.channelId, rendered, text, findings, validation, media };
}

/** Checks every variant of `content` whose channel is among `channels`; the verdict is the worst finding. */
export function checkContent(app: App, content: PostContent, channels: ChannelsTable[], code: CodeInForce, opts: CheckOptions): { verdict: Verdict; variants: CheckedVariant[] } {
  const byId = new Map(channels.map((c) => [c.id, c]));
  const variants: CheckedVariant[] = [];
  for (const v of content.variants) {
    const ch = byId.get(v.channelId);
    const connector = ch ? connectorFor(ch.kind, app.connectors) : undefined;
    if (!ch || !connector) continue;
    variants.push(checkVariant(connector, content, v, code, { ...opts, channelLanguage: languageOf(ch) }));
  }
  return { verdict: verdictOf(variants.flatMap((v) => v.findings)), variants };
}

/**
 * Everyone who wrote a version of the post, with their access in the workspace now: a writer whose mandate ended
 * (or who left) counts as agency work without any allowance, so it needs the organization's approval.
 */
export async function writerFacts(app: App, q: Q, workspaceId: string, organizationId: string, postId: string, extra?: { userId: string; orgId: string }): Promise<{ writers: Writer[]; ids: string[]; mandateEnded: boolean }> {
  const list = await writersOf(q, workspaceId, postId);
  if (extra && !list.some((w) => w.userId === extra.userId)) list.push(extra);
  const now = app.clock.now();
  const writers: Writer[] = [];
  let mandateEnded = false;
  for (const w of list) {
    const rows = await accessRows(q, workspaceId, w.userId);
    const direct = rows.find((r) => r.mandate_id === null);
    const grants: MandateGrant[] = rows.filter((r) => r.mandate_id !== null).map((r) => ({ mandateId: r.mandate_id!, agencyId: r.agency_id!, role: r.role as MandateRole, endsAt: r.ends_at, revokedAt: null }));
    const access = resolveAccess((direct?.role as WorkspaceRole) ?? null, grants, now);
    if (!access) {
      mandateEnded ||= w.orgId !== organizationId;
      writers.push({ userId: w.userId, role: 'contributor', mandate: w.orgId !== organizationId ? { mayPublishWithoutApproval: false, channelIds: [] } : null });
    } else if (access.via.kind === 'mandate') {
      const m = await findMandate(q, workspaceId, access.via.mandateId);
      writers.push({ userId: w.userId, role: access.role, mandate: { mayPublishWithoutApproval: m?.may_publish_without_approval === 1 || (m?.may_publish_without_approval as unknown) === true, channelIds: m?.channel_ids ? (JSON.parse(m.channel_ids) as string[]) : null } });
    } else {
      writers.push({ userId: w.userId, role: access.role, mandate: null });
    }
  }
  return { writers, ids: list.map((w) => w.userId), mandateEnded };
}

/** Whose approval the post needs now, under the current rules and code verdict. */
export function needOf(rules: ReviewRules, writers: Writer[], channelIds: string[], verdict: Verdict): ApprovalNeed {
  return approvalNeed(rules, writers, channelIds, verdict === 'needs_approval');
}
