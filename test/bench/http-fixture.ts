import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import pino from 'pino';
import { loadConfig } from '../../src/config/config';
import { createApp } from '../../src/context';
import { buildHttpApp } from '../../src/http/app';

/** Child process for the HTTP benchmark: Regie on SQLite with one owner, and a bare Fastify on another port. */
const dataDir = mkdtempSync(join(tmpdir(), 'regie-bench-'));
const app = await createApp(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), { logger: pino({ level: 'silent' }) });
const http = await buildHttpApp(app, { webDir: null });
await http.listen({ port: 0, host: '127.0.0.1' });
const port = (http.server.address() as { port: number }).port;
const setup = await http.inject({
  method: 'POST',
  url: '/api/setup',
  payload: { name: 'Bench Owner', email: 'bench@example.nl', password: 'bench passphrase 2026', organizationName: 'Bench', workspaceName: 'Bench' },
});
const cookie = String(setup.headers['set-cookie']).split(';')[0];
const ws = setup.json().workspaceId;
const body = (await http.inject({ method: 'GET', url: `/api/workspaces/${ws}`, headers: { cookie } })).json();

const bare = Fastify();
bare.get('/ws', async () => body);
await bare.listen({ port: 0, host: '127.0.0.1' });
const barePort = (bare.server.address() as { port: number }).port;
process.on("SIGINT", () => process.exit(0));
process.send!({ full: `http://127.0.0.1:${port}/api/workspaces/${ws}`, bare: `http://127.0.0.1:${barePort}/ws`, cookie });
