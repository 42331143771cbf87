import { claimDue } from '../../src/db/repos/dispatch.repo';
import { dispatchVariant, type DispatchOutcome } from '../../src/services/gate.service';
import type { TestApp } from './test-app';

/** Claims what is due now for `worker` (a 60 s lease), as the publisher's loop does. */
export function claimNow(t: TestApp, worker: string, limit = 100) {
  const now = t.clock.now();
  return t.app.db.transaction().execute((q) => claimDue(q, t.app.dialect, worker, now.toISOString(), new Date(now.getTime() + 60_000).toISOString(), limit));
}

/** Runs the worker's loop by hand until nothing is due: claim, then the gate, for each; returns the outcomes. */
export async function drain(t: TestApp, worker = 'w-test'): Promise<DispatchOutcome[]> {
  const out: DispatchOutcome[] = [];
  for (let round = 0; round < 20; round++) {
    const claimed = await claimNow(t, worker);
    if (claimed.length === 0) break;
    for (const c of claimed) out.push(await dispatchVariant(t.app, c.id, worker));
  }
  return out;
}
