import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config/config';
import { createApp } from '../context';
import { DEMO_PASSWORD, seedDemo } from '../demo/seed-demo';
import { buildHttpApp } from '../http/app';
import { endInboxStreams } from '../http/routes/inbox-events.routes';
import { countUsers } from '../db/repos/users.repo';
import { startInboxWorker } from '../jobs/inbox-worker';
import { startPublisher } from '../jobs/publisher';

export type Role = 'web' | 'worker';

/**
 * Runs the web server and/or the worker (the publisher that lets due posts out through the gate) until
 * SIGINT/SIGTERM. Resolves to -1 (keep running); the process exits on a signal after the worker finished the
 * posts in hand and the server and database are closed.
 */
export async function serve(config: Config, opts: { demo: boolean; roles?: ReadonlySet<Role> }): Promise<number> {
  const roles = opts.roles ?? new Set<Role>(['web', 'worker']);
  const app = await createApp(config);
  if (opts.demo && (await countUsers(app.db)) > 0) {
    console.log(`--demo: this database already has accounts, so no demo data was added (demo password: ${DEMO_PASSWORD}).`);
    console.log('         For a fresh demo use another data folder: DATA_DIR=./data-demo npm start -- --demo');
  } else if (opts.demo) {
    const { logins } = await seedDemo(app);
    console.log(`\nDemo data created. Every demo account uses the password: ${DEMO_PASSWORD}`);
    for (const l of logins) console.log(`  ${l.email.padEnd(42)} ${l.name} — ${l.role}`);
    console.log('');
  }
  const where = `${app.dialect.label} at ${app.conn.location}`;
  const stableName = config.workerName ?? (app.dialect.oneProcess ? 'local' : null);
  const publisher = roles.has('worker') ? startPublisher(app, stableName ? { workerId: stableName, recoverOwnLeases: true } : {}) : null;
  const inbox = roles.has('worker') ? startInboxWorker(app, { workerId: publisher!.workerId, pollEveryMs: config.inboxPollSeconds * 1000 }) : null;
  const http = roles.has('web') ? await buildHttpApp(app, { webDir: findWebDir() }) : null;
  if (http) {
    await http.listen({ port: config.port, host: config.host });
    console.log(`Regie runs at ${config.publicUrl} (${where}; secret key from ${app.secretSource})${publisher ? '' : ' — web only'}`);
  } else {
    console.log(`Regie worker ${publisher!.workerId} runs (${where})`);
  }
  const stop = async () => {
    endInboxStreams(app);
    await http?.close();
    await publisher?.stop();
    await inbox?.stop();
    await app.events.close();
    await app.conn.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return -1;
}

/** The built web UI: dist/web of the Regie package, found from this file whether it runs bundled or from src/. */
function findWebDir(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    if (existsSync(join(dir, 'dist/web/index.html'))) return join(dir, 'dist/web');
    dir = dirname(dir);
  }
  return null;
}
