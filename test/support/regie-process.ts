/**
 * The built server (`node dist/server/regie.mjs …`) as a child process for crash tests: started with a data folder
 * and database of a test app, known ready when it says where it runs, killed with SIGKILL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** The bundle to run: the build of this checkout, or another one (e.g. a patched build) given as REGIE_SERVER_BUNDLE. */
export const SERVER_BUNDLE = process.env.REGIE_SERVER_BUNDLE ?? 'dist/server/regie.mjs';

export interface RegieProcess {
  child: ChildProcess;
  /** Resolves once the web server listens; rejects when the process ends before that. */
  ready: Promise<void>;
  /** Resolves when the process has ended, however. */
  exited: Promise<void>;
  /** The last lines it wrote, stdout and stderr (at most 200): its log. */
  output: string[];
  /** SIGKILL, then waits for the end. */
  kill(): Promise<void>;
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as { port: number }).port;
  await new Promise((resolve) => s.close(resolve));
  return port;
}

/** Starts `regie <args>` on the test app's data folder and database (`DATABASE_URL` null for SQLite), plus `env`. */
export function startRegie(args: string[], where: { dataDir: string; databaseUrl: string | null }, env: Record<string, string> = {}): RegieProcess {
  const full: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: where.dataDir, LOG_LEVEL: 'error', ...(where.databaseUrl ? { DATABASE_URL: where.databaseUrl } : {}), ...env };
  delete full.REGIE_TEST_DB;
  const child = spawn(process.execPath, [SERVER_BUNDLE, ...args], { env: full, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const keep = (chunk: string) => {
    output.push(...chunk.split('\n').filter(Boolean));
    if (output.length > 200) output.splice(0, output.length - 200);
  };
  child.stderr!.setEncoding('utf8').on('data', keep);
  const exited = new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
  const ready = new Promise<void>((resolve, reject) => {
    let seen = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      keep(chunk);
      seen = (seen + chunk).slice(-4096);
      if (seen.includes('Regie runs at')) resolve();
    });
    void exited.then(() => reject(new Error(`regie ${args.join(' ')} ended before it was ready (${child.signalCode ?? child.exitCode}): ${output.slice(-5).join(' | ')}`)));
  });
  ready.catch(() => {});
  return {
    child,
    ready,
    exited,
    output,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
