// Builds the web UI (dist/web) when it is missing or older than its sources, so that `npm start`
// and `npm test` work straight after `npm install`. Prints what it does; exits non-zero if the build fails.
import { statSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'dist/web/index.html');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const sourcesTime = Math.max(newest(join(root, 'web')), statSync(join(root, 'vite.config.ts')).mtimeMs);
if (existsSync(out) && statSync(out).mtimeMs >= sourcesTime) process.exit(0);
console.log('Building the web interface (once after install or a change)…');
const r = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
