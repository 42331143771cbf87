import { describe, expect, it } from 'vitest';
import { ChainVerifier, GENESIS_HASH, linkHash, type ChainedRecord } from './chain';

const key = Buffer.alloc(32, 7);

function chain(n: number): ChainedRecord[] {
  const out: ChainedRecord[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const r = { chainId: 'ws', seq, id: `id${seq}`, workspaceId: 'ws', actorUserId: 'u', actorOrgId: 'o', action: 'a', objectType: null, objectId: null, summary: '{}', ip: null, userAgent: null, createdAt: '2026-01-01T00:00:00.000Z', prevHash: prev };
    const hash = linkHash(key, r);
    out.push({ ...r, hash });
    prev = hash;
  }
  return out;
}

function verify(records: ChainedRecord[], head: { seq: number; hash: string } | null, k = key) {
  const v = new ChainVerifier(k, 'ws');
  for (const r of records) if (!v.add(r)) break;
  return v.finish(head);
}

describe('audit chain', () => {
  const good = chain(5);
  const head = { seq: 5, hash: good[4].hash };

  it('accepts an intact chain', () => expect(verify(good, head)).toBeNull());
  it('detects a changed field', () => {
    const bad = good.map((r) => (r.seq === 3 ? { ...r, action: 'other' } : r));
    expect(verify(bad, head)).toMatchObject({ kind: 'changed', seq: 3 });
  });
  it('detects a re-signed record without the key (wrong key)', () => {
    expect(verify(good, head, Buffer.alloc(32, 8))).toMatchObject({ kind: 'changed', seq: 1 });
  });
  it('detects a deleted record', () => expect(verify(good.filter((r) => r.seq !== 2), head)).toMatchObject({ kind: 'gap', expectedSeq: 2 }));
  it('detects a truncated tail against the head', () => expect(verify(good.slice(0, 3), head)).toMatchObject({ kind: 'truncated', lastSeq: 3, headSeq: 5 }));
  it('detects records swapped between places', () => {
    const swapped = [...good];
    swapped[1] = { ...good[2], seq: 2 };
    expect(verify(swapped, head)).not.toBeNull();
  });
  it('detects a head that does not match the last record', () => expect(verify(good, { seq: 5, hash: 'f'.repeat(64) })).toMatchObject({ kind: 'head_mismatch' }));
});
