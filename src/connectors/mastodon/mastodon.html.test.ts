import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText } from './mastodon.html';

describe('Mastodon HTML to text', () => {
  it('turns paragraphs into blank lines and <br> into line breaks', () => {
    expect(htmlToText('<p>Eerste</p><p>regel een<br />regel twee<br>drie</p>')).toBe('Eerste\n\nregel een\nregel twee\ndrie');
  });

  it('keeps a shortened link whole (Mastodon hides parts in invisible spans)', () => {
    const html = '<p>zie <a href="https://x.example/a/b" rel="nofollow"><span class="invisible">https://</span><span class="ellipsis">x.example/a</span><span class="invisible">/b</span></a></p>';
    expect(htmlToText(html)).toBe('zie https://x.example/a/b');
  });

  it('keeps mentions and hashtags as their text', () => {
    expect(htmlToText('<p><span class="h-card"><a href="https://s.example/@me" class="u-url mention">@<span>me</span></a></span> hoi <a href="https://s.example/tags/wijk" class="mention hashtag" rel="tag">#<span>wijk</span></a></p>')).toBe('@me hoi #wijk');
  });

  it('decodes entities once: escaped markup stays text and is never turned into tags', () => {
    expect(htmlToText('<p>a &amp; b &lt;script&gt;alert(1)&lt;/script&gt; &#128512; &#x27;x&#x27;</p>')).toBe("a & b <script>alert(1)</script> 😀 'x'");
    expect(decodeEntities('&amp;lt;')).toBe('&lt;');
    expect(decodeEntities('&#0; &#xD800; &unknown;')).toBe('\ufffd \ufffd &unknown;');
  });

  it('drops tags, scripts, styles, comments and attributes, also with > inside quoted attributes', () => {
    expect(htmlToText('<p title="a > b" onclick=\'x("<p>")\'>tekst</p><script>alert(1)</script><style>p{}</style><!-- <b>x</b> -->')).toBe('tekst');
    expect(htmlToText('a < b and 1<3')).toBe('a < b and 1<3');
  });

  it('drops the backwards-compatible quote paragraph, renders lists as lines', () => {
    expect(htmlToText('<p class="quote-inline">RE: <a href="https://s.example/1">link</a></p><p>mijn reactie</p>')).toBe('mijn reactie');
    expect(htmlToText('<p>Punten:</p><ul><li>een</li><li>twee</li></ul>')).toBe('Punten:\n\n- een\n- twee');
  });

  it('removes control characters and trims', () => {
    expect(htmlToText('  <p>a\u0000b\u0007c</p>  ')).toBe('abc');
    expect(htmlToText('')).toBe('');
  });
});
