import { fork } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Pool } from 'undici';
import { onPostgres } from './bench-postgres';

const PAGE = '102030405060708';
const SECRET = 'bench-app-secret';
const MESSAGES = Number(process.env.INGEST_MESSAGES ?? 30_000);
const PER_REQUEST = Number(process.env.INGEST_BATCH ?? 10);
const CLIENTS = Number(process.env.INGEST_CLIENTS ?? 16);
/** Every this-many requests, one earlier delivery is sent again (a platform retry): it must store nothing. */
const RETRY_EVERY = 20;

/** Meta's wire form: JSON with every non-ASCII character escaped as \uXXXX. */
const metaJson = (value: unknown) => JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

const TEXTS = [
  'Wanneer wordt het grofvuil in de Dorpsstraat opgehaald? Al twee weken niks 😡',
  'Bedankt voor de snelle reactie, top geregeld! 👍',
  'Hoe laat is het zwembad open op zaterdag?',
  'I want to file a complaint about the bins on Kerkweg, nobody collected them.',
  'Kan ik mijn paspoort ophalen zonder afspraak? Groet, Jörg Müller',
  'De straatverlichting bij de Molenlaan 12 is al dagen kapot.',
  'Thanks for fixing the playground so quickly!',
];

/**
 * Message `i` of the run: threads of three messages (a third opens a conversation), half Page feed comments on a
 * post, half Messenger messages from a person; every one with its own remote id.
 */
function entry(i: number, threads: number) {
  const t = i % threads;
  const time = 1780000000 + i;
  const text = `${TEXTS[i % TEXTS.length]} (#${i})`;
  if (t % 2 === 0) {
    return { id: PAGE, time, changes: [{ field: 'feed', value: { item: 'comment', verb: 'add', comment_id: `${PAGE}_${t}_${i}`, post_id: `${PAGE}_${t}`, parent_id: `${PAGE}_${t}`, message: text, from: { id: `9900${t}`, name: `Inwoner ${t}` }, created_time: time } }] };
  }
  return { id: PAGE, time: time * 1000, messaging: [{ sender: { id: `7700${t}` }, recipient: { id: PAGE }, timestamp: time * 1000, message: { mid: `m_${i}`, text } }] };
}

interface Delivery {
  /** ASCII only (Meta escapes the rest), so the string's bytes are what was signed. */
  body: string;
  signature: string;
  entries: number;
}

/** The deliveries of the run, signed: MESSAGES new messages in batches, plus platform retries of earlier batches. */
function deliveries(): Delivery[] {
  const threads = Math.ceil(MESSAGES / 3);
  const out: Delivery[] = [];
  const sign = (body: string) => `sha256=${createHmac('sha256', SECRET).update(body, 'utf8').digest('hex')}`;
  for (let i = 0; i < MESSAGES; i += PER_REQUEST) {
    const body = metaJson({ object: 'page', entry: Array.from({ length: Math.min(PER_REQUEST, MESSAGES - i) }, (_, k) => entry(i + k, threads)) });
    out.push({ body, signature: sign(body), entries: Math.min(PER_REQUEST, MESSAGES - i) });
    if (out.length % RETRY_EVERY === 0) out.push(out[out.length - RETRY_EVERY]);
  }
  return out;
}

/** Sends every delivery over CLIENTS concurrent keep-alive connections; returns the seconds it took. */
async function send(url: string, all: Delivery[]): Promise<number> {
  const { origin, pathname } = new URL(url);
  const pool = new Pool(origin, { connections: CLIENTS });
  let next = 0;
  try {
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < all.length) {
          const d = all[next++];
          const r = await pool.request({ path: pathname, method: 'POST', body: d.body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': d.signature } });
          await r.body.arrayBuffer();
          if (r.statusCode !== 200) throw new Error(`${url}: HTTP ${r.statusCode}`);
        }
      }),
    );
    return (performance.now() - t0) / 1000;
  } finally {
    await pool.close();
  }
}

/** The server side, in a child process: Regie with a connected Facebook Page, and a bare Fastify on another port. */
async function fixture(): Promise<void> {
  const [{ default: pino }, { default: Fastify }, { loadConfig }, { createApp }, { buildHttpApp }] = await Promise.all([import('pino'), import('fastify'), import('../../src/config/config'), import('../../src/context'), import('../../src/http/app')]);
  const dataDir = mkdtempSync(join(tmpdir(), 'regie-ingest-bench-'));
  const env = { DATA_DIR: dataDir, LOG_LEVEL: 'silent', META_APP_ID: '1', META_APP_SECRET: SECRET, META_WEBHOOK_VERIFY_TOKEN: 'v', ...(process.env.INGEST_DATABASE_URL ? { DATABASE_URL: process.env.INGEST_DATABASE_URL } : {}) };
  const app = await createApp(loadConfig(env), { logger: pino({ level: 'silent' }) });
  const now = new Date().toISOString();
  await app.db.insertInto('users').values({ id: 'u-bench', email: 'bench@gemeente.nl', name: 'Bench', password_hash: 'x', locale: null, created_at: now, updated_at: now, is_admin: 0 }).execute();
  await app.db.insertInto('organizations').values({ id: 'org-bench', name: 'Gemeente', kind: 'client', created_at: now }).execute();
  await app.db.insertInto('workspaces').values({ id: 'ws-bench', organization_id: 'org-bench', name: 'Webcare', created_at: now }).execute();
  await app.db.insertInto('channels').values({ workspace_id: 'ws-bench', id: 'ch-fb', kind: 'facebook', name: 'Facebook-pagina', account_remote_id: PAGE, account_handle: 'gemeente', account_display_name: 'Gemeente', avatar_url: null, service_url: null, status: 'healthy', status_detail: null, rate_limited_until: null, last_sync_at: null, last_error_at: null, credentials: 'x', credentials_version: 1, refresh_lease_until: null, inbound_cursor: null, created_by: 'u-bench', created_at: now, disconnected_at: null, language: null }).execute();
  const http = await buildHttpApp(app, { webDir: null });
  await http.listen({ port: 0, host: '127.0.0.1' });
  const bare = Fastify();
  bare.removeAllContentTypeParsers();
  bare.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 2 * 1024 * 1024 }, (_req, body, done) => done(null, body));
  bare.post('/hook', async (req) => ({ received: (JSON.parse((req.body as Buffer).toString('utf8')) as { entry: unknown[] }).entry.length }));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const port = (s: { server: { address(): unknown } }) => (s.server.address() as { port: number }).port;
  process.on('message', async (m: string) => {
    if (m === 'cpu') {
      const u = process.cpuUsage();
      process.send!({ micros: u.user + u.system });
    } else if (m === 'count') {
      const stored = await app.db.selectFrom('messages').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', 'ws-bench').executeTakeFirstOrThrow();
      const convs = await app.db.selectFrom('conversations').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', 'ws-bench').executeTakeFirstOrThrow();
      process.send!({ messages: Number(stored.n), conversations: Number(convs.n) });
    } else {
      await http.close();
      await bare.close();
      await app.conn.close();
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    }
  });
  process.send!({ full: `http://127.0.0.1:${port(http)}/api/webhooks/facebook`, bare: `http://127.0.0.1:${port(bare)}/hook` });
}

async function runOn(label: string, databaseUrl: string | null): Promise<void> {
  const child = fork(fileURLToPath(import.meta.url), [], { execArgv: ['--import', 'tsx', ...(process.env.INGEST_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.INGEST_CPU_PROF}`] : [])], env: { ...process.env, REGIE_INGEST_FIXTURE: '1', INGEST_DATABASE_URL: databaseUrl ?? '' }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ask = <T>(m: string) => new Promise<T>((resolve) => { child.once('message', resolve as never); child.send(m); });
  const urls = await new Promise<{ full: string; bare: string }>((resolve) => child.once('message', resolve as never));
  try {
    const all = deliveries();
    const retries = all.length - Math.ceil(MESSAGES / PER_REQUEST);
    const cpu = async () => (await ask<{ micros: number }>('cpu')).micros;
    const c0 = await cpu();
    const bareSecs = await send(urls.bare, all);
    const c1 = await cpu();
    const fullSecs = await send(urls.full, all);
    const c2 = await cpu();
    const stored = await ask<{ messages: number; conversations: number }>('count');
    if (stored.messages !== MESSAGES) throw new Error(`${label}: expected ${MESSAGES} stored messages, found ${stored.messages}`);
    const full = MESSAGES / fullSecs;
    const bare = MESSAGES / bareSecs;
    console.log(`${label}: ${all.length} signed Page webhooks (${PER_REQUEST} messages each, ${retries} of them retries) from ${CLIENTS} clients`);
    const perMessage = (micros: number) => `server CPU ${(micros / MESSAGES).toFixed(0)} µs/message`;
    console.log(`  stored into the inbox   ${full.toFixed(0).padStart(7)} messages/s (${stored.messages} messages in ${stored.conversations} conversations, counted in the database; ${(all.length / fullSecs).toFixed(0)} requests/s; ${perMessage(c2 - c1)})`);
    console.log(`  bare Fastify, same body ${bare.toFixed(0).padStart(7)} messages/s (baseline; ${perMessage(c1 - c0)})`);
    console.log(`  ratio full/bare         ${(full / bare).toFixed(3).padStart(7)}${label === 'SQLite' ? `   (target > 5,000 messages/s: ${full > 5000 ? 'met' : 'NOT met'})` : ''}`);
  } finally {
    child.send('stop');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

/**
 * Inbox intake over the real webhook path: signed Facebook Page webhooks posted over HTTP by concurrent clients to
 * a listening Regie (signature check, parsing, contacts, conversations, messages, one transaction per delivery,
 * committed before the 200), against a bare Fastify route that accepts and parses the same bodies, both in one
 * child process. INGEST_MESSAGES, INGEST_BATCH (messages per webhook), INGEST_CLIENTS tune the run.
 */
export async function benchIngest(): Promise<void> {
  const only = process.env.INGEST_DB; // sqlite | postgres; both when unset
  if (only !== 'postgres') await runOn('SQLite', null);
  if (only === 'sqlite') return;
  await onPostgres((url) => runOn('PostgreSQL', url));
}

if (process.env.REGIE_INGEST_FIXTURE === '1') await fixture();
