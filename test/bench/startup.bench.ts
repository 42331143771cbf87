import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/postgres-server';

async function untilHealthy(port: number, path: string, child: ChildProcess, limitMs = 20_000): Promise<void> {
  const end = Date.now() + limitMs;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}${path}`);
      if (r.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('not healthy in time');
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const BARE = `import Fastify from 'fastify'; const f = Fastify(); f.get('/api/health', async () => ({ status: 'ok' }));
await f.listen({ port: Number(process.argv[1]), host: '127.0.0.1' });`;

/** One start: spawn, time to a healthy answer, RSS after a short idle, stop. */
async function once(cmd: string, args: string[], env: NodeJS.ProcessEnv, port: number): Promise<{ ms: number; rss: number }> {
  const t0 = performance.now();
  const child = spawn(cmd, args, { env, stdio: 'ignore' });
  try {
    await untilHealthy(port, '/api/health', child);
    const ms = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 1500));
    return { ms, rss: rssMb(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

/**
 * Cold start of Regie (the bundle `npm start` runs, after its build step) on a fresh SQLite data folder to a healthy
 * /api/health, and idle RSS; a bare Fastify server as baseline.
 */
export async function benchStartup(): Promise<void> {
  spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  const regie: Array<{ ms: number; rss: number }> = [];
  const bare: Array<{ ms: number; rss: number }> = [];
  for (let i = 0; i < 3; i++) {
    const dataDir = mkdtempSync(join(tmpdir(), 'regie-start-'));
    const port = await freePort();
    const env = { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' };
    regie.push(await once(process.execPath, ['dist/server/regie.mjs', 'serve'], env, port));
    rmSync(dataDir, { recursive: true, force: true });
    const bp = await freePort();
    bare.push(await once(process.execPath, ['--input-type=module', '-e', BARE, String(bp)], process.env, bp));
  }
  const r = median(regie.map((x) => x.ms));
  const b = median(bare.map((x) => x.ms));
  console.log(`cold start to healthy /api/health (SQLite, fresh data folder)  ${r.toFixed(0)} ms   (target < 1500 ms)`);
  console.log(`bare Fastify start to health (baseline)                         ${b.toFixed(0)} ms`);
  console.log(`ratio regie/bare                                                 ${(r / b).toFixed(2)}`);
  console.log(`idle RSS after start: regie ${median(regie.map((x) => x.rss)).toFixed(0)} MB (target < 150 MB), bare Fastify ${median(bare.map((x) => x.rss)).toFixed(0)} MB`);
}
