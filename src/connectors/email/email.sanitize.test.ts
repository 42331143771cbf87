import { describe, expect, it } from 'vitest';
import { imageSource, safeLink, sanitizeEmailHtml as clean } from './email.sanitize';
import { cleanStyle } from './email.style';

const KEPT = new Set(
  ('a abbr address article aside b bdi bdo big blockquote br caption center cite code col colgroup dd del details ' +
    'dfn div dl dt em figcaption figure font footer h1 h2 h3 h4 h5 h6 header hr i img ins kbd li main mark nav ol ' +
    'p pre q s samp section small span strike strong sub summary sup table tbody td tfoot th thead time tr tt u ul var wbr').split(' '),
);

/** The invariants every output must keep, whatever the input. */
function expectSafe(out: string) {
  expect(out).not.toMatch(/<script|<style|<iframe|<object|<embed|<svg|<form|<!--/i);
  expect(out).not.toMatch(/\son[a-z]+\s*=/i);
  expect(out).not.toMatch(/javascript:|vbscript:/i);
  expect(out).not.toMatch(/\ssrc="https?:/i);
  for (const m of out.matchAll(/<\/?([^\s>/]+)/g)) expect(KEPT.has(m[1]!), `tag ${m[1]}`).toBe(true);
}

describe('sanitizeEmailHtml', () => {
  it('drops scripts with their content, in any case and any nesting trick', () => {
    expect(clean('<p>Hoi<script>alert(1)</script></p>')).toBe('<p>Hoi</p>');
    expect(clean('<SCRIPT type="text/javascript">x()</SCRIPT>ok')).toBe('ok');
    expect(clean('<scr<script>x</script>ipt>alert(1)</script>')).toBe('xipt&gt;alert(1)');
    expect(clean('<script>never closed')).toBe('');
    expect(clean('<p>a</p><script>document.write("</p>")</script>b')).toBe('<p>a</p>b');
  });

  it('drops styles, frames, forms, svg and comments (conditional comments too)', () => {
    const html = '<style>body{background:url(http://t/x)}</style><iframe src="http://e"></iframe><form action="http://x"><input name=a></form>' +
      '<svg><script>x</script><a href="javascript:1">s</a></svg><!--[if mso]><img src="http://t"><![endif]--><p>rest</p>';
    expect(clean(html)).toBe('<p>rest</p>');
  });

  it('removes event handlers and disallowed attributes, keeps the harmless ones', () => {
    expect(clean('<div onclick="x()" onmouseover=y class="c" id="i" title="t">a</div>')).toBe('<div title="t">a</div>');
    expect(clean('<img src=x onerror=alert(1)>')).toBe('<img>');
    expect(clean('<td colspan="2" background="http://t/bg.png" bgcolor="#fff">x</td>')).toBe('<td colspan="2" bgcolor="#fff">x</td>');
  });

  it('keeps only http(s), mailto and tel links, opened safely', () => {
    expect(clean('<a href="https://gemeente.nl/x?a=1&amp;b=2">x</a>')).toBe(
      '<a href="https://gemeente.nl/x?a=1&amp;b=2" target="_blank" rel="noopener noreferrer nofollow">x</a>',
    );
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:x', 'jav&#x61;script:x', 'java\tscript:x', ' javascript:x', 'data:text/html,<b>', 'vbscript:x', 'jav&#97script:x', 'java&Tab;script:x']) {
      expect(clean(`<a href="${bad}">x</a>`), bad).toBe('<a>x</a>');
    }
    expect(safeLink('mailto:info@gemeente.nl')).toBe('mailto:info@gemeente.nl');
    expect(safeLink('tel:+31201234567')).toBe('tel:+31201234567');
    expect(safeLink('/relative')).toBeNull();
  });

  it('does not load remote images: src becomes data-src; inline images stay', () => {
    expect(clean('<img src="http://tracker.example/p.gif" alt="logo">')).toBe('<img data-src="http://tracker.example/p.gif" alt="logo">');
    expect(clean('<img src="//cdn.example/a.png">')).toBe('<img data-src="https://cdn.example/a.png">');
    expect(clean('<img src="cid:logo@gemeente">')).toBe('<img src="cid:logo@gemeente">');
    expect(clean('<img src="data:image/png;base64,iVBORw0KGgo=">')).toBe('<img src="data:image/png;base64,iVBORw0KGgo=">');
    expect(clean('<img src="data:image/svg+xml;base64,PHN2Zz4=">')).toBe('<img>');
    expect(clean('<img srcset="http://t/a.png 2x" src="http://t/b.png">')).toBe('<img data-src="http://t/b.png">');
    expect(imageSource('file:///etc/passwd')).toBeNull();
  });

  it('keeps presentational inline styles without anything that loads or runs', () => {
    expect(clean('<p style="color: red; background-image: url(http://t/x); position: fixed; font-weight: bold">x</p>')).toBe(
      '<p style="color: red; font-weight: bold">x</p>',
    );
    expect(cleanStyle('width: expression(alert(1)); color: blue')).toBe('color: blue');
    expect(cleanStyle('background: u\\72l(http://t)')).toBe('');
    expect(cleanStyle('color: red /* x */')).toBe('');
  });

  it('escapes text, keeps character references, and writes quoted attributes', () => {
    expect(clean('a < b & c > d')).toBe('a &lt; b &amp; c &gt; d');
    expect(clean('&lt;script&gt; &amp; &#169; &eacute;')).toBe('&lt;script&gt; &amp; &#169; &eacute;');
    expect(clean('<span title=\'"><script>x</script>\'>t</span>')).toBe('<span title="&quot;&gt;&lt;script&gt;x&lt;/script&gt;">t</span>');
    expect(clean('<a title="x>y" href="https://a.nl">z</a>')).toContain('title="x&gt;y"');
  });

  it('drops unknown elements but keeps their text, balances what it keeps, and drops the head', () => {
    expect(clean('<html><head><title>T</title><meta charset="utf-8"><style>p{}</style></head><body><p>Hi<o:p></o:p></p></body></html>')).toBe('<p>Hi</p>');
    expect(clean('<div><b>bold<i>both</div>after')).toBe('<div><b>bold<i>both</i></b></div>after');
    expect(clean('</div></span>text')).toBe('text');
    expect(clean('<head><style>x</style><body><p>no end of head</p>')).toBe('<p>no end of head</p>');
    expect(clean('<table><tr><td>1</td></tr></table>')).toBe('<table><tr><td>1</td></tr></table>');
  });

  it('holds its invariants for mixed hostile input', () => {
    const pieces = [
      '<script>a</script>', '<img src="http://x/y" onerror="z">', '<a href="javascript:q">l</a>', '<p style="x:url(y)">', '</p>',
      '<svg onload=1>', '<!-- c -->', '<iframe srcdoc="<script>">', '"\'>', '<', '&', '<a href=https://ok.nl onclick=1>o</a>',
      '<style>', '</style>', '<object data=x>', '<b>', '<img src=cid:a>', '<math><mi>x</mi></math>', '<textarea></textarea><script>',
      '<div title="a" title="b">', '<IMG SRC="jav&#x09;ascript:alert(1)">', '<a href="&#106;avascript:1">', '<base href="http://x">', '<meta http-equiv=refresh content="0;url=http://x">',
    ];
    for (let n = 0; n < 400; n++) {
      let html = '';
      for (let k = 0; k < 6; k++) html += pieces[(n * 7 + k * 13 + ((n * k) % 5)) % pieces.length];
      expectSafe(clean(html));
    }
  });
});

describe('sanitizeEmailHtml on large input', () => {
  it('stays linear: many dropped elements in a large message', () => {
    const html = '<p>x</p><svg><g></g></svg><script>y</script><style>z</style>'.repeat(20_000);
    const t = Date.now();
    expect(clean(html)).toBe('<p>x</p>'.repeat(20_000));
    expect(Date.now() - t).toBeLessThan(3_000);
  });

  it('flattens absurd nesting instead of tracking it', () => {
    const deep = '<div>'.repeat(100_000) + 'x' + '</span>'.repeat(100_000);
    const t = Date.now();
    const out = clean(deep);
    expect(Date.now() - t).toBeLessThan(3_000);
    expect(out).toBe('<div>'.repeat(200) + 'x' + '</div>'.repeat(200));
  });
});
