import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

function imports(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  return [...src.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]);
}

/** Which top-level folder of src/ an import from `file` lands in (or the package name). */
function target(file: string, spec: string): string {
  if (!spec.startsWith('.')) return spec;
  return relative(join(root, 'src'), join(file, '..', spec)).split('/')[0];
}

const src = files(join(root, 'src'));
const layer = (f: string) => relative(join(root, 'src'), f).split('/')[0];

describe('architecture: the arrows point inward', () => {
  it('finds the source files', () => expect(src.length).toBeGreaterThan(40));

  it('core (the domain) imports no I/O: no db, http, services, connectors, config, network or file system', () => {
    const forbidden = ['db', 'http', 'services', 'connectors', 'config', 'cli', 'jobs', 'context.ts', 'kysely', 'pg', 'better-sqlite3', 'fastify', 'node:fs', 'node:net', 'node:http', 'node:child_process'];
    for (const f of src.filter((f) => layer(f) === 'core')) {
      for (const spec of imports(f)) expect(forbidden, `${relative(root, f)} imports ${spec}`).not.toContain(target(f, spec));
    }
  });

  it('only db/ knows the database drivers, and only dialect.ts branches on the dialect', () => {
    for (const f of src.filter((f) => layer(f) !== 'db')) {
      for (const spec of imports(f)) expect(['pg', 'better-sqlite3'], relative(root, f)).not.toContain(spec);
    }
    for (const f of src.filter((f) => !f.endsWith('dialect.ts'))) {
      expect(readFileSync(f, 'utf8'), relative(root, f)).not.toMatch(/kind === ['"](sqlite|postgres)['"]/);
    }
  });

  it('only config/ reads the environment', () => {
    for (const f of src.filter((f) => layer(f) !== 'config')) expect(readFileSync(f, 'utf8'), relative(root, f)).not.toMatch(/process\.env/);
  });

  it('http/ reaches the database only through services (dialect helpers aside)', () => {
    for (const f of src.filter((f) => layer(f) === 'http')) {
      for (const spec of imports(f)) if (target(f, spec) === 'db') expect(spec, relative(root, f)).toMatch(/db\/dialect$/);
    }
  });

  it('only connectors/ talk to networks', () => {
    for (const f of src.filter((f) => layer(f) !== 'connectors')) {
      for (const spec of imports(f)) expect(['nodemailer', 'node:net', 'node:https', 'undici'], relative(root, f)).not.toContain(spec);
    }
  });

  it('one door out: only the gate calls a connector’s write operations (publish, reply, delete)', () => {
    // Connectors call their own helpers; everywhere else a call of .publish( / .reply( / .delete( on a connector
    // (or a `publish!` / `reply!` non-null call) is a way out around the gate.
    const writeCall = /\b(?:connector|c|conn|k)\s*[.?!]*\s*\.?\s*(publish|reply|delete)\s*!?\s*\(|\.(publish|reply|delete)!\s*\(/;
    const offenders = src
      .filter((f) => layer(f) !== 'connectors' && !f.endsWith('services/gate.service.ts'))
      .filter((f) => writeCall.test(readFileSync(f, 'utf8')))
      .map((f) => relative(root, f));
    expect(offenders).toEqual([]);
    expect(readFileSync(join(root, 'src/services/gate.service.ts'), 'utf8')).toMatch(writeCall);
    // Nothing outside the gate may reach the write operations by name either (e.g. destructuring them).
    for (const f of src.filter((f) => layer(f) !== 'connectors' && !f.endsWith('services/gate.service.ts'))) {
      expect(readFileSync(f, 'utf8'), relative(root, f)).not.toMatch(/\{[^}]*\b(publish|reply)\b[^}]*\}\s*=\s*\w*connector/i);
    }
  });
});
