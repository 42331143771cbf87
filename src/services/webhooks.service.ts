import { connectorFor } from '../connectors';
import { ConnectorError } from '../connectors/errors';
import type { WebhookRequest, WebhookResult } from '../connectors/types';
import type { App } from './app';
import { storeInbound } from './channels.service';
import { lockChannelsForIngest } from '../db/repos/inbox.repo';
import { tellInboxes, type InboxTouch } from './inbox-ingest.service';
import { providerApp } from './providers.service';

/** Channel kinds whose webhooks are signed with the Meta app secret. */
const META_KINDS = new Set(['facebook', 'instagram', 'whatsapp']);

export type WebhookOutcome =
  | { kind: 'challenge'; status: number; body: string; contentType: string }
  | { kind: 'stored'; received: number; stored: number; unknownAccounts: number }
  | { kind: 'refused'; status: number; code: 'ERR_WEBHOOK_SIGNATURE' | 'ERR_NOT_FOUND' | 'ERR_WEBHOOK_NOT_CONFIGURED'; message: string };

/**
 * Handles a platform's webhook call: verifies the signature over the raw bytes first (nothing is parsed before),
 * answers verification handshakes, and stores every item for a connected channel of that account in ONE
 * transaction that commits before the platform gets its 200 — so a crash never loses an acknowledged event, and a
 * retried delivery is skipped as a duplicate.
 */
export async function receiveWebhook(app: App, kind: string, req: WebhookRequest): Promise<WebhookOutcome> {
  const connector = connectorFor(kind, app.connectors);
  if (!connector?.verifyAndParseWebhook) return { kind: 'refused', status: 404, code: 'ERR_NOT_FOUND', message: 'No webhook here.' };
  const meta = META_KINDS.has(kind) ? await providerApp(app, 'meta') : null;
  if (!meta) return { kind: 'refused', status: 503, code: 'ERR_WEBHOOK_NOT_CONFIGURED', message: 'Webhooks for this platform are not configured on this installation.' };
  let result: WebhookResult;
  try {
    result = connector.verifyAndParseWebhook(req, { appSecret: meta.clientSecret, verifyToken: meta.verifyToken ?? '' });
  } catch (err) {
    if (err instanceof ConnectorError) {
      const status = err.details.status === 403 ? 403 : 401;
      return { kind: 'refused', status, code: 'ERR_WEBHOOK_SIGNATURE', message: status === 403 ? 'Verification refused.' : 'Signature missing or wrong.' };
    }
    throw err;
  }
  if (result.kind === 'challenge') return { kind: 'challenge', status: result.status, body: result.body, contentType: result.contentType ?? 'text/plain' };
  const items = result.items;
  const now = app.clock.now().toISOString();
  const touched: InboxTouch[] = [];
  const outcome = await app.conn.commits.run(async (q) => {
    const accounts = [...new Set(items.map((i) => i.accountRemoteId))];
    const channels = accounts.length
      ? await q
          .selectFrom('channels')
          .select(['workspace_id', 'id', 'account_remote_id'])
          .where('kind', '=', kind)
          .where('account_remote_id', 'in', accounts)
          .where('disconnected_at', 'is', null)
          .execute()
      : [];
    // Every channel this delivery touches, locked up front in one order: concurrent deliveries never deadlock.
    await lockChannelsForIngest(q, channels.map((c) => c.id));
    let stored = 0;
    let unknownAccounts = 0;
    for (const account of accounts) {
      const mine = items.filter((i) => i.accountRemoteId === account).map((i) => i.item);
      const targets = channels.filter((c) => c.account_remote_id === account);
      if (targets.length === 0) unknownAccounts++;
      for (const ch of targets) stored += await storeInbound(q, ch, mine, now, touched);
    }
    return { kind: 'stored' as const, received: items.length, stored, unknownAccounts };
  });
  tellInboxes(app, touched);
  return outcome;
}
