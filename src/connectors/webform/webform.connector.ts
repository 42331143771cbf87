import { randomBytes } from 'node:crypto';
import { parseAllowedOrigins } from '../../core/channels/webform-rules';
import { ConnectorError } from '../errors';
import type { Connector } from '../types';
import { validateWebform, webformCapabilities } from './webform.capabilities';

/**
 * The website channel: a contact form and a small chat widget that a website embeds with one script tag; visitors'
 * messages arrive at Regie's own public endpoint (see services/webform.service.ts), not from a platform. Connecting
 * makes a random public key (it sits in the embed code, so it is no secret) and stores the websites allowed to
 * embed it. Stored credentials `{ publicKey, allowedOrigins }` (origins comma-separated, normalised). The account's
 * remote id is the public key; its handle the first website's host. No platform is called, ever.
 */
export const webformConnector: Connector = {
  kind: 'webform',
  displayName: 'Website',
  capabilities: webformCapabilities,
  auth: { kind: 'access-token' },

  validate: validateWebform,

  connectFields: [
    { name: 'name', type: 'text', required: false, default: 'Website' },
    { name: 'allowedOrigins', type: 'text', required: true },
  ],

  async connect(_fetch, input) {
    const { origins, invalid } = parseAllowedOrigins(input.allowedOrigins ?? '');
    if (invalid.length) {
      throw new ConnectorError('rejected', `Not a website address: ${invalid.slice(0, 3).map((s) => s.slice(0, 80)).join(', ')}. Enter addresses like https://www.gemeente.nl, separated by commas.`);
    }
    if (!origins.length) throw new ConnectorError('rejected', 'Enter at least one website that may show the form, like https://www.gemeente.nl.');
    const publicKey = randomBytes(24).toString('base64url');
    const name = (input.name ?? '').trim() || 'Website';
    return {
      credentials: { publicKey, allowedOrigins: origins.join(',') },
      account: { remoteId: publicKey, handle: new URL(origins[0]).host, displayName: name },
    };
  },

  async verify(ctx) {
    return ctx.account;
  },
};
