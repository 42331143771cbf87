import { describe, expect, it } from 'vitest';
import timeline from '../../../test/fixtures/x/user-tweets.json';
import { matchThread, normalizeXText, sameXText, xTime } from './x.lookup';
import type { XTweet } from './x.map';

const tweets = timeline.data as XTweet[];

describe('x lookup by text', () => {
  it('sees through what X changes: t.co links, HTML escapes, white space, leading reply mentions', () => {
    expect(sameXText('2/2 Read more: https://t.co/AbCdEf1234', '2/2 Read more: https://example.org/hours?from=dec')).toBe(true);
    expect(sameXText('1/2 Our new opening hours &lt;from December&gt; are online.', '1/2 Our new opening hours <from December> are online.')).toBe(true);
    expect(sameXText('@annedv Next Monday, 9:00 &amp; onwards.', 'Next Monday, 9:00 & onwards.')).toBe(true);
    expect(sameXText('Hello  world\n', 'Hello world')).toBe(true);
    expect(sameXText('Hello world', 'Hello world!')).toBe(false);
    expect(normalizeXText('a\u0065\u0301')).toBe('a\u00e9');
  });

  it('finds a whole thread, a prefix of it, a reply, or nothing', () => {
    const thread = ['1/2 Our new opening hours <from December> are online.', '2/2 Read more: https://example.org/hours'];
    expect(matchThread(tweets, thread)).toEqual(['1860000000000000400', '1860000000000000410']);
    expect(matchThread(tweets, [thread[0], 'a third text'])).toEqual(['1860000000000000400']);
    expect(matchThread(tweets, ['Next Monday, 9:00 & onwards.'], '1860000000000000300')).toEqual(['1860000000000000500']);
    expect(matchThread(tweets, ['Next Monday, 9:00 & onwards.'])).toEqual([]);
    expect(matchThread(tweets, ['never posted'])).toEqual([]);
  });

  it('formats times the way X takes them', () => {
    expect(xTime(new Date('2026-11-29T10:11:12.345Z'))).toBe('2026-11-29T10:11:12Z');
  });
});
