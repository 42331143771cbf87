import { describe, expect, it } from 'vitest';
import { newId } from './ids';

describe('newId', () => {
  it('is a UUIDv7: the time in its first 48 bits, version 7, variant 10', () => {
    const id = newId(0x0123456789ab);
    expect(id).toMatch(/^01234567-89ab-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newId(Date.UTC(2026, 10, 30)).slice(0, 13).replace('-', '')).toBe(Date.UTC(2026, 10, 30).toString(16).padStart(12, '0'));
  });

  it('sorts by time and never repeats, across many refills of its random pool', () => {
    const ids = Array.from({ length: 50_000 }, (_, i) => newId(1_780_000_000_000 + i));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('spreads its random part (no byte value stuck)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) seen.add(newId(0).slice(-2));
    expect(seen.size).toBeGreaterThan(200);
  });
});
