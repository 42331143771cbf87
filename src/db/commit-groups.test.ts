import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqlite, type Connection } from './dialect';

describe('commits shared by a group of pieces on SQLite', () => {
  let dir: string;
  let conn: Connection;
  /** What another connection sees: only committed rows. */
  const committed = () => {
    const other = new SQLite(join(dir, 'regie.db'), { readonly: true });
    try {
      return (other.prepare('select v from t order by v').all() as Array<{ v: string }>).map((r) => r.v);
    } finally {
      other.close();
    }
  };
  const insert = (v: string) => (q: Connection['db']) => sql`insert into t (v) values (${v})`.execute(q);

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'regie-commits-'));
    conn = openSqlite(dir);
    await sql`create table t (v text primary key)`.execute(conn.db);
    await sql`create table parent (id text primary key)`.execute(conn.db);
    await sql`create table child (id text primary key, parent_id text references parent (id) deferrable initially deferred)`.execute(conn.db);
  });
  afterEach(async () => {
    await conn.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs pieces that arrive together in one transaction and answers each only after the commit', async () => {
    const steps: string[] = [];
    const pieces = ['a', 'b', 'c'].map((v) =>
      conn.commits
        .run(async (q) => {
          steps.push(`work ${v}`);
          await insert(v)(q);
          return v.toUpperCase();
        })
        .then((r) => {
          steps.push(`done ${v}`);
          expect(committed()).toContain(v);
          return r;
        }),
    );
    expect(await Promise.all(pieces)).toEqual(['A', 'B', 'C']);
    // Grouped: every piece ran before the first one was answered.
    expect(steps).toEqual(['work a', 'work b', 'work c', 'done a', 'done b', 'done c']);
  });

  it('rolls back only the piece that fails, and rejects only its promise', async () => {
    const results = await Promise.allSettled([
      conn.commits.run(insert('a')),
      conn.commits.run(async (q) => {
        await insert('b')(q);
        throw new Error('piece b failed after writing');
      }),
      conn.commits.run(async (q) => {
        await insert('a')(q); // primary key violation: fails inside the database
      }),
      conn.commits.run(insert('d')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toContain('piece b failed');
    expect(committed()).toEqual(['a', 'd']);
  });

  it('fails every piece of a group whose commit fails, and stores none of them', async () => {
    const results = await Promise.allSettled([
      conn.commits.run(insert('a')),
      conn.commits.run((q) => sql`insert into child (id, parent_id) values ('c1', 'nobody')`.execute(q)), // checked at commit
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(committed()).toEqual([]);
    // The next group works normally.
    await conn.commits.run(insert('z'));
    expect(committed()).toEqual(['z']);
  });

  it('commits every piece of a long stream (several groups)', async () => {
    const all = Array.from({ length: 100 }, (_, i) => conn.commits.run(insert(`v${String(i).padStart(3, '0')}`)));
    await Promise.all(all);
    expect(committed()).toHaveLength(100);
  });
});
