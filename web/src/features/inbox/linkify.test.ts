import { describe, expect, it } from 'vitest';
import { linkify, safeHttpUrl, splitMentions } from './linkify';

const join = (segs: { value: string }[]) => segs.map((s) => s.value).join('');

describe('linkify', () => {
  it('leaves plain text alone', () => {
    expect(linkify('Hallo <b>daar</b>')).toEqual([{ type: 'text', value: 'Hallo <b>daar</b>' }]);
    expect(linkify('')).toEqual([]);
  });

  it('links http and https URLs and keeps sentence punctuation outside', () => {
    const text = 'Zie https://gemeente.nl/afval. En (http://x.nl/a?b=1)!';
    const segs = linkify(text);
    expect(segs).toEqual([
      { type: 'text', value: 'Zie ' },
      { type: 'link', value: 'https://gemeente.nl/afval', href: 'https://gemeente.nl/afval' },
      { type: 'text', value: '. En (' },
      { type: 'link', value: 'http://x.nl/a?b=1', href: 'http://x.nl/a?b=1' },
      { type: 'text', value: ')!' },
    ]);
    expect(join(segs)).toBe(text);
  });

  it('never links other schemes', () => {
    const text = 'javascript:alert(1) data:text/html,<script> ftp://x.nl mailto:a@b.nl';
    expect(linkify(text)).toEqual([{ type: 'text', value: text }]);
  });

  it('does not link a bare scheme or a quote-broken URL beyond the quote', () => {
    expect(linkify('https:// niets')).toEqual([{ type: 'text', value: 'https:// niets' }]);
    const segs = linkify('"https://a.nl"onmouseover="x"');
    expect(segs[1]).toEqual({ type: 'link', value: 'https://a.nl', href: 'https://a.nl' });
    expect(join(segs)).toBe('"https://a.nl"onmouseover="x"');
  });
});

describe('safeHttpUrl', () => {
  it('accepts only http(s) URLs', () => {
    expect(safeHttpUrl(' https://x.nl/p ')).toBe('https://x.nl/p');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('//evil.example')).toBeNull();
    expect(safeHttpUrl(null)).toBeNull();
  });
});

describe('splitMentions', () => {
  const names = ['Anna', 'Anna de Vries', 'Mark Peters'];

  it('marks the longest known name after an @', () => {
    expect(splitMentions('@Anna de Vries kun jij @Mark Peters bellen?', names)).toEqual([
      { type: 'mention', value: '@Anna de Vries' },
      { type: 'text', value: ' kun jij ' },
      { type: 'mention', value: '@Mark Peters' },
      { type: 'text', value: ' bellen?' },
    ]);
  });

  it('does not mark a name that continues into a longer word, or an unknown name', () => {
    expect(splitMentions('@Annabel en @Piet', names)).toEqual([{ type: 'text', value: '@Annabel en @Piet' }]);
    expect(splitMentions('mail@Anna', names)).toEqual([
      { type: 'text', value: 'mail' },
      { type: 'mention', value: '@Anna' },
    ]);
  });
});
