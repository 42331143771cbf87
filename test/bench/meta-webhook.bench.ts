import { createHmac } from 'node:crypto';
import { facebookConnector } from '../../src/connectors/facebook/facebook.connector';
import type { WebhookRequest } from '../../src/connectors/types';

const ENTRIES = 100;
const SECRET = 'bench-app-secret';

/** Meta's wire form: JSON with every non-ASCII character escaped as \uXXXX. */
function metaJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A Page webhook batch of `n` entries: half feed comments, half Messenger messages, Dutch text with emoji. */
function batch(n: number): Buffer {
  const entry = Array.from({ length: n }, (_, i) =>
    i % 2 === 0
      ? { id: '102030405060708', time: 1700000000 + i, changes: [{ field: 'feed', value: { item: 'comment', verb: 'add', comment_id: `111_${i}`, post_id: '102030405060708_111', parent_id: '102030405060708_111', message: `Reactie ${i}: wanneer gaat het zwembad weer open? 🏊‍♀️ Dank je wel!`, from: { id: `99900${i}`, name: 'Jörg Müller' }, created_time: 1700000000 + i } }] }
      : { id: '102030405060708', time: 1700000000000 + i, messaging: [{ sender: { id: `12544777777${i}` }, recipient: { id: '102030405060708' }, timestamp: 1700000000000 + i, message: { mid: `m_${i}`, text: `Vraag ${i}: kan ik mijn paspoort ophalen zonder afspraak? 🙏` } }] },
  );
  return Buffer.from(metaJson({ object: 'page', entry }), 'utf8');
}

function rate(seconds: number, fn: () => number): number {
  for (let i = 0; i < 200; i++) fn();
  let items = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) items += fn();
  return items / ((performance.now() - t0) / 1000);
}

/**
 * Webhook intake throughput: signature check (HMAC-SHA256 over the raw bytes, constant-time compare), JSON parse
 * and mapping to InboundItems for a 100-entry Page batch, in items/s, against JSON.parse alone of the same bytes.
 */
export async function benchMetaWebhook(): Promise<void> {
  const rawBody = batch(ENTRIES);
  const req: WebhookRequest = { method: 'POST', rawBody, headers: { 'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(rawBody).digest('hex')}` }, query: {} };
  const secrets = { appSecret: SECRET, verifyToken: 'unused' };
  const check = facebookConnector.verifyAndParseWebhook!(req, secrets);
  if (check.kind !== 'items' || check.items.length !== ENTRIES) throw new Error('bench body did not map to one item per entry');
  const full = rate(2, () => {
    const r = facebookConnector.verifyAndParseWebhook!(req, secrets);
    return r.kind === 'items' ? r.items.length : 0;
  });
  const parseOnly = rate(2, () => (JSON.parse(rawBody.toString('utf8')) as { entry: unknown[] }).entry.length);
  console.log(`meta webhook: ${ENTRIES}-entry Page batch, ${(rawBody.byteLength / 1024).toFixed(1)} KiB`);
  console.log(`verify + parse + map       ${full.toFixed(0)} items/s`);
  console.log(`JSON.parse only (baseline) ${parseOnly.toFixed(0)} items/s`);
  console.log(`ratio                      ${(full / parseOnly).toFixed(2)}`);
}
