import { WEBFORM_LIMITS } from '../../core/channels/webform-rules';
import { validateAgainstCapabilities } from '../validate';
import type { Capabilities, OutboundVariant, ValidationFinding } from '../types';

/**
 * The website channel only receives: contact-form messages and chat messages from visitors. Nothing is published
 * there and, for now, nothing is answered through it (answering visitors by e-mail belongs to the inbox).
 */
export const webformCapabilities: Capabilities = {
  text: { maxLength: WEBFORM_LIMITS.messageMax, counting: 'graphemes' },
  media: null,
  threads: false,
  polls: null,
  linkCards: false,
  firstComment: false,
  replies: false,
  directMessages: false,
  deletes: false,
  metrics: [],
  inbound: { poll: false, webhook: false, kinds: ['form', 'chat'] },
};

/**
 * The shared checks, plus a warning that a website publishes nothing: a post aimed at it reaches no one. Pure and
 * the same in browser and server.
 */
export function validateWebform(v: OutboundVariant): ValidationFinding[] {
  return [
    ...validateAgainstCapabilities(webformCapabilities, v, 'the website'),
    { code: 'publish_unsupported', message: 'The website channel only receives messages from visitors; posts are not published there.', severity: 'warning' },
  ];
}
