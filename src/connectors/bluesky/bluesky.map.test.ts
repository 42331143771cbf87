import { describe, expect, it } from 'vitest';
import { imageSize } from './bluesky.image';
import { advanceCursor, formatCursor, isAfter, notificationToItem, parseCursor, postMetrics, type BskyNotification } from './bluesky.map';
import { isTid, parseAtUri, postUrl, recordKeyFor } from './bluesky.rkey';

const ME = 'did:plc:me';
const root = { uri: `at://${ME}/app.bsky.feed.post/3kroot0000000`, cid: 'bafyroot' };
const parent = { uri: `at://${ME}/app.bsky.feed.post/3kparent00000`, cid: 'bafyparent' };

function notification(over: Partial<BskyNotification> = {}): BskyNotification {
  return {
    uri: 'at://did:plc:bob/app.bsky.feed.post/3kreply000000',
    cid: 'bafyreply',
    author: { did: 'did:plc:bob', handle: 'bob.test', displayName: 'Bob', avatar: 'https://cdn.test/a.jpg' },
    reason: 'reply',
    record: { $type: 'app.bsky.feed.post', text: 'Nice!', createdAt: '2026-01-01T10:00:00.000Z', reply: { root, parent } },
    indexedAt: '2026-01-01T10:00:01.500Z',
    ...over,
  };
}

describe('bluesky notification → inbound item', () => {
  it('maps a reply: thread root, parent, author, what a reply to it needs', () => {
    expect(notificationToItem(notification(), ME)).toEqual({
      remoteId: 'at://did:plc:bob/app.bsky.feed.post/3kreply000000',
      kind: 'reply',
      threadRemoteId: root.uri,
      inReplyToRemoteId: parent.uri,
      author: { remoteId: 'did:plc:bob', handle: 'bob.test', displayName: 'Bob', avatarUrl: 'https://cdn.test/a.jpg' },
      text: 'Nice!',
      createdAt: '2026-01-01T10:00:01.500Z',
      url: 'https://bsky.app/profile/did:plc:bob/post/3kreply000000',
      replyRef: { rootUri: root.uri, rootCid: root.cid, parentUri: 'at://did:plc:bob/app.bsky.feed.post/3kreply000000', parentCid: 'bafyreply' },
    });
  });

  it('a mention that starts a thread is its own root; images become attachments; our own posts are fromSelf', () => {
    const item = notificationToItem(
      notification({
        reason: 'mention',
        author: { did: ME },
        record: { text: 'hi', embed: { $type: 'app.bsky.embed.images', images: [{ alt: 'chart', image: { mimeType: 'image/png', size: 42 } }] } },
        indexedAt: 'garbage',
      }),
      ME,
    )!;
    expect(item.threadRemoteId).toBe(item.remoteId);
    expect(item.inReplyToRemoteId).toBeUndefined();
    expect(item.replyRef).toMatchObject({ rootUri: item.remoteId, rootCid: 'bafyreply' });
    expect(item.attachments).toEqual([{ name: 'chart', mimeType: 'image/png', size: 42 }]);
    expect(item.fromSelf).toBe(true);
    expect(item.createdAt).toBe(new Date(0).toISOString());
  });

  it('skips likes, follows and reposts', () => {
    for (const reason of ['like', 'follow', 'repost']) expect(notificationToItem(notification({ reason }), ME)).toBeNull();
    expect(notificationToItem(notification({ reason: 'quote' }), ME)?.kind).toBe('quote');
  });

  it('reads metrics, unsupported as null', () => {
    expect(postMetrics({ uri: 'u', cid: 'c', likeCount: 3, repostCount: 0, replyCount: 1 })).toEqual({ likes: 3, reposts: 0, replies: 1, quotes: null });
  });
});

describe('bluesky poll cursor', () => {
  it('moves to the newest moment and remembers what was seen exactly then', () => {
    const c = advanceCursor(null, [
      { uri: 'a', indexedAt: '2026-01-01T10:00:00.000Z' },
      { uri: 'b', indexedAt: '2026-01-01T10:00:02.000Z' },
      { uri: 'c', indexedAt: '2026-01-01T10:00:02.000Z' },
    ]);
    expect(c).toEqual({ at: '2026-01-01T10:00:02.000Z', uris: ['b', 'c'] });
    const back = parseCursor(formatCursor(c!));
    expect(isAfter(back, '2026-01-01T10:00:02.000Z', 'b')).toBe(false);
    expect(isAfter(back, '2026-01-01T10:00:02.000Z', 'd')).toBe(true);
    expect(isAfter(back, '2026-01-01T10:00:01.000Z', 'e')).toBe(false);
    expect(isAfter(back, '2026-01-01T10:00:03.000Z', 'b')).toBe(true);
    expect(advanceCursor(back, [])).toEqual(back);
  });

  it('starts over on a cursor it did not write', () => {
    expect(parseCursor(null)).toBeNull();
    expect(parseCursor('2026-01-01T10:00:00Z')).toBeNull();
    expect(parseCursor('{"at":"nope","uris":[]}')).toBeNull();
  });
});

describe('bluesky record keys', () => {
  it('derives a valid TID from the idempotency key and part, the same every time', () => {
    const a = recordKeyFor('variant-1');
    expect(isTid(a)).toBe(true);
    expect(recordKeyFor('variant-1')).toBe(a);
    expect(recordKeyFor('variant-1', 0)).toBe(a);
    expect(recordKeyFor('variant-1', 1)).not.toBe(a);
    expect(recordKeyFor('variant-2')).not.toBe(a);
  });

  it('never holds a doubled g or q, and reads as a timestamp from 2023 on', () => {
    const S32 = '234567abcdefghijklmnopqrstuvwxyz';
    for (let i = 0; i < 500; i++) {
      const k = recordKeyFor(`k${i}`, i % 3);
      expect(isTid(k) && !/[gq]{2}/.test(k)).toBe(true);
      const value = [...k].reduce((v, ch) => v * 32n + BigInt(S32.indexOf(ch)), 0n);
      const year = new Date(Number(value >> 10n) / 1000).getUTCFullYear();
      expect(year >= 2023 && year <= 2027).toBe(true);
    }
  });

  it('parses at-uris and builds post URLs', () => {
    expect(parseAtUri('at://did:plc:x/app.bsky.feed.post/3k2')).toEqual({ repo: 'did:plc:x', collection: 'app.bsky.feed.post', rkey: '3k2' });
    expect(parseAtUri('https://bsky.app')).toBeNull();
    expect(postUrl('at://did:plc:x/app.bsky.feed.like/3k2')).toBeUndefined();
  });
});

describe('image size', () => {
  it('reads PNG, GIF and JPEG headers', () => {
    const png = new Uint8Array(24);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 2, 0, 0, 0, 1, 0x2c]);
    expect(imageSize(png)).toEqual({ width: 512, height: 300 });
    const gif = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 10, 0, 20, 0]);
    expect(imageSize(gif)).toEqual({ width: 10, height: 20 });
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 17, 8, 0, 30, 0, 40, 3, 0, 0, 0, 0]);
    expect(imageSize(jpeg)).toEqual({ width: 40, height: 30 });
    expect(imageSize(new Uint8Array([1, 2, 3]))).toBeNull();
  });
});
