import { describe, expect, it } from 'vitest';
import hooks from '../../../test/fixtures/meta/webhooks-page.json';
import type { MetaWebhookBody } from '../meta/webhook';
import type { OutboundMedia } from '../types';
import { validateFacebook } from './facebook.capabilities';
import { parseFacebookEvent } from './facebook.map';

const received = new Date('2026-11-29T12:00:00Z');
const parse = (b: unknown) => parseFacebookEvent(b as MetaWebhookBody, received);
const jpeg = (n = 10): OutboundMedia => ({ kind: 'image', mimeType: 'image/jpeg', bytes: new Uint8Array(n), altText: 'a photo' });

describe('Facebook webhook mapping', () => {
  it('maps a reply to a comment: thread = post, in reply to the parent comment, replies go under the parent', () => {
    const r = parse(hooks.commentReply);
    expect(r.items).toEqual([
      {
        accountRemoteId: '102030405060708',
        item: {
          remoteId: '111_333',
          kind: 'comment',
          threadRemoteId: '102030405060708_111',
          inReplyToRemoteId: '111_222',
          author: { remoteId: '9990002', handle: 'Another User', displayName: 'Another User' },
          text: 'Ik ook!',
          createdAt: '2023-11-14T22:15:00.000Z',
          replyRef: { commentId: '111_222' },
          fromSelf: false,
        },
      },
    ]);
  });
  it("marks the Page's own comment as fromSelf; a top-level comment is answered on itself", () => {
    const [{ item }] = parse(hooks.pageOwnComment).items;
    expect(item.fromSelf).toBe(true);
    expect(item.inReplyToRemoteId).toBe('102030405060708_111');
    expect(item.replyRef).toEqual({ commentId: '111_444' });
  });
  it('ignores reactions and removals', () => {
    expect(parse(hooks.ignoredChanges).items).toEqual([]);
  });
  it('maps a Messenger message to a direct message threaded by the sender PSID', () => {
    const [{ accountRemoteId, item }] = parse(hooks.messengerMessage).items;
    expect(accountRemoteId).toBe('102030405060708');
    expect(item).toMatchObject({ remoteId: 'm_1457764197618:41d102a3e1ae206a38', kind: 'direct_message', threadRemoteId: '1254477777772919', inReplyToRemoteId: 'm_earlier', author: { remoteId: '1254477777772919' }, createdAt: '2023-11-14T22:20:00.123Z', fromSelf: false });
  });
  it("maps the Page's echo as fromSelf in the customer's thread", () => {
    const [{ item }] = parse(hooks.messengerEcho).items;
    expect(item).toMatchObject({ remoteId: 'm_echo_1', threadRemoteId: '1254477777772919', author: { remoteId: '102030405060708' }, fromSelf: true, text: 'Om 9 uur.' });
  });
  it('maps attachments and postbacks, reports deliveries as statuses, ignores read receipts', () => {
    const r = parse(hooks.messengerAttachmentAndDelivery);
    expect(r.items.map((i) => [i.item.remoteId, i.item.text])).toEqual([
      ['m_photo_1', '[image]'],
      ['m_postback_1', 'Openingstijden'],
    ]);
    expect(r.items[0].item.attachments).toEqual([{ name: 'image', mimeType: 'image/*', size: 0 }]);
    expect(r.statuses).toEqual([{ accountRemoteId: '102030405060708', remoteId: 'm_echo_1', status: 'delivered' }]);
  });
  it('survives malformed entries', () => {
    expect(parse({ object: 'page', entry: [{ changes: 'x' }, { id: '1', changes: [null, { field: 'feed', value: 'x' }], messaging: [null, {}] }] }).items).toEqual([]);
  });
});

describe('Facebook validation', () => {
  it('accepts text, link and up to 10 photos; refuses video, 11 photos, threads and polls', () => {
    const codes = (v: Parameters<typeof validateFacebook>[0]) => validateFacebook(v).filter((f) => f.severity === 'error').map((f) => f.code);
    expect(codes({ idempotencyKey: 'k', parts: [{ text: 'Hallo', link: { url: 'https://example.org' } }] })).toEqual([]);
    expect(codes({ idempotencyKey: 'k', parts: [{ text: '', media: Array.from({ length: 10 }, () => jpeg()) }] })).toEqual([]);
    expect(codes({ idempotencyKey: 'k', parts: [{ text: 'x', media: Array.from({ length: 11 }, () => jpeg()) }] })).toContain('too_many_media');
    expect(codes({ idempotencyKey: 'k', parts: [{ text: 'x', media: [{ kind: 'video', mimeType: 'video/mp4', bytes: new Uint8Array(1) }] }] })).toContain('media_kind_unsupported');
    expect(codes({ idempotencyKey: 'k', parts: [{ text: 'a' }, { text: 'b' }] })).toContain('threads_unsupported');
    expect(codes({ idempotencyKey: 'k', parts: [{ text: 'a', poll: { options: ['x', 'y'], durationSeconds: 3600 } }] })).toContain('polls_unsupported');
    expect(codes({ idempotencyKey: 'k', parts: [{ text: 'a' }], firstComment: 'c'.repeat(8001) })).toContain('first_comment_too_long');
  });
  it('warns that a link card is not shown with photos', () => {
    const f = validateFacebook({ idempotencyKey: 'k', parts: [{ text: 'x', media: [jpeg()], link: { url: 'https://example.org' } }] });
    expect(f.map((x) => [x.code, x.severity])).toContainEqual(['link_card_with_photos', 'warning']);
  });
});
