import { describe, expect, it } from 'vitest';
import comments from '../../../test/fixtures/linkedin/comments.json';
import stats from '../../../test/fixtures/linkedin/share-statistics.json';
import { advance, commentToInbound, isNew, linkedinMetrics, orgUrn, parseCursor, type LinkedInComment } from './linkedin.map';

const org = 'urn:li:organization:2414183';
const post = 'urn:li:share:7400000000000000001';
const now = new Date('2026-11-29T12:00:00Z');

describe('linkedin mapping', () => {
  it('maps a comment to an inbound item with what a reply needs', () => {
    const item = commentToInbound(comments.elements[0] as LinkedInComment, post, org, now)!;
    expect(item).toMatchObject({
      remoteId: 'urn:li:comment:(urn:li:activity:7400000000000000000,7400000000000000101)',
      kind: 'comment',
      threadRemoteId: post,
      inReplyToRemoteId: post,
      author: { remoteId: 'urn:li:person:Vk1QMyB3Sl' },
      text: 'Is the service desk also open on Saturday?',
      createdAt: new Date(1764320400000).toISOString(),
      replyRef: { object: post, commentUrn: 'urn:li:comment:(urn:li:activity:7400000000000000000,7400000000000000101)' },
    });
    expect(item.url).toContain('https://www.linkedin.com/feed/update/urn:li:share:7400000000000000001/?commentUrn=urn%3Ali%3Acomment');
    const own = commentToInbound({ ...(comments.elements[1] as LinkedInComment), actor: org, parentComment: 'urn:li:comment:(x,1)' }, post, org, now)!;
    expect([own.fromSelf, own.inReplyToRemoteId, own.replyRef?.parentComment]).toEqual([true, 'urn:li:comment:(x,1)', 'urn:li:comment:(x,1)']);
    expect(commentToInbound({ actor: 'a' }, post, org, now)).toBeNull();
  });

  it('keeps a time cursor that also remembers ids seen at the newest millisecond', () => {
    const items = comments.elements.map((c) => commentToInbound(c as LinkedInComment, post, org, now)!);
    const c1 = advance(parseCursor(null), items);
    expect(c1).toEqual({ t: 1764324000000, ids: [items[1].remoteId] });
    expect(items.filter((i) => isNew(i, parseCursor(JSON.stringify(c1))))).toEqual([]);
    const sameMs = { ...items[0], remoteId: 'other', createdAt: items[1].createdAt };
    expect(isNew(sameMs, c1)).toBe(true);
    expect(advance(c1, [sameMs]).ids).toEqual([items[1].remoteId, 'other']);
    expect(parseCursor('1764324000000')).toEqual({ t: 1764324000000, ids: [] });
  });

  it('maps share statistics; what LinkedIn did not send is null', () => {
    expect(linkedinMetrics(stats.elements[0])).toEqual({ likes: 27, replies: 2, shares: 3, clicks: 41, impressions: 1688 });
    expect(linkedinMetrics({})).toEqual({ likes: null, replies: null, shares: null, clicks: null, impressions: null });
    expect(orgUrn('2414183')).toBe(org);
    expect(orgUrn(org)).toBe(org);
  });
});
