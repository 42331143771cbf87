import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema';

/** Runs short write transactions, sharing commits where that is safe (see commitGroups). */
export interface CommitGroups {
  /**
   * Runs `work` in a transaction and settles with its result only after that transaction is committed (or with its
   * error, after its writes are rolled back). `work` must query through the transaction it is handed, never the
   * database itself.
   */
  run<T>(work: (q: Transaction<DB>) => Promise<T>): Promise<T>;
}

interface Piece {
  work: (q: Transaction<DB>) => Promise<unknown>;
  resolve(value: unknown): void;
  reject(err: unknown): void;
}

/**
 * Group commit for a database with one writer (embedded SQLite): work that arrives while a group is being written
 * waits and runs in the next group, up to `maxPerGroup` pieces in one transaction, each under its own savepoint —
 * a piece that fails rolls back only its own writes and rejects only its own promise. Every promise settles after
 * the group's commit, so whoever is told "stored" (a platform's webhook call) is told so only for committed data;
 * when the commit fails, every piece of the group fails. Work arriving while nothing is being written starts on
 * the event loop's next turn: hardly any delay when it is quiet; one commit per group when it is busy (a commit
 * writes every page a transaction dirtied, much of it shared between pieces).
 */
export function sharedCommits(db: Kysely<DB>, maxPerGroup = 32): CommitGroups {
  const queue: Piece[] = [];
  let writing = false;

  async function writeGroup(group: Piece[]): Promise<void> {
    let trx;
    try {
      trx = await db.startTransaction().execute();
    } catch (err) {
      for (const p of group) p.reject(err);
      return;
    }
    const settle: Array<() => void> = [];
    let broken: unknown = null;
    for (const p of group) {
      if (broken) break;
      let sp;
      try {
        sp = await trx.savepoint('piece').execute();
      } catch (fatal) {
        broken = fatal;
        break;
      }
      try {
        const value = await p.work(sp);
        await sp.releaseSavepoint('piece').execute();
        settle.push(() => p.resolve(value));
      } catch (err) {
        try {
          await sp.rollbackToSavepoint('piece').execute();
          await sp.releaseSavepoint('piece').execute();
          settle.push(() => p.reject(err));
        } catch (fatal) {
          broken = fatal;
        }
      }
    }
    try {
      if (broken) throw broken;
      await trx.commit().execute();
    } catch (err) {
      await trx.rollback().execute().catch(() => undefined);
      for (const p of group) p.reject(err);
      return;
    }
    for (const s of settle) s();
  }

  async function drain(): Promise<void> {
    try {
      while (queue.length > 0) await writeGroup(queue.splice(0, maxPerGroup));
    } finally {
      writing = false;
    }
  }

  return {
    run<T>(work: (q: Transaction<DB>) => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
        if (!writing) {
          writing = true;
          // The database answers synchronously, so a group is written in one turn of the event loop; starting it
          // on the next turn lets every request that has already arrived join it.
          setImmediate(() => void drain());
        }
      });
    },
  };
}

/**
 * One transaction per piece of work, as the database runs many writers at once (PostgreSQL): a shared transaction
 * would hold several pieces' row locks together, taken in no common order, and could deadlock with another process.
 */
export function ownCommits(db: Kysely<DB>): CommitGroups {
  return { run: (work) => db.transaction().execute(work) };
}
