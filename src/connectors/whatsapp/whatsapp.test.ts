import { describe, expect, it } from 'vitest';
import hooks from '../../../test/fixtures/meta/webhooks-whatsapp.json';
import type { MetaWebhookBody } from '../meta/webhook';
import { templatePayload, textPayload } from './whatsapp.api';
import { customerServiceWindowOpen, validateWhatsApp } from './whatsapp.capabilities';
import { parseWhatsAppEvent } from './whatsapp.map';

const received = new Date('2026-11-29T12:00:00Z');
const parse = (b: unknown) => parseWhatsAppEvent(b as MetaWebhookBody, received);

describe('WhatsApp webhook mapping', () => {
  it('maps media, reactions and button replies to direct messages on the phone number id; drops unsupported types', () => {
    const r = parse(hooks.imageWithCaptionAndReply);
    expect(r.items.every((i) => i.accountRemoteId === '106540352242922')).toBe(true);
    expect(r.items.map((i) => [i.item.remoteId, i.item.text, i.item.inReplyToRemoteId])).toEqual([
      ['wamid.IMAGE1', 'Kapotte lantaarnpaal', 'wamid.OURS1'],
      ['wamid.REACT1', '👍', 'wamid.OURS1'],
      ['wamid.BUTTON1', 'Ja graag', undefined],
    ]);
    expect(r.items[0].item).toMatchObject({
      kind: 'direct_message',
      threadRemoteId: '16505551234',
      author: { remoteId: '16505551234', handle: '+16505551234', displayName: 'Sheena Nelson' },
      createdAt: '2025-06-08T21:00:00.000Z',
      attachments: [{ name: 'image', mimeType: 'image/jpeg', size: 0 }],
      replyRef: { waId: '16505551234' },
      fromSelf: false,
    });
  });
  it('reports sent, delivered and failed statuses, and ignores others', () => {
    const r = parse(hooks.statuses);
    expect(r.items).toEqual([]);
    expect(r.statuses).toEqual([
      { accountRemoteId: '106540352242922', remoteId: 'wamid.OURS1', status: 'sent' },
      { accountRemoteId: '106540352242922', remoteId: 'wamid.OURS1', status: 'delivered' },
      { accountRemoteId: '106540352242922', remoteId: 'wamid.OURS2', status: 'failed' },
    ]);
  });
  it('maps echoes from the WhatsApp Business app as fromSelf in the customer thread', () => {
    expect(parse(hooks.echo).items[0].item).toMatchObject({ remoteId: 'wamid.ECHO1', threadRemoteId: '16505551234', fromSelf: true, text: 'Sent from the phone' });
  });
});

describe('WhatsApp rules', () => {
  it('is open for 24 hours after the customer last wrote', () => {
    expect(customerServiceWindowOpen('2026-11-28T12:00:01Z', received)).toBe(true);
    expect(customerServiceWindowOpen('2026-11-28T12:00:00Z', received)).toBe(false);
    expect(customerServiceWindowOpen('garbage', received)).toBe(false);
  });
  it('validates text up to 4096 and no media', () => {
    expect(validateWhatsApp({ idempotencyKey: 'k', parts: [{ text: 'a'.repeat(4096) }] })).toEqual([]);
    expect(validateWhatsApp({ idempotencyKey: 'k', parts: [{ text: 'x', media: [{ kind: 'image', mimeType: 'image/jpeg', bytes: new Uint8Array(1) }] }] }).map((f) => f.code)).toContain('media_unsupported');
  });
  it('builds text and template payloads, refusing malformed template input', () => {
    expect(textPayload('31612345678', 'zie https://example.org')).toEqual({ to: '31612345678', type: 'text', text: { preview_url: true, body: 'zie https://example.org' } });
    expect(templatePayload('+31612345678', { name: 'afspraak_herinnering', languageCode: 'nl' })).toEqual({ to: '31612345678', type: 'template', template: { name: 'afspraak_herinnering', language: { policy: 'deterministic', code: 'nl' } } });
    expect(() => templatePayload('31612345678', { name: 'Bad Name', languageCode: 'nl' })).toThrow(/template name/);
    expect(() => templatePayload('31612345678', { name: 'ok', languageCode: 'dutch' })).toThrow(/language/);
    expect(() => templatePayload('abc', { name: 'ok', languageCode: 'nl' })).toThrow(/phone number/);
  });
});
