#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/config';
import { isWorkspaceRole } from '../core/workspaces/roles';
import { AppError } from '../core/shared/errors';
import { newSecret } from '../core/shared/ids';
import { createApp } from '../context';
import { backupDatabase, defaultBackupName } from '../db/dialect';
import { migrateToLatest } from '../db/migrations';
import { serve } from './serve';
import { verifyAudit } from '../services/audit.service';
import { createUserAccount } from '../services/users.service';

const HELP: Record<string, string> = {
  main: `regie — social media management where the organization keeps control

Usage: regie <command> [options]

Commands:
  serve            run the web server, API and background work (default for npm start)
  worker           run only the background work (publishing); for PostgreSQL installations that scale apart
  migrate          bring the database schema up to date
  user create      create an account (optionally as member of a workspace)
  audit verify     check that the audit trail was not changed, cut or truncated
  backup           write a consistent copy of the database while Regie runs

Run 'regie <command> --help' for a command's options. Configuration comes from environment variables
(or a .env file): PORT, HOST, DATA_DIR, DATABASE_URL, PUBLIC_URL, SECRET_KEY, SMTP_URL, MAIL_FROM, LOG_LEVEL.`,
  serve: `regie serve [--demo] [--roles web,worker]

Runs Regie on http://HOST:PORT (default 127.0.0.1:3000) with the database from DATABASE_URL, or the embedded
SQLite file in DATA_DIR (default ./data). Migrations run at start.
  --demo    fill an empty database with a demo organization, agency and members, and print their logins
  --roles   what this process does: web (the site and API), worker (publishing); default both. On PostgreSQL run
            'serve --roles web' and any number of 'regie worker' processes side by side.`,
  worker: `regie worker

Runs only the background work: claims due posts and lets them out through the gate. Any number of workers may
share one PostgreSQL database; on SQLite use 'regie serve' (one process does both).`,
  migrate: `regie migrate

Applies pending database migrations (the same list for SQLite and PostgreSQL) and prints what it applied.`,
  'user create': `regie user create --email EMAIL --name NAME [--password PASSWORD] [--workspace ID --role ROLE] [--admin]

Creates an account. Without --password a strong password is generated and printed once. --admin makes it an
installation administrator (enters the platforms' app credentials; the first account is one already).
With --workspace the account becomes a member with --role (owner, editor, contributor, webcare_agent, viewer).`,
  'audit verify': `regie audit verify

Walks every audit chain and checks each record's HMAC link and each chain's head. Exits 1 and names the first
broken link per chain when a record was changed or deleted, or the tail was cut off.`,
  backup: `regie backup [--out FILE]

Writes a consistent copy of the running database: a SQLite file (default ./regie-backup-<time>.db) or, on
PostgreSQL, a plain SQL dump made by pg_dump (default ./regie-backup-<time>.sql). Keep DATA_DIR/secret.key
(or SECRET_KEY) with your backups: without it the audit trail cannot be verified.`,
};

function stamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
}

async function run(argv: string[]): Promise<number> {
  const [cmd, sub] = argv;
  const command = cmd === 'user' || cmd === 'audit' ? `${cmd} ${sub ?? ''}`.trim() : (cmd ?? 'help');
  const rest = argv.slice(command.split(' ').length);
  if (command === 'help' || command === '--help' || command === '-h') {
    console.log(HELP.main);
    return 0;
  }
  if (!(command in HELP) || command === 'main') {
    console.error(`Unknown command '${command}'.\n\n${HELP.main}`);
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    allowPositionals: false,
    options: {
      help: { type: 'boolean', short: 'h' },
      demo: { type: 'boolean' },
      email: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      workspace: { type: 'string' },
      role: { type: 'string' },
      out: { type: 'string' },
      admin: { type: 'boolean' },
      roles: { type: 'string' },
    },
  });
  if (values.help) {
    console.log(HELP[command]);
    return 0;
  }
  const config = loadConfig();
  if (command === 'serve') {
    const roles = (values.roles ?? 'web,worker').split(',').map((r) => r.trim());
    const bad = roles.filter((r) => r !== 'web' && r !== 'worker');
    if (bad.length || roles.length === 0) {
      console.error(`--roles takes web, worker or both (web,worker); not '${bad.join(',')}'.`);
      return 2;
    }
    return serve(config, { demo: !!values.demo, roles: new Set(roles as Array<'web' | 'worker'>) });
  }
  if (command === 'worker') return serve(config, { demo: false, roles: new Set(['worker']) });

  const app = await createApp(config, { migrate: command !== 'migrate' && command !== 'audit verify' });
  try {
    switch (command) {
      case 'migrate': {
        const applied = await migrateToLatest(app.db, app.dialect);
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
        return 0;
      }
      case 'user create': {
        if (!values.email || !values.name) {
          console.error(`--email and --name are required.\n\n${HELP[command]}`);
          return 2;
        }
        if (values.role && !isWorkspaceRole(values.role)) {
          console.error(`--role must be one of owner, editor, contributor, webcare_agent, viewer.`);
          return 2;
        }
        const password = values.password ?? newSecret(15);
        const user = await createUserAccount(
          app,
          { email: values.email, name: values.name, password, workspaceId: values.workspace, role: values.role as never, admin: !!values.admin },
          { ip: null, userAgent: 'regie cli' },
        );
        console.log(`Created ${user.email} (${user.id}).${values.password ? '' : `\nPassword (shown once): ${password}`}`);
        return 0;
      }
      case 'audit verify': {
        const started = Date.now();
        const r = await verifyAudit(app);
        const secs = ((Date.now() - started) / 1000).toFixed(2);
        if (r.broken.length === 0) {
          console.log(`Audit trail intact: ${r.records} records in ${r.chains} chains checked in ${secs} s.`);
          return 0;
        }
        console.error(`Audit trail BROKEN (${r.records} records verified before the breaks, ${secs} s):`);
        for (const m of r.messages) console.error(`  - ${m}`);
        return 1;
      }
      case 'backup': {
        const out = values.out ?? defaultBackupName(app.dialect, stamp());
        console.log(await backupDatabase(app.conn, config.databaseUrl, out));
        return 0;
      }
    }
    return 2;
  } finally {
    await app.conn.close();
  }
}

run(process.argv.slice(2)).then(
  (code) => {
    if (code !== -1) process.exitCode = code;
  },
  (err) => {
    if (err instanceof ConfigError || err instanceof AppError) console.error(err.message);
    else if ((err as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') console.error(`${(err as Error).message}. See --help.`);
    else console.error(`regie: ${(err as Error)?.stack ?? err}`);
    process.exitCode = 1;
  },
);
