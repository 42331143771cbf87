import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';

/**
 * Encrypts `value` (JSON-serialisable) with AES-256-GCM under `key`: `v1.<iv>.<tag>.<ciphertext>` in base64url.
 * `context` (e.g. the channel id) is bound as associated data, so a sealed value copied to another row fails to open.
 */
export function seal(key: Buffer, value: unknown, context: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(context));
  const body = Buffer.concat([c.update(JSON.stringify(value), 'utf8'), c.final()]);
  return [VERSION, iv.toString('base64url'), c.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

/** Opens a value sealed by {@link seal} with the same key and context; throws when it was altered or moved. */
export function unseal<T>(key: Buffer, sealed: string, context: string): T {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('Unknown sealed value format');
  const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  d.setAAD(Buffer.from(context));
  d.setAuthTag(Buffer.from(tag, 'base64url'));
  return JSON.parse(Buffer.concat([d.update(Buffer.from(body, 'base64url')), d.final()]).toString('utf8')) as T;
}
