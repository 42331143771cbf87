import { blueskyConnector } from './bluesky/bluesky.connector';
import { emailConnector } from './email/email.connector';
import { facebookConnector } from './facebook/facebook.connector';
import { instagramConnector } from './instagram/instagram.connector';
import { linkedinConnector } from './linkedin/linkedin.connector';
import { xConnector } from './x/x.connector';
import { whatsappConnector } from './whatsapp/whatsapp.connector';
import { mastodonConnector } from './mastodon/mastodon.connector';
import { sandboxConnector } from './sandbox/sandbox.connector';
import { webformConnector } from './webform/webform.connector';
import type { ChannelKind, Connector } from './types';

/** Every connector Regie ships, in one explicit list (the channels page offers them in this order). */
export const connectors: Connector[] = [
  blueskyConnector,
  mastodonConnector,
  facebookConnector,
  instagramConnector,
  whatsappConnector,
  linkedinConnector,
  xConnector,
  emailConnector,
  webformConnector,
  sandboxConnector,
];

/** The connector for a channel kind, from `list` (default: all shipped connectors). */
export function connectorFor(kind: string, list: Connector[] = connectors): Connector | undefined {
  return list.find((c) => c.kind === (kind as ChannelKind));
}
