import { notFound } from '../core/shared/errors';
import type { InboundItem } from '../connectors/types';
import { findChannel, listInboundItems } from '../db/repos/channels.repo';
import type { WorkspaceScope } from './access.service';
import type { App } from './app';

/** The latest items a channel received, newest first (the inbox builds conversations from these). */
export async function inboundOf(app: App, scope: WorkspaceScope, channelId: string, limit: number) {
  if (!(await findChannel(app.db, scope.workspaceId, channelId))) throw notFound('This channel');
  const rows = await listInboundItems(app.db, scope.workspaceId, channelId, limit);
  return rows.map((r) => ({ id: r.id, receivedAt: r.received_at, item: JSON.parse(r.item) as InboundItem }));
}
