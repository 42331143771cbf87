import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect';
import type { DB } from '../schema';

/** A query runner: the database itself or an open transaction. Repositories accept either. */
export type Q = Kysely<DB>;

/** What every repository function needs: where to query, and which dialect it is. */
export interface RepoCtx {
  q: Q;
  dialect: Dialect;
}

/** 0/1 integer → boolean, the one boolean form both databases store. */
export const bool = (v: number | boolean | null | undefined): boolean => v === 1 || v === true;
/** boolean → 0/1 integer. */
export const int = (v: boolean): number => (v ? 1 : 0);
