import { hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Keys derived from the installation's secret; none of them is ever stored in the database. */
export interface Keys {
  /** HMAC key of the audit chain. */
  audit: Buffer;
  /** AES-256-GCM key for stored channel credentials. */
  credentials: Buffer;
}

/**
 * The installation's 32-byte secret: the configured one, or the one in `<dataDir>/secret.key`, generated there
 * (mode 0600) on first start. Returns where it came from, for the start-up message.
 */
export function loadOrCreateSecret(configured: string | null, dataDir: string): { secret: Buffer; source: string } {
  if (configured) return { secret: Buffer.from(configured, 'base64'), source: 'SECRET_KEY' };
  const file = join(dataDir, 'secret.key');
  if (existsSync(file)) {
    const secret = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (secret.length !== 32) throw new Error(`${file} does not hold a 32-byte base64 key. Restore it from your backup.`);
    return { secret, source: file };
  }
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return { secret: Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'), source: `${file} (new)` };
}

/** Derives purpose-bound keys from the secret (HKDF-SHA256), so one leaked key does not open the others. */
export function deriveKeys(secret: Buffer): Keys {
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), info, 32));
  return { audit: derive('regie/audit-chain/v1'), credentials: derive('regie/credentials/v1') };
}
