// Builds what `npm start` runs: the web UI (vite → dist/web) and the server bundle (esbuild → dist/server/regie.mjs),
// each only when missing or older than its sources (`--force` rebuilds both). Exits non-zero when a build fails.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const force = process.argv.includes('--force');

function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let t = 0;
  for (const e of readdirSync(path)) t = Math.max(t, newest(join(path, e)));
  return t;
}

function stale(output, inputs) {
  return force || !existsSync(output) || statSync(output).mtimeMs < Math.max(...inputs.map((p) => newest(join(root, p))));
}

const webOut = join(root, 'dist/web/index.html');
if (stale(webOut, ['web', 'vite.config.ts'])) {
  console.log('Building the web interface…');
  const r = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const serverOut = join(root, 'dist/server/regie.mjs');
if (stale(serverOut, ['src', 'package.json'])) {
  console.log('Bundling the server…');
  const { build } = await import('esbuild');
  await build({
    entryPoints: [join(root, 'src/cli/main.ts')],
    outfile: serverOut,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}
