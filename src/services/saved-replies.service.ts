import { notFound } from '../core/shared/errors';
import { newId } from '../core/shared/ids';
import { deleteSavedReply, findSavedReply, insertSavedReply, listSavedReplies, updateSavedReply } from '../db/repos/conversations.repo';
import type { WorkspaceScope } from './access.service';
import type { Actor, App } from './app';
import { writeAudit } from './audit.service';

export interface SavedReplyInput {
  title: string;
  body: string;
  language: 'nl' | 'en' | null;
}

const view = (r: Awaited<ReturnType<typeof listSavedReplies>>[number]) => ({ id: r.id, title: r.title, body: r.body, language: r.language, usedCount: Number(r.used_count), createdByName: r.created_by_name ?? null, updatedAt: r.updated_at });

/** The workspace's saved replies: shared knowledge that stays with the organization. */
export async function savedReplies(app: App, scope: WorkspaceScope) {
  return (await listSavedReplies(app.db, scope.workspaceId)).map(view);
}

async function one(app: App, scope: WorkspaceScope, id: string) {
  const r = (await listSavedReplies(app.db, scope.workspaceId)).find((x) => x.id === id);
  if (!r) throw notFound('This saved reply');
  return view(r);
}

export async function createSavedReply(app: App, actor: Actor, scope: WorkspaceScope, input: SavedReplyInput) {
  const iso = app.clock.now().toISOString();
  const id = newId();
  await app.db.transaction().execute(async (q) => {
    await insertSavedReply(q, { workspace_id: scope.workspaceId, id, title: input.title, body: input.body, language: input.language, created_by: actor.userId, updated_by: actor.userId, used_count: 0, created_at: iso, updated_at: iso });
    await writeAudit(app, q, actor, { action: 'saved_reply.created', workspaceId: scope.workspaceId, actorOrgId: scope.actingOrgId, objectType: 'saved_reply', objectId: id, summary: { title: input.title } });
  });
  return one(app, scope, id);
}

export async function changeSavedReply(app: App, actor: Actor, scope: WorkspaceScope, id: string, input: SavedReplyInput) {
  const iso = app.clock.now().toISOString();
  await app.db.transaction().execute(async (q) => {
    if (!(await findSavedReply(q, scope.workspaceId, id))) throw notFound('This saved reply');
    await updateSavedReply(q, scope.workspaceId, id, { title: input.title, body: input.body, language: input.language, updated_by: actor.userId, updated_at: iso });
    await writeAudit(app, q, actor, { action: 'saved_reply.changed', workspaceId: scope.workspaceId, actorOrgId: scope.actingOrgId, objectType: 'saved_reply', objectId: id, summary: { title: input.title } });
  });
  return one(app, scope, id);
}

export async function removeSavedReply(app: App, actor: Actor, scope: WorkspaceScope, id: string): Promise<void> {
  await app.db.transaction().execute(async (q) => {
    const r = await findSavedReply(q, scope.workspaceId, id);
    if (!r) throw notFound('This saved reply');
    await deleteSavedReply(q, scope.workspaceId, id);
    await writeAudit(app, q, actor, { action: 'saved_reply.deleted', workspaceId: scope.workspaceId, actorOrgId: scope.actingOrgId, objectType: 'saved_reply', objectId: id, summary: { title: r.title } });
  });
}
