import { describe, expect, it } from 'vitest';
import request from '../../../test/fixtures/linkedin/post-create-request.json';
import { fromLittleText, sameCommentary, toLittleText } from './linkedin.little-text';

describe('linkedin little text', () => {
  it('escapes reserved characters and writes hashtags as templates, as in the recorded request', () => {
    expect(toLittleText('Our new opening hours are online (from 1 December) #service')).toBe(request.commentary);
    expect(toLittleText('a_b *c* ~d~ [e] {f} <g> | h @i \\ j')).toBe('a\\_b \\*c\\* \\~d\\~ \\[e\\] \\{f\\} \\<g\\> \\| h \\@i \\\\ j');
    expect(toLittleText('#één and C# and https://x.org/#top')).toBe('{hashtag|\\#|één} and C\\# and https://x.org/\\#top');
  });

  it('reads little text back to the plain text, mentions included', () => {
    for (const s of ['Our new opening hours (from 1 December) #service', 'a_b *c* [e] {f} <g> | h @i \\ j', '#één and C# 100%']) {
      expect(fromLittleText(toLittleText(s))).toBe(s);
    }
    expect(fromLittleText('Thanks @[Gemeente Voorbeeld](urn:li:organization:2414183)!')).toBe('Thanks Gemeente Voorbeeld!');
    expect(sameCommentary(request.commentary, 'Our new opening hours are online  (from 1 December) #service\n')).toBe(true);
    expect(sameCommentary(request.commentary, 'Our new opening hours')).toBe(false);
  });
});
