import { describe, expect, it } from 'vitest';
import { buildSrcdoc, frameCsp, hasRemoteImages } from './emailFrame';

describe('frameCsp', () => {
  it('allows only inline styles and data: images, and https images when asked', () => {
    expect(frameCsp(false)).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(frameCsp(true)).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data: https:");
  });
});

describe('buildSrcdoc', () => {
  it('starts with the CSP meta, before the body', () => {
    const doc = buildSrcdoc('<p>Hallo</p>', false);
    expect(doc.startsWith(`<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${frameCsp(false)}">`)).toBe(true);
    expect(doc.indexOf('Content-Security-Policy')).toBeLessThan(doc.indexOf('<body>'));
    expect(doc.endsWith('<body><p>Hallo</p></body></html>')).toBe(true);
  });

  it('puts the remote-image policy in when images are shown', () => {
    expect(buildSrcdoc('', true)).toContain(`content="${frameCsp(true)}"`);
    expect(buildSrcdoc('', false)).not.toContain('https:');
  });
});

describe('hasRemoteImages', () => {
  it('sees img src, CSS url() and srcset on the internet', () => {
    expect(hasRemoteImages('<img src="https://t.example/p.gif">')).toBe(true);
    expect(hasRemoteImages("<img alt=x src='http://t.example/p.gif'>")).toBe(true);
    expect(hasRemoteImages('<img src=//t.example/p.gif>')).toBe(true);
    expect(hasRemoteImages('<div style="background:url( \'https://t.example/b.png\')">')).toBe(true);
    expect(hasRemoteImages('<img srcset="https://t.example/a.png 2x">')).toBe(true);
    expect(hasRemoteImages('<table background=https://t.example/bg.png>')).toBe(true);
    expect(hasRemoteImages('<video poster="//t.example/p.jpg"></video>')).toBe(true);
  });

  it('ignores inline images and links', () => {
    expect(hasRemoteImages('<img src="data:image/png;base64,AAAA">')).toBe(false);
    expect(hasRemoteImages('<a href="https://gemeente.nl">site</a>')).toBe(false);
    expect(hasRemoteImages('')).toBe(false);
  });
});
