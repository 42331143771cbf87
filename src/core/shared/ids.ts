import { randomBytes } from 'node:crypto';

/**
 * A new UUIDv7: time-ordered (so rows inserted together sit together in indexes) and unguessable in its
 * random part. Text, so the same id works on SQLite and PostgreSQL.
 */
export function newId(now: number = Date.now()): string {
  const b = randomBytes(16);
  b.writeUIntBE(now, 0, 6);
  b[6] = (b[6] & 0x0f) | 0x70;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A URL-safe random secret of `bytes` bytes (default 32), for session cookies, tokens and links. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
