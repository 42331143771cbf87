import { ConnectorError } from '../errors';
import { appSecretProof, graphFor } from '../meta/graph';
import { META_SCOPES, listMetaAccounts, metaAuthorizeUrl, metaExchangeCode } from '../meta/oauth';
import { verifyMetaWebhook } from '../meta/webhook';
import { graphemeLength } from '../text';
import type { Connector, Credentials } from '../types';
import { WHATSAPP_TEXT_MAX, customerServiceWindowOpen, validateWhatsApp, whatsappCapabilities } from './whatsapp.capabilities';
import { phoneNumberIdOf, readPhoneNumber, sendWhatsApp, textPayload } from './whatsapp.api';
import { parseWhatsAppEvent } from './whatsapp.map';

/**
 * WhatsApp Business (Cloud API). Connect either with Facebook Login (code + PKCE) → `listMetaAccounts(…,
 * 'whatsapp', …)` to choose a phone number, or — the usual production set-up — with `connect` and a System User
 * token from Meta Business Manager plus the phone number id (and WABA id). Stored credentials `{ accessToken,
 * phoneNumberId, wabaId?, appsecretProof? }`. Inbound messages and statuses arrive by webhook; `reply` sends text
 * inside the 24-hour customer-service window and refuses (`rejected`, platformCode `outside_service_window`)
 * outside it, where only `replyWithTemplate` (whatsapp.api) can reach the customer. Nothing to publish.
 */
export const whatsappConnector: Connector = {
  kind: 'whatsapp',
  displayName: 'WhatsApp Business',
  capabilities: whatsappCapabilities,
  auth: { kind: 'oauth2', pkce: true, refresh: false, scopes: META_SCOPES.whatsapp, provider: 'meta' },

  validate: validateWhatsApp,

  authorizeUrl: (app, p) => metaAuthorizeUrl('whatsapp', app, p),
  exchangeCode: (fetch, app, p, now) => metaExchangeCode(fetch, app, p, now),

  connectFields: [
    { name: 'accessToken', type: 'password', required: true },
    { name: 'phoneNumberId', type: 'text', required: true },
    { name: 'wabaId', type: 'text', required: false },
    { name: 'appSecret', type: 'password', required: false },
  ],

  async connect(fetch, input, now) {
    const accessToken = (input.accessToken ?? '').trim();
    const phoneNumberId = (input.phoneNumberId ?? '').trim();
    const wabaId = (input.wabaId ?? '').trim();
    if (!accessToken) throw new ConnectorError('rejected', 'Enter the access token of a System User with WhatsApp permissions.');
    if (!/^\d+$/.test(phoneNumberId)) throw new ConnectorError('rejected', 'Enter the phone number id (digits) from WhatsApp Manager.');
    if (wabaId && !/^\d+$/.test(wabaId)) throw new ConnectorError('rejected', 'The WhatsApp Business Account id is digits only.');
    const credentials: Credentials = { accessToken, phoneNumberId, ...(wabaId ? { wabaId } : {}) };
    if (input.appSecret) credentials.appsecretProof = appSecretProof(input.appSecret, accessToken);
    const account = await readPhoneNumber({ fetch, now: () => now, token: accessToken, proof: credentials.appsecretProof }, phoneNumberId);
    return { credentials, account };
  },

  listAccounts: (fetch, app, signedIn, now) => listMetaAccounts(fetch, app, 'whatsapp', signedIn.credentials.userAccessToken, now),

  async verify(ctx) {
    return readPhoneNumber(graphFor(ctx), phoneNumberIdOf(ctx), ctx.account.handle || undefined);
  },

  async reply(ctx, r) {
    if (r.inReplyTo.kind !== 'direct_message') throw new ConnectorError('rejected', 'WhatsApp has only direct messages to answer.');
    if (r.media?.length) throw new ConnectorError('rejected', 'Replies on WhatsApp are text only in Regie.');
    if (graphemeLength(r.text) > WHATSAPP_TEXT_MAX) throw new ConnectorError('rejected', `A WhatsApp message may be at most ${WHATSAPP_TEXT_MAX} characters.`);
    if (!r.text.trim()) throw new ConnectorError('rejected', 'The reply is empty.');
    if (!customerServiceWindowOpen(r.inReplyTo.createdAt, ctx.now())) {
      throw new ConnectorError('rejected', 'More than 24 hours have passed since the customer wrote; WhatsApp now only delivers an approved template.', { platformCode: 'outside_service_window' });
    }
    const to = r.inReplyTo.replyRef?.waId ?? r.inReplyTo.threadRemoteId;
    return { remoteId: await sendWhatsApp(graphFor(ctx), phoneNumberIdOf(ctx), textPayload(to, r.text)) };
  },

  verifyAndParseWebhook(req, secrets) {
    const v = verifyMetaWebhook(req, secrets);
    return v.kind === 'challenge' ? v.result : parseWhatsAppEvent(v.body, new Date());
  },
};
