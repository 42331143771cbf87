import { fork } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';

function load(url: string, headers: Record<string, string>, seconds: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ url, headers, connections: 16, duration: seconds, pipelining: 1 }, (err, res) => (err ? reject(err) : resolve(res)));
  });
}

/**
 * Authenticated GET of a workspace through the full stack (session lookup, authorization, query) against a bare
 * Fastify route returning the same JSON, both served by one child process, loaded in turns from this process.
 */
export async function benchHttp(): Promise<void> {
  const child = fork(join(import.meta.dirname, 'http-fixture.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const info = await new Promise<{ full: string; bare: string; cookie: string }>((resolve) => child.once('message', resolve as never));
  try {
    const seconds = 5;
    await load(info.full, { cookie: info.cookie }, 1); // warm-up
    await load(info.bare, {}, 1);
    const rounds: Array<[number, number]> = [];
    for (let i = 0; i < 2; i++) {
      const bare = await load(info.bare, {}, seconds);
      const full = await load(info.full, { cookie: info.cookie }, seconds);
      if (full.non2xx || bare.non2xx) throw new Error(`non-2xx answers: full ${full.non2xx}, bare ${bare.non2xx}`);
      rounds.push([full.requests.average, bare.requests.average]);
    }
    const full = Math.max(...rounds.map((r) => r[0]));
    const bare = Math.max(...rounds.map((r) => r[1]));
    console.log(`authenticated GET /api/workspaces/:ws   ${full.toFixed(0)} req/s`);
    console.log(`bare Fastify route, same JSON          ${bare.toFixed(0)} req/s (baseline)`);
    console.log(`ratio full/bare                         ${(full / bare).toFixed(2)}  (target ≥ 0.50)`);
  } finally {
    child.kill();
  }
}
