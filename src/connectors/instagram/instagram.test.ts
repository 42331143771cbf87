import { describe, expect, it } from 'vitest';
import hooks from '../../../test/fixtures/meta/webhooks-instagram.json';
import type { MetaWebhookBody } from '../meta/webhook';
import type { OutboundVariant } from '../types';
import { publicImages } from './instagram.api';
import { countHashtags, countMentions, validateInstagram, type InstagramMedia } from './instagram.capabilities';
import { parseInstagramEvent } from './instagram.map';

const received = new Date('2026-11-29T12:00:00Z');
const parse = (b: unknown) => parseInstagramEvent(b as MetaWebhookBody, received);
const photo = (over: Partial<InstagramMedia> = {}): InstagramMedia => ({ kind: 'image', mimeType: 'image/jpeg', bytes: new Uint8Array(8), altText: 'alt', publicUrl: 'https://media.regie.example/m/abc.jpg', ...over });
const variant = (text: string, over: Partial<OutboundVariant> = {}): OutboundVariant => ({ idempotencyKey: 'k', parts: [{ text, media: [photo()] }], ...over });
const errors = (v: OutboundVariant) => validateInstagram(v).filter((f) => f.severity === 'error').map((f) => f.code);

describe('Instagram webhook mapping', () => {
  it('maps a comment reply: thread = media, in reply to the parent, replies go under the top-level comment', () => {
    expect(parse(hooks.commentReply).items).toEqual([
      {
        accountRemoteId: '17841400000000000',
        item: {
          remoteId: '17865799348089040',
          kind: 'comment',
          threadRemoteId: '123123',
          inReplyToRemoteId: '17865799348089039',
          author: { remoteId: '232324', handle: 'other_user', displayName: 'other_user' },
          text: 'Eens!',
          createdAt: '2023-11-14T22:25:00.000Z',
          replyRef: { commentId: '17865799348089039' },
          fromSelf: false,
        },
      },
    ]);
  });
  it('maps direct messages and marks echoes of our own messages', () => {
    const dm = parse(hooks.directMessage).items[0];
    expect(dm).toMatchObject({ accountRemoteId: '17841400000000000', item: { kind: 'direct_message', threadRemoteId: '5566778899', text: 'Hallo, is de bibliotheek open?', fromSelf: false } });
    const echo = parse(hooks.directMessageEcho).items[0].item;
    expect(echo).toMatchObject({ threadRemoteId: '5566778899', fromSelf: true });
  });
});

describe('Instagram validation', () => {
  it('needs a photo, JPEG only, at most 10', () => {
    expect(errors(variant('x'))).toEqual([]);
    expect(errors({ idempotencyKey: 'k', parts: [{ text: 'text only' }] })).toContain('media_required');
    expect(errors({ idempotencyKey: 'k', parts: [{ text: 'x', media: [photo({ mimeType: 'image/png' })] }] })).toContain('media_type_unsupported');
    expect(errors({ idempotencyKey: 'k', parts: [{ text: 'x', media: Array.from({ length: 11 }, () => photo()) }] })).toContain('too_many_media');
  });
  it('counts the caption in graphemes up to 2200, and allows 30 hashtags and 20 mentions', () => {
    expect(errors(variant('👍🏽'.repeat(2200)))).toEqual([]);
    expect(errors(variant('a'.repeat(2201)))).toContain('text_too_long');
    const tags = (n: number) => Array.from({ length: n }, (_, i) => `#tag${i}`).join(' ');
    expect(countHashtags(tags(30))).toBe(30);
    expect(errors(variant(tags(30)))).toEqual([]);
    expect(errors(variant(tags(31)))).toContain('too_many_hashtags');
    expect(countHashtags('a#b c&#38; #één ##x')).toBe(1 + 1);
    const mentions = (n: number) => Array.from({ length: n }, (_, i) => `@user${i}`).join(' ');
    expect(countMentions(`${mentions(20)} mail@example.org`)).toBe(20);
    expect(errors(variant(mentions(21)))).toContain('too_many_mentions');
    expect(errors(variant('x', { firstComment: tags(31) }))).toContain('too_many_hashtags');
  });
  it('warns that links are not clickable', () => {
    expect(validateInstagram(variant('Lees meer op https://example.org')).map((f) => f.code)).toContain('links_not_clickable');
  });
});

describe('Instagram public image URLs', () => {
  it('reads publicUrl and alt text, and refuses photos without a public https address before any call', () => {
    expect(publicImages({ text: '', media: [photo()] })).toEqual([{ url: 'https://media.regie.example/m/abc.jpg', altText: 'alt' }]);
    for (const publicUrl of [undefined, 'http://media.regie.example/a.jpg', 'not a url']) {
      expect(() => publicImages({ text: '', media: [photo({ publicUrl })] })).toThrowError(/public https address/);
    }
    expect(() => publicImages({ text: 'x' })).toThrowError(/at least one photo/);
  });
});
