/**
 * Prism (@stoplight/prism-cli) serving a platform's published OpenAPI spec on loopback, for connector tests of
 * platforms that cannot run here. Prism validates every request against the spec (a request that does not match
 * gets 422 or 401 and an `sl-violations` header) and answers with the spec's examples, or with random schema-valid
 * data in dynamic mode. Started as `node_modules/.bin/prism mock` directly (never npx: killing npx orphans Prism).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './postgres-server';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PRISM_BIN = join(ROOT, 'node_modules/.bin/prism');

/** Where the shared platform specs live (`../shared/specs/<file>` next to the repository). */
export function sharedSpec(file: string): string {
  return resolve(ROOT, '../shared/specs', file);
}

/**
 * True when the spec (or Prism itself) is missing, after saying so loudly: tests then skip locally. In CI
 * (`CI=true`) a missing spec is an error instead, so that a test never passes by not running.
 */
export function prismUnavailable(specPath: string): boolean {
  const missing = [specPath, PRISM_BIN].filter((p) => !existsSync(p));
  if (!missing.length) return false;
  const msg = `Prism test needs ${missing.join(' and ')}, which ${missing.length > 1 ? 'are' : 'is'} missing.`;
  if (process.env.CI === 'true') throw new Error(`CI: ${msg}`);
  console.warn(`\n[prism] ${msg} SKIPPING these tests locally (they fail in CI).\n`);
  return true;
}

export interface PrismOptions {
  /** Random schema-valid answers (`-d`) instead of the spec's examples. */
  dynamic?: boolean;
  /** Corrects a known defect of the spec before serving it (JSON specs only); the original file is left alone. */
  patch?: (spec: any) => void;
  /** Milliseconds to wait for Prism to answer (it parses the whole spec first). */
  startTimeoutMs?: number;
}

export interface PrismServer {
  /** Base URL on loopback, e.g. http://127.0.0.1:43121 */
  url: string;
  /** What Prism printed, for failure messages. */
  output(): string;
  /** Stops Prism and removes any patched spec copy. */
  stop(): Promise<void>;
}

export interface PrismViolation {
  location: string[];
  severity: string;
  code: string | number;
  message: string;
}

/** The violations Prism reported on an answer (`sl-violations`), also when Prism truncated the list. */
export function prismViolations(res: Response): PrismViolation[] {
  const raw = res.headers.get('sl-violations');
  if (!raw) return [];
  const json = raw.replace(/^Too many violations!\s*/, '');
  try {
    return JSON.parse(json) as PrismViolation[];
  } catch {
    const out: PrismViolation[] = [];
    const re = /\{"location":\[([^\]]*)\],"severity":"(\w+)","code":("[^"]*"|\d+),"message":"((?:[^"\\]|\\.)*)"\}/g;
    for (const m of json.matchAll(re)) {
      out.push({ location: JSON.parse(`[${m[1]}]`), severity: m[2], code: JSON.parse(m[3]), message: JSON.parse(`"${m[4]}"`) });
    }
    return out;
  }
}

/** Only the violations about the request (what the client sent), not about Prism's own answer. */
export function prismRequestViolations(res: Response): PrismViolation[] {
  return prismViolations(res).filter((v) => v.location[0] === 'request');
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((done) => {
    const timer = setTimeout(() => done(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      done(true);
    });
  });
}

async function launch(file: string, opts: PrismOptions): Promise<{ child: ChildProcess; url: string; log: () => string }> {
  const port = await freePort();
  const args = ['mock', '-h', '127.0.0.1', '-p', String(port), ...(opts.dynamic ? ['-d'] : []), file];
  const child = spawn(PRISM_BIN, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let log = '';
  const keep = (b: Buffer) => {
    log = (log + b.toString('utf8')).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (opts.startTimeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw Object.assign(new Error(`Prism exited (${child.exitCode}) before answering:\n${log}`), { log });
    try {
      await fetch(`${url}/__prism_ready__`, { signal: AbortSignal.timeout(1000) });
      return { child, url, log: () => log };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  child.kill('SIGKILL');
  throw new Error(`Prism did not answer on ${url} within ${opts.startTimeoutMs ?? 60_000} ms:\n${log}`);
}

/**
 * Starts Prism serving `specPath` on a free loopback port and resolves once it answers. Retries on a port taken in
 * the meantime. `stop()` ends the process (and it is also ended if the test process exits first).
 */
export async function startPrism(specPath: string, opts: PrismOptions = {}): Promise<PrismServer> {
  let file = specPath;
  let tmp: string | null = null;
  if (opts.patch) {
    if (!specPath.endsWith('.json')) throw new Error('startPrism: patch works on JSON specs only');
    const spec = JSON.parse(readFileSync(specPath, 'utf8'));
    opts.patch(spec);
    tmp = mkdtempSync(join(tmpdir(), 'regie-prism-'));
    file = join(tmp, 'spec.json');
    writeFileSync(file, JSON.stringify(spec));
  }
  let started: Awaited<ReturnType<typeof launch>> | null = null;
  for (let attempt = 1; !started; attempt++) {
    try {
      started = await launch(file, opts);
    } catch (e) {
      const inUse = /EADDRINUSE/.test(String((e as { log?: string }).log ?? ''));
      if (!inUse || attempt >= 3) {
        if (tmp) rmSync(tmp, { recursive: true, force: true });
        throw e;
      }
    }
  }
  const { child, url, log } = started;
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  return {
    url,
    output: log,
    async stop() {
      process.removeListener('exit', killOnExit);
      child.kill('SIGTERM');
      if (!(await waitForExit(child, 5000))) {
        child.kill('SIGKILL');
        await waitForExit(child, 5000);
      }
      if (tmp) rmSync(tmp, { recursive: true, force: true });
    },
  };
}
