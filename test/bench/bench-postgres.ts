import { findPgBin, startPostgres } from '../support/postgres-server';

/**
 * Runs `bench` against PostgreSQL: TEST_DATABASE_URL when set, else a throwaway local server (stopped afterwards);
 * says so and skips when neither is there.
 */
export async function onPostgres(bench: (url: string) => Promise<void>): Promise<void> {
  if (!findPgBin() && !process.env.TEST_DATABASE_URL) {
    console.log('PostgreSQL  not installed here: skipped (install postgresql, or set TEST_DATABASE_URL)');
    return;
  }
  const pg = process.env.TEST_DATABASE_URL ? null : await startPostgres();
  try {
    await bench(process.env.TEST_DATABASE_URL ?? pg!.url);
  } finally {
    await pg?.stop();
  }
}
