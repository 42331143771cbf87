import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Copies the SQLite write-ahead log back into the database file on another thread (see startCheckpointer). */
export interface Checkpointer {
  /** A last checkpoint, then the thread's connection closes; resolves when the thread has ended. */
  stop(): Promise<void>;
}

// Plain CommonJS, run as the worker's script: its own connection to the same file, a passive checkpoint on a timer
// (it never waits for, nor blocks, the writer), a last one when told to stop.
const WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 1000');
const checkpoint = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy or interrupted: the next tick tries again */ }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', (m) => {
  if (m !== 'stop') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

/**
 * Takes WAL checkpoints off the writer's path: the writing connection no longer checkpoints on commit (set
 * `wal_autocheckpoint = 0` on it); a worker thread with its own connection runs a passive checkpoint every `everyMs`
 * — on the machine's other core, so a commit only appends to the log. Without this, every thousandth page committed
 * makes one commit copy the log into the database file and sync it, about half of all commit time under a stream of
 * webhooks. A checkpoint that fails is tried again on the next tick; if the thread itself fails, `fallBack` is
 * called once (with why) to give checkpoints back to the writer, so the log never grows without bound.
 */
export function startCheckpointer(path: string, fallBack: (why: string) => void, everyMs = 250): Checkpointer {
  const module = createRequire(import.meta.url).resolve('better-sqlite3');
  let stopping = false;
  let failed = false;
  const fail = (why: string) => {
    if (failed || stopping) return;
    failed = true;
    fallBack(why);
  };
  const worker = new Worker(WORKER, { eval: true, workerData: { module, path, everyMs } });
  worker.unref();
  worker.on('error', (err) => fail(err.message));
  worker.on('exit', (code) => fail(`the checkpoint thread ended (exit code ${code})`));
  return {
    stop() {
      stopping = true;
      if (failed) return Promise.resolve();
      return new Promise<void>((resolve) => {
        worker.once('exit', () => resolve());
        worker.ref(); // the process waits for the last checkpoint (unref'd, it could end with this promise pending)
        worker.postMessage('stop');
      });
    },
  };
}
