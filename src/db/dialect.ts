import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, sql, type RawBuilder, type SqlBool, type Transaction } from 'kysely';
import pg from 'pg';
import { ownCommits, sharedCommits, type CommitGroups } from './commit-groups';
import { startCheckpointer, type Checkpointer } from './sqlite-checkpointer';
import { oneProcessPubSub, postgresPubSub, type PubSub } from './pubsub';
import type { DB } from './schema';

/**
 * The only file that knows which database is in use. Everything dialect-specific lives here: connecting,
 * column types for migrations, error classification, triggers, backups.
 */
export type DialectKind = 'sqlite' | 'postgres';

export interface Dialect {
  kind: DialectKind;
  /** The database's name for people: SQLite or PostgreSQL. */
  label: string;
  /** One process does all the work on this database (embedded SQLite); several may share PostgreSQL. */
  oneProcess: boolean;
  /** Column type names for migrations. */
  types: { timestamp: string; bigint: string };
  /** True when the error is a violated unique or primary-key constraint. */
  isUniqueViolation(err: unknown): boolean;
  /** SQL statements that make `table` append-only (no UPDATE, DELETE or TRUNCATE for anyone, app included). */
  appendOnlySql(table: string): string[];
  /** SQL statements that let `audit_heads` only move forward one record at a time, and never be deleted. */
  forwardOnlyHeadSql(): string[];
  /**
   * SQL statements that build the full-text index over `messages.search_terms` (space-separated terms of letters
   * and digits, see core/inbox/search-terms) and let the database keep it in step with every insert, update, delete.
   */
  searchIndexSql(): string[];
  /**
   * A condition that the `messages` row under `alias` matches `query`: every word by one of its alternative terms.
   * Checked on the row itself (no index): meant for the few messages of conversations already found otherwise.
   */
  searchMatchSql(alias: string, query: string[][]): RawBuilder<SqlBool>;
  /**
   * A select of `conversation_id` for up to `limit` messages of the workspace that match `query` (a conversation
   * may repeat), driven by the full-text index. `narrow`: other workspaces hold many matches, so narrow to this
   * one inside the index (SQLite; costlier when they do not).
   */
  searchHitsSql(workspaceId: string, query: string[][], limit: number, narrow?: boolean): RawBuilder<{ conversation_id: string }>;
  /**
   * A select of `n`, how many messages of the workspace match `query` counted up to `limit` from the index alone,
   * and `exact`: 1 when `n` is that, 0 when it may include other workspaces' messages (asked for with
   * `exact = false` where a count across workspaces is cheaper, as for a rare term on SQLite).
   */
  searchCountSql(workspaceId: string, query: string[][], limit: number, exact: boolean): RawBuilder<{ n: number; exact: number }>;
  /** A condition that the JSON array of strings in `column` (a trusted column reference) holds exactly `value`. */
  jsonArrayHasSql(column: string, value: string): RawBuilder<SqlBool>;
}

/**
 * The FTS5 token that marks a message's workspace: "w" and the hex of the id's bytes (always one ascii token, longer
 * than any indexed word can be); `hex(workspace_id)` in SQLite makes the same.
 */
const workspaceToken = (workspaceId: string) => `w${Buffer.from(workspaceId, 'utf8').toString('hex').toUpperCase()}`;

/** FTS5 query text: each word's terms quoted (only letters and digits) and ORed, all ANDed; with the workspace. */
function fts5Query(workspaceId: string | null, query: string[][]): string {
  const words = query.map((alts) => `(${alts.map((t) => `"${t.toLowerCase().replace(/"/g, '""')}"`).join(' OR ')})`);
  return [...(workspaceId === null ? [] : [`"${workspaceToken(workspaceId)}"`]), ...words].join(' AND ');
}

/**
 * A test on the stored terms of the messages row `alias`: every word by one of its alternatives, as a substring
 * search for " term " in " terms " (`position` is the dialect's strpos/instr).
 */
function termsContain(alias: string, query: string[][], position: 'instr' | 'strpos'): RawBuilder<SqlBool> {
  const padded = sql`(' ' || ${sql.ref(`${alias}.search_terms`)} || ' ')`;
  const words = query.map((alts) => sql`(${sql.join(alts.map((t) => sql`${sql.raw(position)}(${padded}, ${` ${t.toLowerCase()} `}) > 0`), sql` or `)})`);
  return sql<SqlBool>`(${sql.join(words, sql` and `)})`;
}

/** tsquery text: each term a quoted lexeme, alternatives ORed, words ANDed; no parser or dictionary involved. */
function tsQuery(query: string[][]): string {
  return query.map((alts) => `(${alts.map((t) => `'${t.toLowerCase().replace(/\\/g, '\\\\').replace(/'/g, "''")}'`).join(' | ')})`).join(' & ');
}

export interface Connection {
  dialect: Dialect;
  db: Kysely<DB>;
  /** Where the data lives, for messages: a file path or a redacted URL. */
  location: string;
  /** Messages to the other server processes on this database (none to tell on a one-process database). */
  pubsub: PubSub;
  /** Short write transactions whose callers wait for the commit (webhook intake): grouped where that is safe. */
  commits: CommitGroups;
  /** Closes the pool and stops every listener of `pubsub`. */
  close(): Promise<void>;
}

const sqliteDialect: Dialect = {
  kind: 'sqlite',
  label: 'SQLite',
  oneProcess: true,
  types: { timestamp: 'text', bigint: 'integer' },
  isUniqueViolation: (err) =>
    typeof (err as { code?: unknown })?.code === 'string' &&
    /^SQLITE_CONSTRAINT_(UNIQUE|PRIMARYKEY)$/.test((err as { code: string }).code),
  appendOnlySql: (t) => [
    `CREATE TRIGGER ${t}_no_update BEFORE UPDATE ON ${t} BEGIN SELECT RAISE(ABORT, '${t} is append-only'); END`,
    `CREATE TRIGGER ${t}_no_delete BEFORE DELETE ON ${t} BEGIN SELECT RAISE(ABORT, '${t} is append-only'); END`,
  ],
  forwardOnlyHeadSql: () => [
    `CREATE TRIGGER audit_heads_forward BEFORE UPDATE ON audit_heads WHEN NEW.seq <> OLD.seq + 1 OR NEW.chain_id <> OLD.chain_id
     BEGIN SELECT RAISE(ABORT, 'audit_heads only moves forward'); END`,
    `CREATE TRIGGER audit_heads_no_delete BEFORE DELETE ON audit_heads BEGIN SELECT RAISE(ABORT, 'audit_heads is append-only'); END`,
  ],
  // Contentless FTS5 keyed by the messages' rowid (VACUUM keeps rowids); the ascii tokenizer splits on spaces and
  // ASCII punctuation only, so every stored term is exactly one token and a quoted term is never a phrase.
  searchIndexSql: () => [
    `CREATE VIRTUAL TABLE messages_fts USING fts5(terms, content='', contentless_delete=1, tokenize='ascii', detail='none')`,
    `CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages WHEN new.search_terms <> ''
     BEGIN INSERT INTO messages_fts(rowid, terms) VALUES (new.rowid, 'w' || hex(new.workspace_id) || ' ' || new.search_terms); END`,
    `CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages WHEN old.search_terms <> ''
     BEGIN DELETE FROM messages_fts WHERE rowid = old.rowid; END`,
    `CREATE TRIGGER messages_fts_update AFTER UPDATE OF search_terms, workspace_id ON messages
     BEGIN
       DELETE FROM messages_fts WHERE rowid = old.rowid;
       INSERT INTO messages_fts(rowid, terms) SELECT new.rowid, 'w' || hex(new.workspace_id) || ' ' || new.search_terms WHERE new.search_terms <> '';
     END`,
    `INSERT INTO messages_fts(rowid, terms) SELECT rowid, 'w' || hex(workspace_id) || ' ' || search_terms FROM messages WHERE search_terms <> ''`,
  ],
  // Probing one message through FTS5 costs a term lookup in every segment; a substring test on the row is cheaper.
  searchMatchSql: (alias, query) => termsContain(alias, query, 'instr'),
  searchHitsSql: (workspaceId, query, limit, narrow = false) =>
    sql<{ conversation_id: string }>`select m.conversation_id from messages_fts join messages m on m.rowid = messages_fts.rowid
      where messages_fts match ${fts5Query(narrow ? workspaceId : null, query)} and m.workspace_id = ${workspaceId} limit ${limit}`,
  // The workspace token narrows a count to one workspace; for a rare term that costs more than the count itself.
  searchCountSql: (workspaceId, query, limit, exact) =>
    sql<{ n: number; exact: number }>`select count(*) as n, ${sql.lit(exact ? 1 : 0)} as exact
      from (select rowid from messages_fts where messages_fts match ${fts5Query(exact ? workspaceId : null, query)} limit ${limit})`,
  jsonArrayHasSql: (column, value) => sql<SqlBool>`exists (select 1 from json_each(${sql.ref(column)}) where json_each.value = ${value})`,
};

const postgresDialect: Dialect = {
  kind: 'postgres',
  label: 'PostgreSQL',
  oneProcess: false,
  types: { timestamp: 'timestamptz', bigint: 'bigint' },
  isUniqueViolation: (err) => (err as { code?: unknown })?.code === '23505',
  appendOnlySql: (t) => [
    `CREATE OR REPLACE FUNCTION regie_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege'; END $$`,
    `CREATE TRIGGER ${t}_no_change BEFORE UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION regie_append_only()`,
    `CREATE TRIGGER ${t}_no_truncate BEFORE TRUNCATE ON ${t} FOR EACH STATEMENT EXECUTE FUNCTION regie_append_only()`,
  ],
  forwardOnlyHeadSql: () => [
    `CREATE OR REPLACE FUNCTION regie_head_forward() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF TG_OP <> 'UPDATE' OR NEW.seq <> OLD.seq + 1 OR NEW.chain_id <> OLD.chain_id THEN
         RAISE EXCEPTION 'audit_heads only moves forward' USING ERRCODE = 'insufficient_privilege';
       END IF;
       RETURN NEW;
     END $$`,
    `CREATE TRIGGER audit_heads_forward BEFORE UPDATE OR DELETE ON audit_heads FOR EACH ROW EXECUTE FUNCTION regie_head_forward()`,
    `CREATE TRIGGER audit_heads_no_truncate BEFORE TRUNCATE ON audit_heads FOR EACH STATEMENT EXECUTE FUNCTION regie_append_only()`,
  ],
  // A side table of every message's terms as a stored tsvector (lexemes exactly as stored: no parser, no
  // dictionary) with its conversation, under a GIN index, kept by a trigger: like SQLite's FTS table, and no extra
  // column on messages. Cheap to test per row and to scan, and ANALYZE gives the planner term frequencies.
  searchIndexSql: () => [
    `CREATE TABLE messages_search (message_id text PRIMARY KEY, workspace_id text NOT NULL, conversation_id text NOT NULL, terms tsvector NOT NULL)`,
    `CREATE INDEX messages_search_terms ON messages_search USING gin (terms)`,
    `CREATE OR REPLACE FUNCTION regie_messages_search() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF TG_OP <> 'INSERT' THEN DELETE FROM messages_search WHERE message_id = OLD.id; END IF;
       IF TG_OP <> 'DELETE' AND coalesce(NEW.search_terms, '') <> '' THEN
         INSERT INTO messages_search VALUES (NEW.id, NEW.workspace_id, NEW.conversation_id, array_to_tsvector(array_remove(string_to_array(NEW.search_terms, ' '), '')));
       END IF;
       RETURN NULL;
     END $$`,
    `CREATE TRIGGER messages_search_sync AFTER INSERT OR DELETE OR UPDATE OF search_terms, conversation_id, workspace_id ON messages
     FOR EACH ROW EXECUTE FUNCTION regie_messages_search()`,
    `INSERT INTO messages_search SELECT id, workspace_id, conversation_id, array_to_tsvector(array_remove(string_to_array(search_terms, ' '), ''))
     FROM messages WHERE coalesce(search_terms, '') <> ''`,
  ],
  searchMatchSql: (alias, query) => termsContain(alias, query, 'strpos'),
  searchHitsSql: (workspaceId, query, limit) =>
    sql<{ conversation_id: string }>`select s.conversation_id from messages_search s
      where s.terms @@ cast(${tsQuery(query)} as tsquery) and s.workspace_id = ${workspaceId} limit ${limit}`,
  searchCountSql: (workspaceId, query, limit) =>
    sql<{ n: number; exact: number }>`select count(*) as n, 1 as exact from (select 1 from messages_search s
      where s.terms @@ cast(${tsQuery(query)} as tsquery) and s.workspace_id = ${workspaceId} limit ${limit}) h`,
  jsonArrayHasSql: (column, value) => sql<SqlBool>`(${sql.ref(column)})::jsonb ? ${value}`,
};

let pgParsersSet = false;
function setPgTypeParsers(): void {
  if (pgParsersSet) return;
  pgParsersSet = true;
  // timestamptz → ISO text; int8 and numeric → number (counts, sequence numbers, averages).
  pg.types.setTypeParser(1184, (v) => new Date(v.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')).toISOString());
  pg.types.setTypeParser(20, (v) => Number(v));
  pg.types.setTypeParser(1700, (v) => Number(v));
}

/**
 * better-sqlite3 with prepared statements kept for reuse: Kysely prepares every query anew, and preparing costs
 * more than running a small query. Bounded, oldest dropped first.
 */
function withStatementCache(raw: SQLite.Database, max = 500) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => raw.close(),
    prepare(sqlText: string) {
      let stmt = cache.get(sqlText);
      if (!stmt) {
        stmt = raw.prepare(sqlText);
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
        cache.set(sqlText, stmt);
      }
      return stmt;
    },
  };
}

/** Opens the embedded SQLite database `<dataDir>/regie.db` (creating the folder), tuned for one process. */
export function openSqlite(dataDir: string, file = 'regie.db'): Connection {
  mkdirSync(dataDir, { recursive: true });
  const path = file === ':memory:' ? file : join(dataDir, file);
  const raw = new SQLite(path);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  // Savepoint and statement journals in memory, not in temporary files: a group of webhook deliveries (one savepoint
  // each, see commit-groups.ts) otherwise writes every page it touches twice.
  raw.pragma('temp_store = MEMORY');
  // Reads straight from the operating system's file cache, without copying each page into SQLite's own cache: a
  // search that touches many index pages at a million messages takes less than half the time (npm run bench inbox).
  raw.pragma('mmap_size = 1073741824');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) });
  let checkpointer: Checkpointer | null = null;
  if (path !== ':memory:') {
    // Checkpoints on another thread, not inside a commit (see sqlite-checkpointer.ts); back to SQLite's own if that fails.
    raw.pragma('wal_autocheckpoint = 0');
    checkpointer = startCheckpointer(path, (why) => {
      raw.pragma('wal_autocheckpoint = 1000');
      process.emitWarning(`SQLite checkpoints are back on the writing connection: ${why}`);
    });
  }
  const close = async () => {
    await checkpointer?.stop();
    await db.destroy();
  };
  return { dialect: sqliteDialect, db, location: path, pubsub: oneProcessPubSub(), commits: sharedCommits(db), close };
}

/** Opens a PostgreSQL pool for `url`; every connection works in UTC. */
export function openPostgres(url: string, poolSize = 10): Connection {
  setPgTypeParsers();
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: '-c TimeZone=UTC' });
  pool.on('error', () => {
    /* an idle client lost its connection; the pool replaces it on the next query */
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const pubsub = postgresPubSub(pool, url);
  const close = async () => {
    await pubsub.close();
    await db.destroy();
  };
  return { dialect: postgresDialect, db, location: url.replace(/\/\/[^@/]*@/, '//***@'), pubsub, commits: ownCommits(db), close };
}

/** Runs `fn` in a transaction that takes the write lock at its start on SQLite and is a normal one on PostgreSQL. */
export function writeTransaction<T>(db: Kysely<DB>, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.transaction().execute(fn);
}

/** Answers whether the database responds, within the pool's own timeouts. */
export async function ping(db: Kysely<DB>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

/**
 * True when `q` (a database or an open transaction) runs on PostgreSQL: for repositories that are handed only a
 * query runner and must lock rows there (SQLite has one writer at a time, so it needs no row locks).
 */
export function runsOnPostgres(q: Kysely<DB>): boolean {
  return q.getExecutor().adapter instanceof PostgresAdapter;
}

/** Adds a row lock to a select on PostgreSQL; SQLite's write transaction already excludes other writers. */
export function lockForUpdate<Q extends { forUpdate(): Q }>(dialect: Dialect, query: Q): Q {
  return dialect.kind === 'postgres' ? query.forUpdate() : query;
}

/**
 * Writes a consistent copy of the live database to `target` while Regie keeps running: SQLite's `VACUUM INTO`
 * (one file), or `pg_dump` (plain SQL, restorable with psql) for PostgreSQL. Returns a description of what ran.
 */
export async function backupDatabase(conn: Connection, databaseUrl: string | null, target: string): Promise<string> {
  if (conn.dialect.kind === 'sqlite') {
    await sql`VACUUM INTO ${target}`.execute(conn.db);
    return `SQLite copy written to ${target}`;
  }
  const { spawnSync } = await import('node:child_process');
  const r = spawnSync('pg_dump', ['--no-owner', '--format=plain', '--file', target, databaseUrl!], { encoding: 'utf8' });
  if (r.error) throw new Error(`pg_dump could not run (${r.error.message}). Install the PostgreSQL client tools (Debian: postgresql-client).`);
  if (r.status !== 0) throw new Error(`pg_dump failed: ${r.stderr.trim()}`);
  return `PostgreSQL dump (plain SQL, restore with psql) written to ${target}`;
}

/** The file name `regie backup` writes to when none is given: a .db copy for SQLite, a .sql dump for PostgreSQL. */
export function defaultBackupName(dialect: Dialect, stamp: string): string {
  return `regie-backup-${stamp}.${dialect.kind === 'sqlite' ? 'db' : 'sql'}`;
}

/**
 * Lets concurrent claimers pass each other on PostgreSQL (`FOR UPDATE SKIP LOCKED`); SQLite has one writer at a
 * time, so its claim needs no lock clause.
 */
export function skipLocked<Q extends { forUpdate(): Q; skipLocked(): Q }>(dialect: Dialect, query: Q): Q {
  return dialect.kind === 'postgres' ? query.forUpdate().skipLocked() : query;
}
