/**
 * Meta webhooks (Pages, Instagram, WhatsApp share one scheme): the GET subscription handshake and the POST
 * signature `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body bytes)>`, checked in constant time
 * BEFORE the body is parsed. Meta escapes non-ASCII as \uXXXX on the wire, so only the raw bytes verify.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { ConnectorError } from '../errors';
import type { WebhookRequest, WebhookResult } from '../types';

/** The envelope every Meta webhook body shares. */
export interface MetaWebhookBody {
  object: string;
  entry: Array<Record<string, unknown> & { id?: string; time?: number }>;
}

export type MetaWebhookOutcome = { kind: 'challenge'; result: WebhookResult } | { kind: 'event'; body: MetaWebhookBody };

const SIGNATURE_RE = /^sha256=([0-9a-fA-F]{64})$/;
/** Meta's challenge is a number; allow a little more, never markup. */
const CHALLENGE_RE = /^[A-Za-z0-9._~-]{1,256}$/;

function header(headers: WebhookRequest['headers'], name: string): string | undefined {
  const want = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === want) return v;
  return undefined;
}

/** Constant-time string equality that does not leak the length (compares SHA-256 digests). */
function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}

/**
 * True when `signatureHeader` is `sha256=` + the hex HMAC-SHA256 of exactly `rawBody` under `appSecret`.
 * Constant-time; false for a missing or malformed header and for an empty secret (anyone could sign with it).
 */
export function validMetaSignature(rawBody: Buffer | Uint8Array, signatureHeader: string | undefined, appSecret: string): boolean {
  if (!appSecret || !signatureHeader) return false;
  const m = SIGNATURE_RE.exec(signatureHeader.trim());
  if (!m) return false;
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(m[1], 'hex'));
}

const refuse = (status: number, message: string): never => {
  throw new ConnectorError('rejected', message, { status });
};

/**
 * Verifies one Meta webhook request. GET: the subscription handshake — `hub.mode=subscribe` and a
 * `hub.verify_token` equal to `secrets.verifyToken` answer the challenge as text/plain, anything else is refused
 * with status 403. POST: the signature must match the raw bytes (else `rejected` with status 401, before any
 * parsing, echoing nothing of the request); then the body must be a JSON envelope `{object, entry[]}` (else 400).
 */
export function verifyMetaWebhook(req: WebhookRequest, secrets: { appSecret: string; verifyToken: string }): MetaWebhookOutcome {
  const method = req.method.toUpperCase();
  if (method === 'GET') {
    const challenge = req.query['hub.challenge'] ?? '';
    const token = req.query['hub.verify_token'] ?? '';
    const ok = req.query['hub.mode'] === 'subscribe' && !!secrets.verifyToken && sameSecret(token, secrets.verifyToken) && CHALLENGE_RE.test(challenge);
    if (!ok) return refuse(403, 'Webhook subscription refused: the verify token does not match.');
    return { kind: 'challenge', result: { kind: 'challenge', status: 200, body: challenge, contentType: 'text/plain' } };
  }
  if (method !== 'POST') return refuse(405, 'Meta webhooks are GET (handshake) or POST (events).');
  if (!validMetaSignature(req.rawBody, header(req.headers, 'x-hub-signature-256'), secrets.appSecret)) {
    return refuse(401, 'Webhook signature is missing or does not match.');
  }
  let body: unknown;
  try {
    body = JSON.parse(req.rawBody.toString('utf8'));
  } catch {
    return refuse(400, 'Webhook body is not JSON.');
  }
  const b = body as Partial<MetaWebhookBody> | null;
  if (!b || typeof b !== 'object' || typeof b.object !== 'string' || !Array.isArray(b.entry)) return refuse(400, 'Webhook body is not a Meta event envelope.');
  return { kind: 'event', body: { object: b.object, entry: b.entry.filter((e) => e && typeof e === 'object') } };
}

/** Reads a string field of untrusted JSON, or undefined. */
export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;
}

/** Reads an object field of untrusted JSON, or an empty object. */
export function obj(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** Reads an array field of untrusted JSON, or an empty array. */
export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
