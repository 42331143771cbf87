import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { seal, unseal } from './sealed-box';

describe('sealed box (AES-256-GCM)', () => {
  const key = randomBytes(32);
  it('round-trips and never shows the plaintext', () => {
    const s = seal(key, { appPassword: 'abcd-efgh-ijkl-mnop' }, 'channel:1');
    expect(s).not.toContain('abcd');
    expect(unseal(key, s, 'channel:1')).toEqual({ appPassword: 'abcd-efgh-ijkl-mnop' });
  });
  it('refuses another context, another key, or a changed byte', () => {
    const s = seal(key, { a: 1 }, 'channel:1');
    expect(() => unseal(key, s, 'channel:2')).toThrow();
    expect(() => unseal(randomBytes(32), s, 'channel:1')).toThrow();
    const parts = s.split('.');
    parts[3] = (parts[3][0] === 'A' ? 'B' : 'A') + parts[3].slice(1);
    expect(() => unseal(key, parts.join('.'), 'channel:1')).toThrow();
  });
});
