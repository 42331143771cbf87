/**
 * Idempotency for Meta, which has no idempotency key and no hidden field a post could carry: before publishing,
 * the connector looks at the account's most recent posts for one with the very same text, published within a
 * short window. A retry after a lost answer (timeout, crash between Meta's reply and Regie's record) then finds the
 * first post instead of making a second. Meta itself refuses identical status updates in quick succession, so a
 * deliberate identical repeat inside the window would fail anyway. Posts without text cannot be matched: for them,
 * and whenever the lookup is unsure, reconciliation must hold the attempt for a person (Meta connectors therefore
 * implement no key-only `findPublished`).
 */

/** How far back publish looks for an identical post. */
export const DUPLICATE_WINDOW_MS = 6 * 60 * 60 * 1000;

/** Text as compared for duplicates: line endings unified, Unicode NFC, outer whitespace trimmed. */
export function normalizeText(s: string): string {
  return s.replace(/\r\n?/g, '\n').normalize('NFC').trim();
}

/**
 * The first of `items` whose text equals `text` (normalised) and whose time lies within `windowMs` before `now`
 * (or up to a minute after it, for clock skew); undefined when `text` is empty or nothing matches. Pure.
 */
export function findRecentSame<T>(items: T[], pick: (t: T) => { text?: string; time?: string }, text: string, now: Date, windowMs = DUPLICATE_WINDOW_MS): T | undefined {
  const want = normalizeText(text);
  if (!want) return undefined;
  const t0 = now.getTime();
  return items.find((it) => {
    const { text: t, time } = pick(it);
    const at = Date.parse(time ?? '');
    return typeof t === 'string' && normalizeText(t) === want && !Number.isNaN(at) && at >= t0 - windowMs && at <= t0 + 60_000;
  });
}
