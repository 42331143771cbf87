import { checkText, verdictOf, type Finding, type Verdict } from '../core/code';
import type { PostContent, VariantContent } from '../core/content/post-content';
import { renderVariant, type RenderedVariant } from '../core/content/render-variant';
import { utmSourceFor, withUtm } from '../core/content/utm';
import { approvalNeed, type ApprovalNeed, type ReviewRules, type Writer } from '../core/review/review-rules';
import { resolveAccess, type MandateGrant } from '../core/workspaces/access';
import type { MandateRole, WorkspaceRole } from '../core/workspaces/roles';
import { connectorFor } from '../connectors';
import type { Connector, OutboundVariant, ValidationFinding } from '../connectors/types';
import { findMandate } from '../db/repos/mandates.repo';
import { writersOf } from '../db/repos/posts.repo';
import type { Q } from '../db/repos/types';
import { accessRows } from '../db/repos/workspaces.repo';
import type { ChannelsTable } from '../db/schema';
import type { App } from './app';
import type { CodeInForce } from './code.service';

/** One channel's variant as it will leave: the rendered parts, the code's findings and the channel's own checks. */
export interface CheckedVariant {
  channelId: string;
  rendered: RenderedVariant;
  /** The whole text the code was checked on (parts, then the first comment), which `findings` spans point into. */
  text: string;
  findings: Finding[];
  validation: ValidationFinding[];
}

/** The outbound shape a connector publishes, from a rendered variant. */
export function outboundOf(key: string, rendered: RenderedVariant): OutboundVariant {
  return {
    idempotencyKey: key,
    parts: rendered.parts.map((p) => ({ text: p.text, ...(p.link ? { link: { url: p.link } } : {}), ...(p.poll ? { poll: p.poll } : {}) })),
    ...(rendered.firstComment ? { firstComment: rendered.firstComment } : {}),
  };
}

/** Renders and checks one variant against the code and its channel, exactly as the gate will. Pure over its inputs. */
export function checkVariant(connector: Connector, content: PostContent, variant: VariantContent, code: CodeInForce, opts: { campaign: string | null; sendAt: string | null }): CheckedVariant {
  const caps = connector.capabilities;
  const tag = (url: string, kind: string) => withUtm(url, { source: utmSourceFor(kind), medium: 'social', ...(opts.campaign ? { campaign: opts.campaign } : {}) });
  const rendered = renderVariant(content, variant, { kind: connector.kind, nativePolls: !!caps.polls, linkCards: caps.linkCards, firstComment: caps.firstComment, threads: caps.threads }, (u, k) => (content.link?.utm === false && u === content.link.url ? u : tag(u, k)));
  const text = [...rendered.parts.map((p) => p.text), ...(rendered.firstComment ? [rendered.firstComment] : [])].join('\n\n');
  const findings = checkText(code.compiled, { text, context: 'post', paidPartnership: content.paidPartnership, links: rendered.links, ...(opts.sendAt ? { sendAt: opts.sendAt } : {}) });
  const validation = connector.validate(outboundOf('preview', rendered));
  return { channelId: variant.channelId, rendered, text, findings, validation };
}

/** Checks every variant of `content` whose channel is among `channels`; the verdict is the worst finding. */
export function checkContent(app: App, content: PostContent, channels: ChannelsTable[], code: CodeInForce, opts: { campaign: string | null; sendAt: string | null }): { verdict: Verdict; variants: CheckedVariant[] } {
  const byId = new Map(channels.map((c) => [c.id, c]));
  const variants: CheckedVariant[] = [];
  for (const v of content.variants) {
    const ch = byId.get(v.channelId);
    const connector = ch ? connectorFor(ch.kind, app.connectors) : undefined;
    if (!ch || !connector) continue;
    variants.push(checkVariant(connector, content, v, code, opts));
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
