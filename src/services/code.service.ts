import { checkText, codeDocument, compileCode, starterCode, validateClauses, verdictOf, type CheckInput, type Clause, type CompiledCode } from '../core/code';
import { AppError, notFound } from '../core/shared/errors';
import { newId } from '../core/shared/ids';
import { codeHistory, decideProposal, findProposal, insertCodeVersion, insertProposal, latestCode, listProposals, ownersOf } from '../db/repos/publishing.repo';
import type { Q } from '../db/repos/types';
import type { WorkspaceScope } from './access.service';
import type { Actor, App } from './app';
import { writeAudit } from './audit.service';
import { notify, sendPending } from './notifications.service';

/** The code in force: the newest saved version, or the starter code (version 0) until an owner saves one. */
export interface CodeInForce {
  version: number;
  clauses: Clause[];
  compiled: CompiledCode;
}

const compiledCache = new Map<string, CompiledCode>();

function compiledFor(workspaceId: string, version: number, clauses: Clause[]): CompiledCode {
  const key = `${workspaceId}@${version}`;
  let c = compiledCache.get(key);
  if (!c) {
    c = compileCode(clauses);
    if (compiledCache.size > 500) compiledCache.delete(compiledCache.keys().next().value!);
    compiledCache.set(key, c);
  }
  return c;
}

let starter: { clauses: Clause[]; compiled: CompiledCode } | null = null;

/** The code in force in `workspaceId` (read in the caller's transaction `q`), compiled once per version. */
export async function codeInForce(q: Q, workspaceId: string): Promise<CodeInForce> {
  const row = await latestCode(q, workspaceId);
  if (!row) {
    starter ??= { clauses: starterCode(), compiled: compileCode(starterCode()) };
    return { version: 0, ...starter };
  }
  const clauses = JSON.parse(row.clauses) as Clause[];
  return { version: Number(row.version), clauses, compiled: compiledFor(workspaceId, Number(row.version), clauses) };
}

/** Checks a text against the workspace's code: the same function the gate runs on the final text. */
export async function checkAgainstCode(app: App, scope: WorkspaceScope, input: CheckInput) {
  const code = await codeInForce(app.db, scope.workspaceId);
  const findings = checkText(code.compiled, input);
  return { codeVersion: code.version, verdict: verdictOf(findings), findings };
}

/** The code with its history and open proposals, for the code page. */
export async function codeOverview(app: App, scope: WorkspaceScope) {
  const [code, history, proposals] = await Promise.all([codeInForce(app.db, scope.workspaceId), codeHistory(app.db, scope.workspaceId), listProposals(app.db, scope.workspaceId)]);
  return {
    version: code.version,
    clauses: code.clauses,
    history: history.map((h) => ({ version: Number(h.version), note: h.note, proposalId: h.proposal_id, createdAt: h.created_at, createdBy: { id: h.created_by, name: h.createdByName }, clauses: JSON.parse(h.clauses) as Clause[] })),
    proposals: proposals.map((p) => ({
      id: p.id,
      baseVersion: Number(p.base_version),
      note: p.note,
      status: p.status,
      clauses: JSON.parse(p.clauses) as Clause[],
      proposedBy: { id: p.proposed_by, name: p.proposedByName },
      proposedAt: p.proposed_at,
      decidedBy: p.decided_by ? { id: p.decided_by, name: p.decidedByName ?? '' } : null,
      decidedAt: p.decided_at,
      decisionNote: p.decision_note,
    })),
  };
}

/** The readable page of the whole code in `locale`, generated from its clauses. */
export async function readableCode(app: App, scope: WorkspaceScope, locale: 'nl' | 'en') {
  const code = await codeInForce(app.db, scope.workspaceId);
  return { version: code.version, organization: scope.organizationName, ...codeDocument(code.clauses, locale) };
}

function parseClauses(raw: unknown): Clause[] {
  const v = validateClauses(raw);
  if (!v.ok) throw new AppError('ERR_CODE_INVALID', `The code cannot be saved: ${v.problems.join(' ')}`, v.problems.map((message) => ({ path: 'clauses', message })));
  return v.clauses;
}

async function appendVersion(app: App, q: Q, actor: Actor, scope: WorkspaceScope, clauses: Clause[], note: string | null, expectedVersion: number, proposalId: string | null): Promise<number> {
  const latest = await latestCode(q, scope.workspaceId, app.dialect);
  const current = latest ? Number(latest.version) : 0;
  if (current !== expectedVersion) throw new AppError('ERR_STALE_VERSION', `The code was changed meanwhile (now version ${current}). Reload it and make your change again.`);
  const version = current + 1;
  await insertCodeVersion(q, { workspace_id: scope.workspaceId, version, clauses: JSON.stringify(clauses), note, proposal_id: proposalId, created_by: actor.userId, created_at: app.clock.now().toISOString() });
  await writeAudit(app, q, actor, { action: 'code.changed', workspaceId: scope.workspaceId, actorOrgId: scope.actingOrgId, objectType: 'code', objectId: String(version), summary: { version, note, proposalId, clauses: clauses.length } });
  return version;
}

/** An owner saves a new version of the code. `expectedVersion` guards against overwriting someone else's change. */
export async function saveCode(app: App, actor: Actor, scope: WorkspaceScope, raw: unknown, note: string | null, expectedVersion: number) {
  const clauses = parseClauses(raw);
  const version = await app.db.transaction().execute((q) => appendVersion(app, q, actor, scope, clauses, note, expectedVersion, null));
  return { version };
}

/** An advisor or editor proposes a change; the organization's owners are told and decide. */
export async function proposeCode(app: App, actor: Actor, scope: WorkspaceScope, raw: unknown, note: string) {
  const clauses = parseClauses(raw);
  const id = newId();
  const mails = await app.db.transaction().execute(async (q) => {
    const latest = await latestCode(q, scope.workspaceId);
    await insertProposal(q, {
      workspace_id: scope.workspaceId,
      id,
      base_version: latest ? Number(latest.version) : 0,
      clauses: JSON.stringify(clauses),
      note,
      status: 'open',
      proposed_by: actor.userId,
      proposed_org_id: scope.actingOrgId,
      proposed_at: app.clock.now().toISOString(),
      decided_by: null,
      decided_at: null,
      decision_note: null,
    });
    await writeAudit(app, q, actor, { action: 'code.proposed', workspaceId: scope.workspaceId, actorOrgId: scope.actingOrgId, objectType: 'code_proposal', objectId: id, summary: { note } });
    return notify(app, q, await ownersOf(q, scope.workspaceId), {
      kind: 'code.proposed',
      workspaceId: scope.workspaceId,
      subjectType: 'code',
      subjectId: id,
      payload: { by: actor.name, note },
      mail: { subject: `Voorstel voor de socialmediacode / Proposed change to the code`, text: `${actor.name}: ${note}` },
    }, actor.userId);
  });
  await sendPending(app, mails);
  return { id };
}

/** An owner accepts (the proposal becomes the next version) or rejects a proposal, with a note. */
export async function decideCodeProposal(app: App, actor: Actor, scope: WorkspaceScope, proposalId: string, accept: boolean, note: string | null) {
  return app.db.transaction().execute(async (q) => {
    const p = await findProposal(q, scope.workspaceId, proposalId);
    if (!p) throw notFound('This proposal');
    if (p.status !== 'open') throw new AppError('ERR_INVALID_STATE', 'This proposal was already decided.');
    const now = app.clock.now().toISOString();
    await decideProposal(q, p.id, { status: accept ? 'accepted' : 'rejected', decided_by: actor.userId, decided_at: now, decision_note: note });
    let version: number | null = null;
    if (accept) {
      const latest = await latestCode(q, scope.workspaceId, app.dialect);
      version = await appendVersion(app, q, actor, scope, JSON.parse(p.clauses) as Clause[], note ?? p.note, latest ? Number(latest.version) : 0, p.id);
    } else {
      await writeAudit(app, q, actor, { action: 'code.proposal_rejected', workspaceId: scope.workspaceId, actorOrgId: scope.actingOrgId, objectType: 'code_proposal', objectId: p.id, summary: { note } });
    }
    return { status: accept ? 'accepted' : 'rejected', version };
  });
}
