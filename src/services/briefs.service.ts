import { AppError, notFound } from '../core/shared/errors';
import { newId } from '../core/shared/ids';
import type { Q } from '../db/repos/types';
import type { WorkspaceScope } from './access.service';
import { attachmentViews, checkedAttachments, parseAttachments, type BriefAttachment, type BriefAttachmentView } from './brief-attachments';
import type { Actor, App } from './app';
import { writeAudit } from './audit.service';
import { notify, sendPending } from './notifications.service';

export const BRIEF_STATUSES = ['new', 'in_progress', 'done', 'declined'] as const;
export type BriefStatus = (typeof BRIEF_STATUSES)[number];

export interface BriefInput {
  title: string;
  goal: string;
  audience: string;
  keyMessage: string;
  details: string;
  channelIds: string[];
  timing: string;
  wantedBy: string | null;
  /** Files already uploaded to the workspace's media; none when left out. */
  attachments?: BriefAttachment[];
}

async function assertChannels(q: Q, workspaceId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await q.selectFrom('channels').select('id').where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute();
  if (found.length !== new Set(ids).size) throw new AppError('ERR_VALIDATION', 'One of the wished channels does not exist in this workspace.', [{ path: 'channelIds', message: 'unknown channel' }]);
}

function briefsQuery(q: Q, workspaceId: string) {
  return q
    .selectFrom('briefs as b')
    .innerJoin('users as u', 'u.id', 'b.created_by')
    .selectAll('b')
    .select(['u.name as createdByName'])
    .select((eb) => eb.selectFrom('posts as p').select((e) => e.fn.countAll<number>().as('n')).whereRef('p.brief_id', '=', 'b.id').where('p.deleted_at', 'is', null).as('posts'))
    .where('b.workspace_id', '=', workspaceId);
}

type BriefRow = Awaited<ReturnType<ReturnType<typeof briefsQuery>['executeTakeFirstOrThrow']>>;

function view(b: BriefRow, attachments: BriefAttachmentView[]) {
  return {
    id: b.id,
    title: b.title,
    goal: b.goal,
    audience: b.audience,
    keyMessage: b.key_message,
    details: b.details,
    channelIds: JSON.parse(b.channel_ids) as string[],
    timing: b.timing,
    wantedBy: b.wanted_by,
    status: b.status as BriefStatus,
    declineReason: b.decline_reason,
    createdBy: { id: b.created_by, name: b.createdByName },
    createdAt: b.created_at,
    updatedAt: b.updated_at,
    posts: Number(b.posts ?? 0),
    attachments,
  };
}

/** The views of brief rows, with their attachments read in one go. */
async function views(q: Q, workspaceId: string, rows: BriefRow[]) {
  const attachments = await attachmentViews(q, workspaceId, rows.map((b) => parseAttachments(b.attachments)));
  return rows.map((b, i) => view(b, attachments[i]));
}

/** The status board: every brief of the workspace, newest first. */
export async function listBriefs(app: App, scope: WorkspaceScope) {
  return views(app.db, scope.workspaceId, await briefsQuery(app.db, scope.workspaceId).orderBy('b.created_at', 'desc').execute());
}

/** One brief with its comments and the posts made from it. */
export async function getBrief(app: App, scope: WorkspaceScope, id: string) {
  const b = await briefsQuery(app.db, scope.workspaceId).where('b.id', '=', id).executeTakeFirst();
  if (!b) throw notFound('This brief');
  const comments = await app.db
    .selectFrom('brief_comments as c')
    .innerJoin('users as u', 'u.id', 'c.author_id')
    .select(['c.id', 'c.body', 'c.created_at', 'c.author_id', 'c.author_org_id', 'u.name'])
    .where('c.workspace_id', '=', scope.workspaceId)
    .where('c.brief_id', '=', id)
    .orderBy('c.created_at')
    .execute();
  const [brief] = await views(app.db, scope.workspaceId, [b]);
  return { ...brief, comments: comments.map((c) => ({ id: c.id, body: c.body, createdAt: c.created_at, author: { id: c.author_id, name: c.name, orgId: c.author_org_id } })) };
}

/** A member of the organization writes a brief: what to communicate and why, with files from the workspace's media attached. */
export async function createBrief(app: App, actor: Actor, scope: WorkspaceScope, input: BriefInput) {
  const id = newId();
  await app.db.transaction().execute(async (q) => {
    await assertChannels(q, scope.workspaceId, input.channelIds);
    const attachments = await checkedAttachments(q, scope.workspaceId, input.attachments ?? []);
    const now = app.clock.now().toISOString();
    await q.insertInto('briefs').values({ workspace_id: scope.workspaceId, id, title: input.title, goal: input.goal, audience: input.audience, key_message: input.keyMessage, details: input.details, channel_ids: JSON.stringify(input.channelIds), timing: input.timing, wanted_by: input.wantedBy, status: 'new', decline_reason: null, created_by: actor.userId, created_at: now, updated_at: now, attachments: JSON.stringify(attachments) }).execute();
    await writeAudit(app, q, actor, { action: 'brief.created', workspaceId: scope.workspaceId, actorOrgId: scope.actingOrgId, objectType: 'brief', objectId: id, summary: { title: input.title, attachments: attachments.length } });
  });
  return getBrief(app, scope, id);
}

/**
 * Edits a brief (its author or an editor/owner), its attachments replaced by the input's (none when left out);
 * moving it on the board is {@link setBriefStatus}.
 */
export async function updateBrief(app: App, actor: Actor, scope: WorkspaceScope, id: string, input: BriefInput) {
  await app.db.transaction().execute(async (q) => {
    const b = await q.selectFrom('briefs').selectAll().where('workspace_id', '=', scope.workspaceId).where('id', '=', id).executeTakeFirst();
    if (!b) throw notFound('This brief');
    if (b.created_by !== actor.userId && scope.access.role !== 'owner' && scope.access.role !== 'editor') throw new AppError('ERR_FORBIDDEN', 'Only the author of a brief, an editor or an owner changes it. Add a comment instead.');
    await assertChannels(q, scope.workspaceId, input.channelIds);
    const attachments = await checkedAttachments(q, scope.workspaceId, input.attachments ?? []);
    await q.updateTable('briefs').set({ title: input.title, goal: input.goal, audience: input.audience, key_message: input.keyMessage, details: input.details, channel_ids: JSON.stringify(input.channelIds), timing: input.timing, wanted_by: input.wantedBy, attachments: JSON.stringify(attachments), updated_at: app.clock.now().toISOString() }).where('id', '=', id).execute();
    await writeAudit(app, q, actor, { action: 'brief.edited', workspaceId: scope.workspaceId, actorOrgId: scope.actingOrgId, objectType: 'brief', objectId: id, summary: { title: input.title, attachments: attachments.length } });
  });
  return getBrief(app, scope, id);
}

/** Moves a brief on the board; declining needs a reason, which the author is told. */
export async function setBriefStatus(app: App, actor: Actor, scope: WorkspaceScope, id: string, status: BriefStatus, reason: string | null) {
  if (status === 'declined' && !reason?.trim()) throw new AppError('ERR_VALIDATION', 'Say why the brief is declined; its author reads it.', [{ path: 'reason', message: 'required' }]);
  if (scope.access.role !== 'owner' && scope.access.role !== 'editor') throw new AppError('ERR_FORBIDDEN', 'Editors and owners move briefs on the board.');
  const mails = await app.db.transaction().execute(async (q) => {
    const b = await q.selectFrom('briefs').selectAll().where('workspace_id', '=', scope.workspaceId).where('id', '=', id).executeTakeFirst();
    if (!b) throw notFound('This brief');
    await q.updateTable('briefs').set({ status, decline_reason: status === 'declined' ? reason : null, updated_at: app.clock.now().toISOString() }).where('id', '=', id).execute();
    await writeAudit(app, q, actor, { action: 'brief.status_changed', workspaceId: scope.workspaceId, actorOrgId: scope.actingOrgId, objectType: 'brief', objectId: id, summary: { before: b.status, after: status, reason } });
    const author = await q.selectFrom('users').select(['id', 'email']).where('id', '=', b.created_by).executeTakeFirstOrThrow();
    return notify(app, q, [author], { kind: 'brief.status_changed', workspaceId: scope.workspaceId, subjectType: 'brief', subjectId: id, payload: { title: b.title, status, reason, by: actor.name }, mail: { subject: `Briefing “${b.title}”: ${status}`, text: reason ? `${actor.name}: ${reason}` : `${actor.name}` } }, actor.userId);
  });
  await sendPending(app, mails);
  return getBrief(app, scope, id);
}

/** A comment on a brief; its author (and earlier commenters) are told. */
export async function commentOnBrief(app: App, actor: Actor, scope: WorkspaceScope, id: string, body: string) {
  const mails = await app.db.transaction().execute(async (q) => {
    const b = await q.selectFrom('briefs').selectAll().where('workspace_id', '=', scope.workspaceId).where('id', '=', id).executeTakeFirst();
    if (!b) throw notFound('This brief');
    await q.insertInto('brief_comments').values({ workspace_id: scope.workspaceId, id: newId(), brief_id: id, author_id: actor.userId, author_org_id: scope.actingOrgId, body, created_at: app.clock.now().toISOString() }).execute();
    await writeAudit(app, q, actor, { action: 'brief.commented', workspaceId: scope.workspaceId, actorOrgId: scope.actingOrgId, objectType: 'brief', objectId: id });
    const ids = [b.created_by, ...(await q.selectFrom('brief_comments').select('author_id').distinct().where('brief_id', '=', id).execute()).map((r) => r.author_id)];
    const people = await q.selectFrom('users').select(['id', 'email']).where('id', 'in', ids).execute();
    return notify(app, q, people, { kind: 'brief.commented', workspaceId: scope.workspaceId, subjectType: 'brief', subjectId: id, payload: { title: b.title, by: actor.name, body: body.slice(0, 200) }, mail: { subject: `Reactie op briefing / Comment on brief: ${b.title}`, text: `${actor.name}: ${body}` } }, actor.userId);
  });
  await sendPending(app, mails);
  return getBrief(app, scope, id);
}
