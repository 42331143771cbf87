/**
 * The website channel's rules: which sites may embed a form, what a submission must look like, when it is spam and
 * when a visitor sends too much. Pure functions over plain data (no clock, no database, no crypto).
 */

export type WebformKind = 'form' | 'chat';

export const WEBFORM_LIMITS = {
  messageMax: 5000,
  nameMax: 200,
  subjectMax: 300,
  emailMax: 254,
  pageUrlMax: 2000,
  /** A person needs at least this long between seeing the form and sending it. */
  minFillMs: 2000,
  /** The sliding window of the rate limit. */
  windowMs: 10 * 60_000,
  /** Messages one visitor (address) may send per window, per kind: a chat has more, shorter messages. */
  perVisitor: { form: 5, chat: 30 } as Record<WebformKind, number>,
  /** Messages one website channel accepts per window from everyone together (a flood from many addresses). */
  perChannel: 300,
  /** The largest request body accepted, in bytes (5000 characters, even fully escaped, fit). */
  bodyMaxBytes: 64 * 1024,
} as const;

const LOOPBACK_HOSTS = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/**
 * The origin (`scheme://host[:port]`) of one allowed-website entry, or null when it is not a usable website
 * address: https only (http only for loopback hosts, for development), no user info; a path is ignored.
 */
export function normalizeOrigin(entry: string): string | null {
  const text = entry.trim();
  if (!text) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.username || url.password) return null;
  if (url.protocol === 'https:') return url.origin;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.test(url.hostname)) return url.origin;
  return null;
}

/** Splits a comma-, space- or newline-separated list of websites into distinct origins and the entries that are not. */
export function parseAllowedOrigins(text: string): { origins: string[]; invalid: string[] } {
  const origins: string[] = [];
  const invalid: string[] = [];
  for (const entry of text.split(/[\s,]+/).filter(Boolean)) {
    const o = normalizeOrigin(entry);
    if (!o) invalid.push(entry);
    else if (!origins.includes(o)) origins.push(o);
  }
  return { origins, invalid };
}

/** True when the browser's Origin header names one of the allowed origins exactly (a missing or "null" origin never does). */
export function originAllowed(origin: string | undefined, allowed: readonly string[]): boolean {
  if (!origin || origin === 'null') return false;
  const o = normalizeOrigin(origin);
  return o !== null && o === origin.toLowerCase() && allowed.includes(o);
}

/** A submission as the widget (or any client) sends it, checked and cleaned. */
export interface WebformSubmission {
  kind: WebformKind;
  name?: string;
  email?: string;
  subject?: string;
  /** Plain text, never HTML. */
  message: string;
  conversationId?: string;
  pageUrl?: string;
  /** The honeypot field's value (people leave it empty). */
  honeypot: string;
  startedAt: number;
  sentAt?: number;
}

export type SubmissionCheck =
  | { ok: true; submission: WebformSubmission }
  | { ok: false; status: 400 | 413; field: string; reason: 'required' | 'invalid' | 'too_long'; message: string };

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Multi-line text: line breaks normalised to \n, control characters removed, trimmed. */
export function cleanMultiline(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(CONTROL, '').trim();
}

/** One-line text (name, subject): every run of white space, line breaks included, becomes one space. */
export function cleanLine(s: string): string {
  return s.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;

/** True for a plausible e-mail address (one @, a dotted domain, no spaces or brackets, at most 254 characters). */
export function isEmailAddress(s: string): boolean {
  return s.length <= WEBFORM_LIMITS.emailMax && EMAIL.test(s);
}

const CONVERSATION_ID = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * Checks and cleans a parsed request body. Unknown fields are ignored; nothing of the input is echoed in the
 * messages. A message over the limit is 413, everything else that is wrong 400.
 */
export function checkSubmission(raw: unknown): SubmissionCheck {
  const bad = (field: string, reason: 'required' | 'invalid' | 'too_long', message: string, status: 400 | 413 = 400): SubmissionCheck => ({ ok: false, status, field, reason, message });
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return bad('body', 'invalid', 'Send a JSON object with at least kind, message and startedAt.');
  const b = raw as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : null);
  if (b.kind !== 'form' && b.kind !== 'chat') return bad('kind', 'invalid', "Set kind to 'form' or 'chat'.");
  const L = WEBFORM_LIMITS;

  const rawMessage = str(b.message);
  if (rawMessage === null) return bad('message', 'invalid', 'The message must be text.');
  const message = cleanMultiline(rawMessage);
  if (!message) return bad('message', 'required', 'Write a message before sending.');
  if (message.length > L.messageMax) return bad('message', 'too_long', `The message is too long: at most ${L.messageMax} characters. Shorten it and send again.`, 413);

  const line = (field: 'name' | 'subject', max: number): string | SubmissionCheck => {
    const v = str(b[field]);
    if (v === null) return bad(field, 'invalid', `The ${field} must be text.`);
    const c = cleanLine(v);
    return c.length > max ? bad(field, 'too_long', `The ${field} is too long: at most ${max} characters.`) : c;
  };
  const name = line('name', L.nameMax);
  if (typeof name !== 'string') return name;
  const subject = line('subject', L.subjectMax);
  if (typeof subject !== 'string') return subject;

  const rawEmail = str(b.email);
  const email = rawEmail === null ? null : rawEmail.trim();
  if (email === null || (email && !isEmailAddress(email))) return bad('email', 'invalid', 'Enter a valid e-mail address (like name@example.org), or leave it empty.');

  const conversationId = str(b.conversationId);
  if (conversationId === null || (conversationId && !CONVERSATION_ID.test(conversationId))) {
    return bad('conversationId', 'invalid', 'conversationId must be 8 to 64 letters, digits, - or _ (the widget makes one).');
  }

  const honeypot = str(b.website);
  const startedAt = b.startedAt;
  if (typeof startedAt !== 'number' || !Number.isFinite(startedAt) || startedAt <= 0) {
    return bad('startedAt', 'required', 'Send startedAt: the time (milliseconds since 1970) the form was shown.');
  }
  const sentAt = typeof b.sentAt === 'number' && Number.isFinite(b.sentAt) ? b.sentAt : undefined;

  const pageUrl = typeof b.pageUrl === 'string' && b.pageUrl.length <= L.pageUrlMax ? b.pageUrl : undefined;
  return {
    ok: true,
    submission: {
      kind: b.kind,
      message,
      honeypot: honeypot ?? 'not text',
      startedAt,
      ...(name ? { name } : {}),
      ...(subject ? { subject } : {}),
      ...(email ? { email } : {}),
      ...(conversationId && b.kind === 'chat' ? { conversationId } : {}),
      ...(pageUrl ? { pageUrl } : {}),
      ...(sentAt !== undefined ? { sentAt } : {}),
    },
  };
}

/** Keeps a page address only when it lies on the sending website, without query or fragment (they may hold personal data). */
export function pageOnOrigin(pageUrl: string | undefined, origin: string): string | undefined {
  if (!pageUrl) return undefined;
  try {
    const u = new URL(pageUrl);
    return u.origin === origin ? `${u.origin}${u.pathname}` : undefined;
  } catch {
    return undefined;
  }
}

export type SpamVerdict = 'ok' | 'honeypot' | 'too_fast';

/**
 * Whether a submission looks like a bot: the hidden field was filled, or it came less than 2 s after the form was
 * shown. The time is measured on the sender's own clock when it sends `sentAt` (so a skewed clock does not matter),
 * else against `nowMs`.
 */
export function spamVerdict(s: Pick<WebformSubmission, 'honeypot' | 'startedAt' | 'sentAt'>, nowMs: number): SpamVerdict {
  if (s.honeypot.trim() !== '') return 'honeypot';
  const elapsed = (s.sentAt ?? nowMs) - s.startedAt;
  return elapsed < WEBFORM_LIMITS.minFillMs ? 'too_fast' : 'ok';
}

/** What was stored recently: counts and the oldest receipt time (ISO) within the window. */
export interface RecentTraffic {
  visitor: { count: number; oldest: string | null };
  channel: { count: number; oldest: string | null };
}

export type RateVerdict = { ok: true } | { ok: false; scope: 'visitor' | 'channel'; retryAfterSeconds: number };

/**
 * The sliding-window rate limit: a visitor may send `perVisitor[kind]` messages and the channel accepts
 * `perChannel` per window. When over, says when the oldest message leaves the window (at least 1 s).
 */
export function rateVerdict(recent: RecentTraffic, kind: WebformKind, nowMs: number): RateVerdict {
  const L = WEBFORM_LIMITS;
  const wait = (oldest: string | null) => {
    const t = oldest ? Date.parse(oldest) : nowMs;
    return Math.max(1, Math.ceil((t + L.windowMs - nowMs) / 1000));
  };
  if (recent.visitor.count >= L.perVisitor[kind]) return { ok: false, scope: 'visitor', retryAfterSeconds: wait(recent.visitor.oldest) };
  if (recent.channel.count >= L.perChannel) return { ok: false, scope: 'channel', retryAfterSeconds: wait(recent.channel.oldest) };
  return { ok: true };
}

/** The HTML snippet a website puts on its pages to show the form or the chat (the key and base URL are Regie's own). */
export function embedSnippet(baseUrl: string, publicKey: string, mode: WebformKind, lang: 'nl' | 'en'): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<script src="${esc(baseUrl.replace(/\/+$/, ''))}/widget.js" data-regie-key="${esc(publicKey)}" data-mode="${mode}" data-lang="${lang}" async></script>`;
}
