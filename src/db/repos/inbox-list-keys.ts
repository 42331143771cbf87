import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { AppError } from '../../core/shared/errors';
import type { DB } from '../schema';
import type { Q } from './types';

/**
 * The sort keys of the inbox list and the queries that find one page of them. The list's order: segment 0 (an
 * SLA clock runs) by due time, soonest first, then newest activity; segment 1 (no clock) by newest activity; ties
 * by id, newest first. The list indexes of migration 0009 hold exactly this order after their equality prefix.
 */
export interface Key {
  /** sla_due_at: null in segment 1. */
  d: string | null;
  /** last_message_at */
  l: string;
  /** id */
  i: string;
}

export type Cond = (eb: ExpressionBuilder<DB, 'conversations'>) => Expression<SqlBool>;

/** All of `conds` (true when empty). */
export const all = (conds: Cond[]) => (eb: ExpressionBuilder<DB, 'conversations'>) => eb.and(conds.map((c) => c(eb)));

/** The opaque cursor for the page after the row with sort key `key` (base64url JSON of the key). */
export function encodeCursor(key: Key): string {
  return Buffer.from(JSON.stringify({ d: key.d, l: key.l, i: key.i }), 'utf8').toString('base64url');
}

/** The sort key inside a cursor; throws ERR_VALIDATION when it is not one this module made. */
export function decodeCursor(cursor: string): Key {
  let key: unknown = null;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = null;
  }
  const k = key as Partial<Key> | null;
  if (!k || typeof k !== 'object' || typeof k.i !== 'string' || typeof k.l !== 'string' || (k.d !== null && typeof k.d !== 'string')) {
    throw new AppError('ERR_VALIDATION', 'The cursor is not valid; start again from the first page.', { problems: ['cursor: not valid'] });
  }
  return { d: k.d, l: k.l, i: k.i };
}

/** Rows of segment `seg` after the cursor (all of them without one); null when the cursor is already past them. */
export function segmentAfter(seg: 0 | 1, after: Key | null): Cond | null {
  if (seg === 0) {
    if (!after) return (eb) => eb('sla_due_at', 'is not', null);
    if (after.d === null) return null;
    const { d, l, i } = after;
    return (eb) =>
      eb.and([eb('sla_due_at', '>=', d), eb.or([eb('sla_due_at', '>', d), eb('last_message_at', '<', l), eb.and([eb('last_message_at', '=', l), eb('id', '<', i)])])]);
  }
  if (!after || after.d !== null) return (eb) => eb('sla_due_at', 'is', null);
  const { l, i } = after;
  return (eb) => eb.and([eb('sla_due_at', 'is', null), eb('last_message_at', '<=', l), eb.or([eb('last_message_at', '<', l), eb('id', '<', i)])]);
}

/**
 * The keys of the first `n` rows of one segment in walk mode: for every alternative (view part × status part) a
 * range scan of a list index in list order, stopped after `n` rows that pass `filters`; merged and cut to `n`.
 */
export async function walkSegment(q: Q, seg: 0 | 1, position: Cond, filters: Cond[], alternatives: Cond[][], n: number): Promise<Key[]> {
  if (alternatives.length === 0) return [];
  const branches = alternatives.map((alt, k) =>
    q
      .selectFrom(
        q
          .selectFrom('conversations')
          .select(['id', 'sla_due_at', 'last_message_at'])
          .where(all([...filters, ...alt, position]))
          .orderBy('sla_due_at')
          .orderBy('last_message_at', 'desc')
          .orderBy('id', 'desc')
          .limit(n)
          .as(`b${k}`),
      )
      .selectAll(),
  );
  const query = branches.length === 1 ? branches[0] : branches.slice(1).reduce((acc, b) => acc.unionAll(b), branches[0]);
  const rows = await query.orderBy('sla_due_at').orderBy('last_message_at', 'desc').orderBy('id', 'desc').limit(n).execute();
  return rows.map((r) => ({ d: seg === 0 ? r.sla_due_at : null, l: r.last_message_at, i: r.id }));
}

/** The keys of the first `n` rows after `after` in set mode: few candidates (one contact, a rare search), sorted. */
export async function setKeys(q: Q, after: Key | null, filters: Cond[], alternatives: Cond[][], n: number): Promise<Key[]> {
  if (alternatives.length === 0) return [];
  const positions = ([0, 1] as const).map((seg) => segmentAfter(seg, after)).filter((c): c is Cond => c !== null);
  const rows = await q
    .selectFrom('conversations')
    .select(['id', 'sla_due_at', 'last_message_at', sql<number>`case when sla_due_at is null then 1 else 0 end`.as('seg')])
    .where(all(filters))
    .where((eb) => eb.or(alternatives.map((a) => all(a)(eb))))
    .where((eb) => eb.or(positions.map((p) => p(eb))))
    .orderBy('seg')
    .orderBy('sla_due_at')
    .orderBy('last_message_at', 'desc')
    .orderBy('id', 'desc')
    .limit(n)
    .execute();
  return rows.map((r) => ({ d: r.sla_due_at, l: r.last_message_at, i: r.id }));
}
