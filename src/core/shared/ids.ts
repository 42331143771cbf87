import { randomBytes, randomFillSync } from 'node:crypto';

/** Random bytes drawn from the system's CSPRNG a few kilobytes at a time: one system call per ~400 ids, not per id. */
const pool = Buffer.alloc(4096);
let used = pool.length;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * A new UUIDv7: time-ordered (so rows inserted together sit together in indexes) and unguessable in its
 * random part. Text, so the same id works on SQLite and PostgreSQL.
 */
export function newId(now: number = Date.now()): string {
  if (used + 10 > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const r = used;
  used += 10;
  let h = '';
  // 48 bits of milliseconds, then the version (7) and variant (10) bits over 74 random bits.
  for (let i = 5; i >= 0; i--) h += HEX[Math.floor(now / 2 ** (8 * i)) & 0xff];
  h += HEX[0x70 | (pool[r] & 0x0f)] + HEX[pool[r + 1]] + HEX[0x80 | (pool[r + 2] & 0x3f)];
  for (let i = r + 3; i < r + 10; i++) h += HEX[pool[i]];
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A URL-safe random secret of `bytes` bytes (default 32), for session cookies, tokens and links. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
