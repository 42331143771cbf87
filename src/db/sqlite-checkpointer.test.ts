import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqlite } from './dialect';
import { startCheckpointer } from './sqlite-checkpointer';

const size = (f: string) => (existsSync(f) ? statSync(f).size : 0);

describe('SQLite checkpoints on another thread', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'regie-checkpoint-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('copies what was committed into the database file while the writer goes on, and leaves no log behind on close', async () => {
    const conn = openSqlite(dir);
    const file = join(dir, 'regie.db');
    await sql`create table t (id integer primary key, pad text)`.execute(conn.db);
    const before = size(file);
    // About 2 MB in 40 commits: the writer itself never checkpoints now, so only the thread can move it to the file.
    for (let i = 0; i < 40; i++) {
      await conn.db.transaction().execute(async (q) => {
        for (let k = 0; k < 10; k++) await sql`insert into t (pad) values (${'x'.repeat(5000)})`.execute(q);
      });
    }
    const deadline = Date.now() + 5000;
    while (size(file) < before + 1_500_000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(size(file)).toBeGreaterThan(before + 1_500_000);
    const rows = await sql<{ n: number }>`select count(*) as n from t`.execute(conn.db);
    expect(rows.rows[0].n).toBe(400);
    await conn.close();
    expect(size(`${file}-wal`)).toBe(0);
  });

  it('gives checkpoints back to the writer when its thread cannot run', async () => {
    const why = await new Promise<string>((resolve) => startCheckpointer(join(dir, 'no-such-folder', 'x.db'), resolve));
    expect(why).toMatch(/directory|open|exist/i);
  });
});
