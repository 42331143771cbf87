import { describe, expect, it } from 'vitest';
import mentions from '../../../test/fixtures/x/mentions.json';
import metrics from '../../../test/fixtures/x/tweets-metrics.json';
import { compareIds, isoTime, mentionsToInbound, tweetUrl, xMetrics, type XTweetPage } from './x.map';

const now = new Date('2026-11-29T12:00:00Z');

describe('x mapping', () => {
  it('maps mentions to inbound items: mention vs reply, conversation thread, author from the expansion', () => {
    const items = mentionsToInbound(mentions as XTweetPage, null, '2244994945', now);
    expect(items.map((i) => i.remoteId)).toEqual(['1860000000000000200', '1860000000000000300']);
    const [reply, mention] = items;
    expect(reply).toMatchObject({ kind: 'reply', threadRemoteId: '1859999999999999000', inReplyToRemoteId: '1859999999999999000', author: { remoteId: '1800000000000000002', handle: 'basj', displayName: 'Bas Jansen' } });
    expect(mention).toMatchObject({ kind: 'mention', threadRemoteId: '1860000000000000300', createdAt: '2026-11-28T09:15:02.000Z', url: 'https://x.com/annedv/status/1860000000000000300' });
    expect(mention.fromSelf).toBeUndefined();
    expect(mention.replyRef).toEqual({ tweetId: '1860000000000000300' });
  });

  it('leaves out what the cursor already covered, and marks the account own posts', () => {
    const items = mentionsToInbound(mentions as XTweetPage, '1860000000000000200', '1800000000000000001', now);
    expect(items.map((i) => i.remoteId)).toEqual(['1860000000000000300']);
    expect(items[0].fromSelf).toBe(true);
  });

  it('compares ids beyond 2^53 exactly and reads legacy dates', () => {
    expect(compareIds('1860000000000000301', '1860000000000000300')).toBe(1);
    expect(compareIds('999', '1000')).toBe(-1);
    expect(isoTime('Wed Jan 06 18:40:40 +0000 2021', now)).toBe('2021-01-06T18:40:40.000Z');
    expect(isoTime('garbage', now)).toBe(now.toISOString());
    expect(tweetUrl('@Org', '1')).toBe('https://x.com/Org/status/1');
  });

  it('maps public_metrics; a count X did not send is null, never 0', () => {
    expect(xMetrics(metrics.data[0])).toEqual({ likes: 31, reposts: 4, replies: 2, quotes: 1, impressions: 1877 });
    expect(xMetrics(metrics.data[1]).impressions).toBeNull();
    expect(xMetrics({ id: '1', text: '' })).toEqual({ likes: null, reposts: null, replies: null, quotes: null, impressions: null });
  });
});
