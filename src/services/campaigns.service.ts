import { notFound } from '../core/shared/errors';
import { newId } from '../core/shared/ids';
import type { WorkspaceScope } from './access.service';
import type { Actor, App } from './app';
import { writeAudit } from './audit.service';

export interface CampaignInput {
  name: string;
  goal: string;
  pillar: string;
  startsOn: string | null;
  endsOn: string | null;
}

/** Campaigns of the workspace with how many posts each holds, newest first. */
export async function listCampaigns(app: App, scope: WorkspaceScope) {
  const rows = await app.db
    .selectFrom('campaigns as c')
    .selectAll('c')
    .select((eb) => eb.selectFrom('posts as p').select((e) => e.fn.countAll<number>().as('n')).whereRef('p.campaign_id', '=', 'c.id').where('p.deleted_at', 'is', null).as('posts'))
    .where('c.workspace_id', '=', scope.workspaceId)
    .where('c.archived_at', 'is', null)
    .orderBy('c.created_at', 'desc')
    .execute();
  return rows.map((c) => ({ id: c.id, name: c.name, goal: c.goal, pillar: c.pillar, startsOn: c.starts_on, endsOn: c.ends_on, posts: Number(c.posts ?? 0), createdAt: c.created_at }));
}

export async function createCampaign(app: App, actor: Actor, scope: WorkspaceScope, input: CampaignInput) {
  const id = newId();
  await app.db.transaction().execute(async (q) => {
    await q.insertInto('campaigns').values({ workspace_id: scope.workspaceId, id, name: input.name, goal: input.goal, pillar: input.pillar, starts_on: input.startsOn, ends_on: input.endsOn, created_by: actor.userId, created_at: app.clock.now().toISOString(), archived_at: null }).execute();
    await writeAudit(app, q, actor, { action: 'campaign.created', workspaceId: scope.workspaceId, actorOrgId: scope.actingOrgId, objectType: 'campaign', objectId: id, summary: { name: input.name } });
  });
  return { id };
}

export async function updateCampaign(app: App, actor: Actor, scope: WorkspaceScope, id: string, input: CampaignInput) {
  await app.db.transaction().execute(async (q) => {
    const r = await q.updateTable('campaigns').set({ name: input.name, goal: input.goal, pillar: input.pillar, starts_on: input.startsOn, ends_on: input.endsOn }).where('workspace_id', '=', scope.workspaceId).where('id', '=', id).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw notFound('This campaign');
    await writeAudit(app, q, actor, { action: 'campaign.edited', workspaceId: scope.workspaceId, actorOrgId: scope.actingOrgId, objectType: 'campaign', objectId: id, summary: { name: input.name } });
  });
  return { id };
}
