import type { TestProject } from 'vitest/node';
import { findPgBin, startPostgres } from './postgres-server';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string | null;
  }
}

/**
 * Starts one PostgreSQL for the whole postgres project (each test file then makes its own database), or uses
 * TEST_DATABASE_URL. Without PostgreSQL the project's tests are skipped locally but fail in CI.
 */
export default async function setup(project: TestProject) {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    project.provide('pgUrl', given);
    return;
  }
  if (!findPgBin()) {
    if (process.env.CI === 'true') throw new Error('CI: PostgreSQL is required for the postgres test project (apt-get install postgresql).');
    console.warn('\n[postgres] PostgreSQL not installed: the postgres project is skipped locally. Run .ci/run or apt-get install postgresql.\n');
    project.provide('pgUrl', null);
    return;
  }
  const pg = await startPostgres();
  project.provide('pgUrl', pg.url);
  return () => pg.stop();
}
