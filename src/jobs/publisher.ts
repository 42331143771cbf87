import { randomUUID } from 'node:crypto';
import { claimDue, nextDueAt, releaseLeasesOf } from '../db/repos/dispatch.repo';
import type { App } from '../services/app';
import { dispatchVariant, type DispatchOutcome } from '../services/gate.service';

export interface PublisherOptions {
  /** Name in leases and attempts; unique per process. */
  workerId?: string;
  /**
   * The name is stable and this process is the only one using it (SQLite, or an operator-given WORKER_NAME): leases
   * it still holds from before a crash are taken back at start, so its posts are reconciled at once.
   */
  recoverOwnLeases?: boolean;
  /** Variants sent at the same time. */
  concurrency?: number;
  /** Longest sleep between looks at the schedule. */
  idleMs?: number;
  /** How long a claim holds a variant before another worker may take it. */
  claimLeaseMs?: number;
  onOutcome?: (variantId: string, outcome: DispatchOutcome) => void;
}

export interface Publisher {
  workerId: string;
  /** Look at the schedule now (after a post was scheduled for "now"). */
  kick(): void;
  /** Finishes the variants in hand, then stops. */
  stop(): Promise<void>;
}

/**
 * The worker that lets due variants out: claims them with a lease, hands each to the gate, and sleeps until the
 * next one is due (never longer than `idleMs`, so schedules written by other processes are seen). Errors in one
 * variant never stop the loop.
 */
export function startPublisher(app: App, opts: PublisherOptions = {}): Publisher {
  const workerId = opts.workerId ?? `worker-${randomUUID().slice(0, 8)}`;
  const concurrency = opts.concurrency ?? 8;
  const idleMs = opts.idleMs ?? 1_000;
  const claimLeaseMs = opts.claimLeaseMs ?? 60_000;
  let stopped = false;
  let wake: (() => void) | null = null;
  const inFlight = new Set<Promise<void>>();

  const sleep = (ms: number) => new Promise<void>((resolve) => {
    const t = setTimeout(() => { wake = null; resolve(); }, ms);
    wake = () => { clearTimeout(t); wake = null; resolve(); };
  });

  async function runOne(id: string): Promise<void> {
    try {
      const outcome = await dispatchVariant(app, id, workerId);
      opts.onOutcome?.(id, outcome);
    } catch (err) {
      app.log.error({ err, variant: id }, 'publishing a variant failed unexpectedly; its lease runs out and it is reconciled');
    }
  }

  const loop = (async () => {
    if (opts.recoverOwnLeases) {
      try {
        const n = await releaseLeasesOf(app.db, workerId, new Date(app.clock.now().getTime() - 1).toISOString());
        if (n > 0) app.log.warn({ workerId, variants: n }, 'took back posts this worker held before it stopped; they are reconciled before anything is sent again');
      } catch (err) {
        app.log.warn({ err }, 'could not take back earlier leases; they run out by themselves');
      }
    }
    while (!stopped) {
      let claimed: Array<{ id: string }> = [];
      try {
        const free = concurrency * 2 - inFlight.size;
        if (free > 0) {
          const now = app.clock.now();
          claimed = await app.db.transaction().execute((q) => claimDue(q, app.dialect, workerId, now.toISOString(), new Date(now.getTime() + claimLeaseMs).toISOString(), free));
        }
      } catch (err) {
        app.log.warn({ err }, 'could not claim due posts; trying again');
      }
      for (const c of claimed) {
        while (inFlight.size >= concurrency) await Promise.race(inFlight);
        const p = runOne(c.id).finally(() => inFlight.delete(p));
        inFlight.add(p);
      }
      if (claimed.length > 0) continue;
      let wait = idleMs;
      try {
        const next = await nextDueAt(app.db);
        if (next) wait = Math.max(20, Math.min(idleMs, Date.parse(next) - app.clock.now().getTime()));
      } catch {
        /* the database is briefly unavailable: sleep the idle time */
      }
      if (!stopped) await sleep(wait);
    }
    await Promise.all(inFlight);
  })();

  return {
    workerId,
    kick: () => wake?.(),
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
