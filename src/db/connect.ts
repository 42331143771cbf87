import { openPostgres, openSqlite, type Connection } from './dialect';

/** Opens the database the configuration names: PostgreSQL when a URL is given, else SQLite in the data folder. */
export function connectDatabase(opts: { databaseUrl: string | null; dataDir: string }): Connection {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openSqlite(opts.dataDir);
}
