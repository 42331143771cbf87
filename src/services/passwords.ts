import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

/** argon2id (the library's default algorithm) with OWASP's recommended minimum cost (19 MiB, 2 passes). */
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

/** A hash of nothing in particular: verified against when the account does not exist, so timing says nothing. */
let dummyHash: Promise<string> | null = null;

/** True when `password` matches `stored`; takes as long for an unknown account (`stored` null) as for a known one. */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    dummyHash ??= hashPassword('regie-dummy-password-for-timing');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}

/** The well-known passwords people must not choose (about 49,000, lower-cased). */
export function loadCommonPasswords(): ReadonlySet<string> {
  const list = (dictionary as Record<string, string[]>)['passwords-common'] ?? [];
  return new Set(list.map((p) => p.toLowerCase()));
}
