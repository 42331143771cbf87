import { randomUUID } from 'node:crypto';
import { newId } from '../core/shared/ids';
import { claimReplies, insertEvent, patchConversation } from '../db/repos/conversations.repo';
import { lockConversation } from '../db/repos/inbox.repo';
import { findTeam } from '../db/repos/teams.repo';
import type { App } from '../services/app';
import { syncChannel } from '../services/channels.service';
import { tell } from '../services/conversations.service';
import { sendReply } from '../services/gate.service';
import { workspacePeople } from '../services/inbox-people';
import { pausesAfter, slaFields, teamTerms } from '../services/inbox-sla';
import { notify, sendPending, type PendingMail } from '../services/notifications.service';
import { REPLY_LEASE_MS } from '../services/reply-gate';

export interface InboxWorkerOptions {
  workerId?: string;
  /** How often every channel that can be polled is asked for new messages. */
  pollEveryMs?: number;
  /** How often the queues (replies, SLA clocks, snoozes) are looked at. */
  tickMs?: number;
}

export interface InboxWorker {
  workerId: string;
  /** Runs one round now (tests; after a reply was queued). */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

/** Sends queued replies (automatic acknowledgements, retries, replies whose request ended early) through the gate. */
async function sendQueuedReplies(app: App, workerId: string): Promise<number> {
  const now = app.clock.now();
  const claimed = await app.db.transaction().execute((q) => claimReplies(q, app.dialect, workerId, now.toISOString(), new Date(now.getTime() + REPLY_LEASE_MS).toISOString(), 20));
  for (const r of claimed) {
    try {
      await sendReply(app, r.id, workerId);
    } catch (err) {
      app.log.error({ err, reply: r.id }, 'sending a reply failed unexpectedly; its lease runs out and it is looked at again');
    }
  }
  return claimed.length;
}

/** Wakes snoozed conversations whose time has come: open again, their resolution clock running. */
async function wakeSnoozed(app: App): Promise<void> {
  const iso = app.clock.now().toISOString();
  const due = await app.db.selectFrom('conversations').selectAll().where('status', '=', 'snoozed').where('snoozed_until', '<=', iso).limit(200).execute();
  for (const c of due) {
    await app.db.transaction().execute(async (q) => {
      const fresh = await lockConversation(q, c.workspace_id, c.id);
      if (!fresh || fresh.status !== 'snoozed' || !fresh.snoozed_until || fresh.snoozed_until > iso) return;
      const next = { ...fresh, status: 'open', snoozed_until: null, sla_paused: pausesAfter(fresh, 'open', iso, null), updated_at: iso };
      const team = fresh.team_id ? await findTeam(q, c.workspace_id, fresh.team_id) : undefined;
      await patchConversation(q, c.workspace_id, c.id, { status: 'open', snoozed_until: null, sla_paused: next.sla_paused, updated_at: iso, ...slaFields(next, teamTerms(team), iso) });
      await insertEvent(q, { workspace_id: c.workspace_id, id: newId(), conversation_id: c.id, actor_id: null, actor_org_id: null, kind: 'status', body: null, data: JSON.stringify({ from: 'snoozed', to: 'open', woke: true }), created_at: iso });
    });
    tell(app, c.workspace_id, c.id, 'updated');
  }
}

/**
 * Moves SLA clocks whose state changes now (into warning, into breach): stores the new state and tells the assignee
 * (or, unassigned, the team's members) once per transition.
 */
async function sweepSla(app: App): Promise<void> {
  const iso = app.clock.now().toISOString();
  const due = await app.db.selectFrom('conversations').selectAll().where('sla_check_at', '<=', iso).where('status', 'in', ['open', 'pending', 'snoozed']).orderBy('sla_check_at').limit(200).execute();
  for (let c of due) {
    let mails: PendingMail = [];
    await app.db.transaction().execute(async (q) => {
      const locked = await lockConversation(q, c.workspace_id, c.id);
      if (!locked) return;
      c = locked;
      const team = c.team_id ? await findTeam(q, c.workspace_id, c.team_id) : undefined;
      const fields = slaFields(c, teamTerms(team), iso);
      await patchConversation(q, c.workspace_id, c.id, { ...fields, sla_check_at: fields.sla_check_at && fields.sla_check_at > iso ? fields.sla_check_at : null });
      if (fields.sla_state === c.sla_state || (fields.sla_state !== 'warning' && fields.sla_state !== 'breached')) return;
      await insertEvent(q, { workspace_id: c.workspace_id, id: newId(), conversation_id: c.id, actor_id: null, actor_org_id: null, kind: 'sla', body: null, data: JSON.stringify({ from: c.sla_state, to: fields.sla_state, dueAt: fields.sla_due_at }), created_at: iso });
      const people = await workspacePeople(q, c.workspace_id, app.clock.now());
      const members = c.team_id ? (await q.selectFrom('team_members').select('user_id').where('team_id', '=', c.team_id).execute()).map((m) => m.user_id) : [];
      const to = people.filter((p) => (c.assignee_id ? p.userId === c.assignee_id : members.includes(p.userId)));
      const breach = fields.sla_state === 'breached';
      mails = await notify(app, q, to.map((p) => ({ id: p.userId, email: p.email })), {
        kind: breach ? 'sla.breached' : 'sla.warning',
        workspaceId: c.workspace_id,
        subjectType: 'conversation',
        subjectId: c.id,
        payload: { dueAt: fields.sla_due_at, subject: c.subject, preview: c.preview },
        mail: breach
          ? { subject: `Te laat / Overdue: ${c.subject ?? (c.preview ?? '').slice(0, 60)}`, text: `The response target of this conversation has passed (due ${fields.sla_due_at}).` }
          : { subject: `Bijna te laat / Due soon: ${c.subject ?? (c.preview ?? '').slice(0, 60)}`, text: `This conversation is due at ${fields.sla_due_at}.` },
      });
    });
    await sendPending(app, mails);
    tell(app, c.workspace_id, c.id, 'updated');
  }
}

/** Asks every connected channel that can be polled for what came in since its stored cursor. */
async function pollChannels(app: App): Promise<void> {
  const rows = await app.db.selectFrom('channels').selectAll().where('disconnected_at', 'is', null).where('status', '<>', 'needs_reconnect').execute();
  for (const row of rows) {
    try {
      await syncChannel(app, row);
    } catch (err) {
      app.log.warn({ channel: row.id, err: (err as Error).message }, 'polling a channel failed; the next round continues from its stored cursor');
    }
  }
}

/**
 * The inbox's background work in a worker process: polling channels on an interval (from each stored cursor, so
 * an outage is caught up), sending queued replies through the gate, moving SLA clocks and waking snoozed
 * conversations. A failure in one round never stops the loop.
 */
export function startInboxWorker(app: App, opts: InboxWorkerOptions = {}): InboxWorker {
  const workerId = opts.workerId ?? `inbox-${randomUUID().slice(0, 8)}`;
  const tickMs = opts.tickMs ?? 2_000;
  const pollEveryMs = opts.pollEveryMs ?? 60_000;
  let stopped = false;
  let lastPoll = 0;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;

  async function round(): Promise<void> {
    for (const [what, step] of [
      ['replies', () => sendQueuedReplies(app, workerId)],
      ['snoozes', () => wakeSnoozed(app)],
      ['sla', () => sweepSla(app)],
    ] as const) {
      try {
        await step();
      } catch (err) {
        app.log.warn({ err, what }, 'an inbox round failed; trying again next round');
      }
    }
    if (Date.now() - lastPoll >= pollEveryMs) {
      lastPoll = Date.now();
      await pollChannels(app).catch((err) => app.log.warn({ err }, 'polling failed'));
    }
  }

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = running.then(round).finally(schedule);
    }, tickMs);
  };
  schedule();

  return {
    workerId,
    tick: () => (running = running.then(round)),
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
