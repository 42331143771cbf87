import { createHash } from 'node:crypto';

const S32 = '234567abcdefghijklmnopqrstuvwxyz';
/** 2023-01-01T00:00:00Z in microseconds: derived keys read as timestamps from 2023 on. */
const BASE_MICROS = 1_672_531_200_000_000n;
const SPAN_BITS = 47n;

/** Encodes a non-negative 64-bit value as a 13-character sortable base32 TID. */
function tidString(value: bigint): string {
  let out = '';
  for (let i = 0; i < 13; i++) {
    out = S32[Number(value & 31n)] + out;
    value >>= 5n;
  }
  return out;
}

/**
 * The record key of part `part` of the post published under `idempotencyKey`: a valid TID (13 characters of
 * sortable base32, timestamp bits in 2023–2027, a clock id) derived only from the key and the part number, so a
 * retry after a crash addresses the same records. Candidates holding a doubled g/q are skipped, because the PDS
 * refuses record keys that its word filter matches and every pattern it can match in a TID needs one. Pure.
 */
export function recordKeyFor(idempotencyKey: string, part = 0): string {
  for (let attempt = 0; ; attempt++) {
    const digest = createHash('sha256').update(`regie:bluesky:${idempotencyKey}\u0000${part}\u0000${attempt}`).digest();
    const h = digest.readBigUInt64BE(0);
    const micros = BASE_MICROS + (h >> (64n - SPAN_BITS));
    const clockId = h & 1023n;
    const tid = tidString((micros << 10n) | clockId);
    if (!/[gq]{2}/.test(tid)) return tid;
  }
}

/** Whether `s` has the shape of a TID record key. */
export function isTid(s: string): boolean {
  return /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/.test(s);
}

/** The parts of an at:// URI: repo (DID), collection and record key; null when it is not one. */
export function parseAtUri(uri: string): { repo: string; collection: string; rkey: string } | null {
  const m = /^at:\/\/([^/]+)\/([^/]+)\/([^/?#]+)$/.exec(uri);
  return m ? { repo: m[1], collection: m[2], rkey: m[3] } : null;
}

/** The public web address of a post on bsky.app (by DID, so it survives handle changes). */
export function postUrl(uri: string): string | undefined {
  const p = parseAtUri(uri);
  return p && p.collection === 'app.bsky.feed.post' ? `https://bsky.app/profile/${p.repo}/post/${p.rkey}` : undefined;
}
