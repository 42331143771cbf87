import type { CompiledQuery } from 'kysely';
import type { Q } from './types';

const compiled = new WeakMap<object, Map<string, CompiledQuery>>();

/**
 * Runs a query that is built and compiled once per database handle and then only re-bound to new parameters, for the
 * hot path of every request (session, access, workspace lookups): Kysely's build-and-compile costs more than the
 * query itself. `build` must use each parameter exactly once, in the order given; this is checked on first use.
 */
export async function runCompiled<R>(q: Q, key: string, params: unknown[], build: (...p: any[]) => { compile(): CompiledQuery<R> }): Promise<R[]> {
  let byKey = compiled.get(q);
  if (!byKey) compiled.set(q, (byKey = new Map()));
  let c = byKey.get(key) as CompiledQuery<R> | undefined;
  if (!c) {
    c = build(...params).compile();
    if (c.parameters.length !== params.length || c.parameters.some((v, i) => v !== params[i])) {
      throw new Error(`runCompiled(${key}): the query must use its parameters once each, in order`);
    }
    byKey.set(key, c);
  }
  return (await q.executeQuery<R>({ ...c, parameters: params })).rows;
}
