import { createHmac } from 'node:crypto';

/** One audit record as it is chained. `summary` is the exact stored JSON text, so hashing never re-serialises. */
export interface ChainedRecord {
  chainId: string;
  seq: number;
  id: string;
  workspaceId: string | null;
  actorUserId: string | null;
  actorOrgId: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  summary: string;
  ip: string | null;
  userAgent: string | null;
  createdAt: string;
  prevHash: string;
  hash: string;
}

/** The hash that starts every chain. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The HMAC-SHA256 (hex) that links `r` to its predecessor: every field of the record and the previous hash,
 * keyed by a secret that never enters the database, so a changed row cannot be re-signed by someone with only
 * database access.
 */
export function linkHash(key: Buffer, r: Omit<ChainedRecord, 'hash'>): string {
  const canonical = JSON.stringify([
    r.chainId,
    r.seq,
    r.id,
    r.workspaceId,
    r.actorUserId,
    r.actorOrgId,
    r.action,
    r.objectType,
    r.objectId,
    r.summary,
    r.ip,
    r.userAgent,
    r.createdAt,
    r.prevHash,
  ]);
  return createHmac('sha256', key).update(canonical).digest('hex');
}

export type BrokenLink =
  | { kind: 'gap'; chainId: string; expectedSeq: number; foundSeq: number }
  | { kind: 'changed'; chainId: string; seq: number; id: string }
  | { kind: 'relinked'; chainId: string; seq: number; id: string }
  | { kind: 'truncated'; chainId: string; lastSeq: number; headSeq: number }
  | { kind: 'head_mismatch'; chainId: string; seq: number };

/**
 * Walks one chain's records (in ascending `seq`) and checks every link. Feed records with {@link ChainVerifier.add}
 * and finish with {@link ChainVerifier.finish} against the stored head; the first broken link is kept.
 */
export class ChainVerifier {
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  broken: BrokenLink | null = null;
  checked = 0;

  constructor(
    private readonly key: Buffer,
    readonly chainId: string,
  ) {}

  /** Checks the next record; returns false once the chain is known to be broken. */
  add(r: ChainedRecord): boolean {
    if (this.broken) return false;
    if (r.seq !== this.expectedSeq) {
      this.broken = { kind: 'gap', chainId: this.chainId, expectedSeq: this.expectedSeq, foundSeq: r.seq };
      return false;
    }
    if (r.prevHash !== this.prevHash) {
      this.broken = { kind: 'relinked', chainId: this.chainId, seq: r.seq, id: r.id };
      return false;
    }
    if (linkHash(this.key, r) !== r.hash) {
      this.broken = { kind: 'changed', chainId: this.chainId, seq: r.seq, id: r.id };
      return false;
    }
    this.checked++;
    this.expectedSeq++;
    this.prevHash = r.hash;
    return true;
  }

  /** Compares the end of the walked chain with the head the database keeps; detects a cut-off tail. */
  finish(head: { seq: number; hash: string } | null): BrokenLink | null {
    if (this.broken) return this.broken;
    const lastSeq = this.expectedSeq - 1;
    if (head && head.seq > lastSeq) {
      this.broken = { kind: 'truncated', chainId: this.chainId, lastSeq, headSeq: head.seq };
    } else if (head && head.seq === lastSeq && head.hash !== this.prevHash) {
      this.broken = { kind: 'head_mismatch', chainId: this.chainId, seq: lastSeq };
    }
    return this.broken;
  }
}

/** A person-readable sentence for a broken link. */
export function describeBrokenLink(b: BrokenLink): string {
  switch (b.kind) {
    case 'gap':
      return `chain ${b.chainId}: record ${b.expectedSeq} is missing (next found is ${b.foundSeq}): records were deleted`;
    case 'changed':
      return `chain ${b.chainId}: record ${b.seq} (${b.id}) was changed after it was written`;
    case 'relinked':
      return `chain ${b.chainId}: record ${b.seq} (${b.id}) does not link to the record before it`;
    case 'truncated':
      return `chain ${b.chainId}: the log ends at record ${b.lastSeq} but ${b.headSeq} were written: the tail was cut off`;
    case 'head_mismatch':
      return `chain ${b.chainId}: the last record ${b.seq} differs from the one recorded as head`;
  }
}
