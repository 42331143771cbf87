import { createHmac, hkdfSync } from 'node:crypto';
import {
  WEBFORM_LIMITS,
  checkSubmission,
  originAllowed,
  pageOnOrigin,
  parseAllowedOrigins,
  rateVerdict,
  spamVerdict,
  type RecentTraffic,
  type WebformSubmission,
} from '../core/channels/webform-rules';
import type { ErrorCode } from '../core/shared/errors';
import { newId } from '../core/shared/ids';
import type { InboundItem } from '../connectors/types';
import { lockForUpdate } from '../db/dialect';
import type { Q } from '../db/repos/types';
import type { App } from './app';
import { openCredentials } from './channel-context';
import { storeInbound } from './channels.service';
import { tellInboxes, type InboxTouch } from './inbox-ingest.service';

/**
 * The website channel's public side: messages that visitors send through the embedded form or chat. Everything
 * that arrives here is hostile until checked: the channel must exist and be connected, the page must be on an
 * allowed website, the body small and well-formed, the traps untouched and the sender within its rate.
 */

export interface WebformAnswer {
  status: number;
  body: { ok: true; conversationId: string } | { error: { code: ErrorCode; message: string; details?: unknown } };
  /** The Origin to allow in Access-Control-Allow-Origin: only ever an allowed website. */
  allowOrigin: string | null;
  retryAfterSeconds?: number;
}

export interface WebformRequest {
  publicKey: string;
  origin: string | undefined;
  ip: string | null;
  contentType: string | undefined;
  rawBody: Buffer;
}

const KEY_SHAPE = /^[A-Za-z0-9_-]{16,64}$/;
const visitorKeys = new WeakMap<App, Buffer>();

/** The key that turns visitor addresses into tags: derived from the installation's secret, so tags cannot be reversed by guessing addresses. */
function visitorKey(app: App): Buffer {
  let k = visitorKeys.get(app);
  if (!k) {
    k = Buffer.from(hkdfSync('sha256', app.keys.credentials, Buffer.alloc(0), 'regie/webform-visitor/v1', 32));
    visitorKeys.set(app, k);
  }
  return k;
}

const tag = (app: App, ...parts: string[]) => createHmac('sha256', visitorKey(app)).update(parts.join('\u0000')).digest('hex');

function refuse(status: number, code: ErrorCode, message: string, allowOrigin: string | null, details?: unknown): WebformAnswer {
  return { status, body: { error: { code, message, ...(details !== undefined ? { details } : {}) } }, allowOrigin };
}

const NOT_ACTIVE = 'This form is not active (any more). Check the embed code on the website, or ask the organization for another way to get in touch.';
const NOT_ALLOWED = "This website may not send messages to this form. Add the website's address to the channel's allowed websites in Regie.";

/** The connected website channel with this public key and its allowed websites, or null. */
async function findWebform(app: App, publicKey: string) {
  if (!KEY_SHAPE.test(publicKey)) return null;
  const row = await app.db
    .selectFrom('channels')
    .selectAll()
    .where('kind', '=', 'webform')
    .where('account_remote_id', '=', publicKey)
    .where('disconnected_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  const allowed = parseAllowedOrigins(openCredentials(app, row).allowedOrigins ?? '').origins;
  return { row, allowed };
}

/**
 * Answers a browser's CORS preflight: 204 with the website allowed (only when it is on the channel's list), 403 for
 * other websites, 404 for an unknown or disconnected form.
 */
export async function preflightWebform(app: App, publicKey: string, origin: string | undefined): Promise<WebformAnswer | { status: 204; allowOrigin: string }> {
  const found = await findWebform(app, publicKey);
  if (!found) return refuse(404, 'ERR_NOT_FOUND', NOT_ACTIVE, null);
  if (!originAllowed(origin, found.allowed)) return refuse(403, 'ERR_FORBIDDEN', NOT_ALLOWED, null);
  return { status: 204, allowOrigin: origin! };
}

/** Recent stored messages of this visitor (by tag, per kind) and of the whole channel, within the window. */
async function recentTraffic(q: Q, ch: { workspace_id: string; id: string }, kind: string, visitorPrefix: string, since: string): Promise<RecentTraffic> {
  const base = q
    .selectFrom('inbound_items')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min<string | null>('received_at').as('oldest')])
    .where('workspace_id', '=', ch.workspace_id)
    .where('channel_id', '=', ch.id)
    .where('received_at', '>', since);
  const v = await base.where('kind', '=', kind).where('remote_id', 'like', `${visitorPrefix}%`).executeTakeFirst();
  const c = await base.executeTakeFirst();
  return { visitor: { count: Number(v?.n ?? 0), oldest: v?.oldest ?? null }, channel: { count: Number(c?.n ?? 0), oldest: c?.oldest ?? null } };
}

/** The inbound item for a checked submission: plain text only, the visitor known by e-mail or by a tag. */
function toItem(app: App, s: WebformSubmission, ids: { remoteId: string; thread: string; ip: string; origin: string }, createdAt: string): InboundItem {
  const email = s.email?.toLowerCase();
  const url = pageOnOrigin(s.pageUrl, ids.origin);
  return {
    remoteId: ids.remoteId,
    kind: s.kind,
    threadRemoteId: ids.thread,
    author: {
      remoteId: email ?? `visitor:${tag(app, ids.ip, ids.thread).slice(0, 24)}`,
      ...(s.email ? { email: s.email } : {}),
      ...(s.name ? { displayName: s.name } : {}),
    },
    text: s.message,
    ...(s.subject ? { subject: s.subject } : {}),
    createdAt,
    ...(url ? { url } : {}),
  };
}

/**
 * Receives one message from a website visitor. Checks, in order: form exists and is connected (404), the page's
 * website is allowed (403), content type (415), size (413), JSON and fields (400/413), the spam traps (answered
 * 200 like a success, nothing stored, so bots learn nothing), the rate limit per visitor and per channel (429
 * with Retry-After). Then ONE item is stored in a transaction that commits before the 201 answer. Visitor
 * addresses are never stored: only a keyed tag that changes daily (in the item's remote id) for the rate limit,
 * and one per conversation as the anonymous author.
 */
export async function receiveWebformMessage(app: App, req: WebformRequest): Promise<WebformAnswer> {
  const found = await findWebform(app, req.publicKey);
  if (!found) return refuse(404, 'ERR_NOT_FOUND', NOT_ACTIVE, null);
  if (!originAllowed(req.origin, found.allowed)) return refuse(403, 'ERR_FORBIDDEN', NOT_ALLOWED, null);
  const origin = req.origin!;
  const type = (req.contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json' && type !== 'text/plain') {
    return refuse(415, 'ERR_UNSUPPORTED_MEDIA_TYPE', 'Send the message as JSON (content-type: application/json).', origin);
  }
  if (req.rawBody.length > WEBFORM_LIMITS.bodyMaxBytes) {
    return refuse(413, 'ERR_PAYLOAD_TOO_LARGE', `The message is too large (at most ${WEBFORM_LIMITS.messageMax} characters). Shorten it and send again.`, origin);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(req.rawBody.toString('utf8'));
  } catch {
    return refuse(400, 'ERR_VALIDATION', 'The request body is not valid JSON.', origin);
  }
  const checked = checkSubmission(parsed);
  if (!checked.ok) {
    const code = checked.status === 413 ? 'ERR_PAYLOAD_TOO_LARGE' : 'ERR_VALIDATION';
    return refuse(checked.status, code, checked.message, origin, [{ path: checked.field, message: checked.reason }]);
  }
  const s = checked.submission;
  const now = app.clock.now();
  const nowIso = now.toISOString();
  const id = newId(now.getTime());
  const thread = s.kind === 'chat' ? (s.conversationId ?? id) : id;
  const verdict = spamVerdict(s, now.getTime());
  if (verdict !== 'ok') {
    app.log.info({ channel: found.row.id, kind: s.kind, trap: verdict }, 'website message caught by a spam trap; not stored');
    return { status: 200, body: { ok: true, conversationId: thread }, allowOrigin: origin };
  }

  const ip = req.ip ?? 'unknown';
  const visitorPrefix = `wf.${tag(app, found.row.id, ip, nowIso.slice(0, 10)).slice(0, 20)}.`;
  const since = new Date(now.getTime() - WEBFORM_LIMITS.windowMs).toISOString();
  const item = toItem(app, s, { remoteId: `${visitorPrefix}${id}`, thread, ip, origin }, nowIso);
  const touched: InboxTouch[] = [];
  const outcome = await app.db.transaction().execute(async (q) => {
    // Serialises submissions per channel (PostgreSQL row lock), so the count below cannot be raced past the limit.
    const live = await lockForUpdate(app.dialect, q.selectFrom('channels').select(['id', 'disconnected_at']).where('id', '=', found.row.id)).executeTakeFirst();
    if (!live || live.disconnected_at) return 'gone' as const;
    const rate = rateVerdict(await recentTraffic(q, found.row, s.kind, visitorPrefix, since), s.kind, now.getTime());
    if (!rate.ok) return rate;
    await storeInbound(q, found.row, [item], nowIso, touched);
    return 'stored' as const;
  });
  tellInboxes(app, touched);
  if (outcome === 'gone') return refuse(404, 'ERR_NOT_FOUND', NOT_ACTIVE, null);
  if (outcome !== 'stored') {
    app.log.warn({ channel: found.row.id, kind: s.kind, scope: outcome.scope }, 'website messages rate-limited');
    const minutes = Math.ceil(outcome.retryAfterSeconds / 60);
    const message =
      outcome.scope === 'visitor'
        ? `You sent several messages in a short time. Wait ${minutes} minute${minutes === 1 ? '' : 's'} and send again.`
        : `This form receives very many messages right now. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
    return { ...refuse(429, 'ERR_TOO_MANY_ATTEMPTS', message, origin, { retryAfterSeconds: outcome.retryAfterSeconds }), retryAfterSeconds: outcome.retryAfterSeconds };
  }
  app.log.info({ channel: found.row.id, kind: s.kind }, 'website message stored');
  return { status: 201, body: { ok: true, conversationId: thread }, allowOrigin: origin };
}
