import type { CompiledQuery, Kysely, QueryResult } from 'kysely';
import type { DB } from '../schema';
import type { Q } from './types';

/** Compiled queries by the dialect adapter they were compiled for (a transaction shares its database's adapter). */
const compiled = new WeakMap<object, Map<string, CompiledQuery>>();
/** Queries kept per database (oldest dropped first): keys vary with column lists and list lengths. */
const MAX_COMPILED = 2000;

/**
 * Runs a query that is built and compiled once per database handle and then only re-bound to new parameters, for the
 * hot path of every request (session, access, workspace lookups): Kysely's build-and-compile costs more than the
 * query itself. `build` must use each parameter exactly once, in the order given; this is checked on first use.
 */
export async function runCompiled<R>(q: Q, key: string, params: unknown[], build: (...p: any[]) => { compile(): CompiledQuery<R> }): Promise<R[]> {
  return (await runCompiledResult(q, key, params, build)).rows;
}

/** runCompiled, with the whole result (affected rows for inserts and updates). */
async function runCompiledResult<R>(q: Q, key: string, params: unknown[], build: (...p: any[]) => { compile(): CompiledQuery<R> }): Promise<QueryResult<R>> {
  const adapter = q.getExecutor().adapter;
  let byKey = compiled.get(adapter);
  if (!byKey) compiled.set(adapter, (byKey = new Map()));
  let c = byKey.get(key) as CompiledQuery<R> | undefined;
  if (!c) {
    c = build(...params).compile();
    if (c.parameters.length !== params.length || c.parameters.some((v, i) => v !== params[i])) {
      throw new Error(`runCompiled(${key}): the query must use its parameters once each, in order`);
    }
    if (byKey.size >= MAX_COMPILED) byKey.delete(byKey.keys().next().value!);
    byKey.set(key, c);
  }
  return q.executeQuery<R>({ ...c, parameters: params });
}

/**
 * Inserts `rows` into `table` with a statement compiled once per table, column list, row count and conflict target;
 * returns how many rows were inserted. The columns are the first row's that are not undefined (a value another row
 * lacks is stored as null). With `ignoreConflictOn`, a row whose key already exists is skipped (ON CONFLICT … DO
 * NOTHING).
 */
export async function insertCompiled<T extends keyof DB & string>(q: Q, table: T, rows: Array<DB[T]>, ignoreConflictOn?: readonly string[]): Promise<number> {
  if (rows.length === 0) return 0;
  const plain = rows as unknown as Array<Record<string, unknown>>;
  const columns = Object.keys(plain[0]).filter((c) => plain[0][c] !== undefined);
  const params = plain.flatMap((r) => columns.map((c) => r[c] ?? null));
  const key = `insert:${table}:${columns.join(',')}:${rows.length}:${ignoreConflictOn?.join(',') ?? ''}`;
  const result = await runCompiledResult(q, key, params, (...p: unknown[]) => {
    const values = rows.map((_, i) => Object.fromEntries(columns.map((c, j) => [c, p[i * columns.length + j]])));
    const insert = (q as unknown as Kysely<any>).insertInto(table).values(values);
    return ignoreConflictOn ? insert.onConflict((oc) => oc.columns([...ignoreConflictOn]).doNothing()) : insert;
  });
  return Number(result.numAffectedRows ?? 0);
}

/** Sets `patch`'s columns on the `table` row with this `id`, with a statement compiled once per table and column list. */
export async function updateByIdCompiled<T extends keyof DB & string>(q: Q, table: T, id: string, patch: Partial<DB[T]>): Promise<void> {
  const plain = patch as Record<string, unknown>;
  const columns = Object.keys(plain).filter((c) => plain[c] !== undefined);
  if (columns.length === 0) return;
  const params = [...columns.map((c) => plain[c]), id];
  await runCompiledResult(q, `update:${table}:${columns.join(',')}`, params, (...p: unknown[]) =>
    (q as unknown as Kysely<any>)
      .updateTable(table as string)
      .set(Object.fromEntries(columns.map((c, i) => [c, p[i]])))
      .where('id', '=', p[columns.length]),
  );
}
