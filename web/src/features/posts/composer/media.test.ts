import { describe, expect, it } from 'vitest';
import { contentOf, draftFromContent, emptyDraft } from './draft';
import { formatBytes, moveMedia, needsAltText, precheckFile, removeMedia, setAltText } from './media';
import { fileNameOf } from './mediaApi';

const a = { mediaId: 'a', altText: 'Plein' };
const b = { mediaId: 'b', altText: '' };
const c = { mediaId: 'c', altText: ' ' };
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);

describe('the media list', () => {
  it('moves an item one place up or down, and ignores moves past either end', () => {
    expect(moveMedia([a, b, c], 2, -1).map((m) => m.mediaId)).toEqual(['a', 'c', 'b']);
    expect(moveMedia([a, b, c], 0, 1).map((m) => m.mediaId)).toEqual(['b', 'a', 'c']);
    const list = [a, b, c];
    expect(moveMedia(list, 0, -1)).toBe(list);
    expect(moveMedia(list, 2, 1)).toBe(list);
    expect(moveMedia(list, 5, -1)).toBe(list);
  });

  it('removes by id and sets alt text by id', () => {
    expect(removeMedia([a, b, c], 'b').map((m) => m.mediaId)).toEqual(['a', 'c']);
    expect(setAltText([a, b], 'b', 'Bomen')).toEqual([a, { mediaId: 'b', altText: 'Bomen' }]);
  });

  it('counts an empty or blank description as missing', () => {
    expect([a, b, c].map(needsAltText)).toEqual([false, true, true]);
  });

  it('goes into the content in order, without the local name and kind, and comes back from it', () => {
    const d = { ...emptyDraft(), media: [{ ...b, kind: 'image' as const, fileName: 'b.png' }, a] };
    const content = contentOf(d, { strict: true });
    expect(content.media).toEqual([{ mediaId: 'b', altText: '' }, { mediaId: 'a', altText: 'Plein' }]);
    expect(draftFromContent(content, null, null).media).toEqual([{ mediaId: 'b', altText: '' }, { mediaId: 'a', altText: 'Plein' }]);
  });
});

describe('precheckFile', () => {
  it('takes a PNG up to 8 MB and refuses what is larger', () => {
    expect(precheckFile(png, 1000)).toEqual({ ok: true, type: { mimeType: 'image/png', kind: 'image' } });
    expect(precheckFile(png, 8 * 1024 * 1024)).toMatchObject({ ok: true });
    expect(precheckFile(png, 8 * 1024 * 1024 + 1)).toEqual({ ok: false, reason: 'size', maxBytes: 8 * 1024 * 1024 });
  });

  it('refuses an SVG whatever its name says', () => {
    expect(precheckFile(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg">'), 100)).toEqual({ ok: false, reason: 'type' });
  });

  it('refuses a PDF: documents go on briefs, not on posts', () => {
    expect(precheckFile(new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 1000)).toEqual({ ok: false, reason: 'type' });
  });
});

describe('formatBytes', () => {
  it('writes sizes in the locale', () => {
    expect(formatBytes(2.5 * 1024 * 1024, 'nl')).toBe('2,5 MB');
    expect(formatBytes(850 * 1024, 'en')).toBe('850 kB');
    expect(formatBytes(10, 'en')).toBe('1 kB');
  });
});

describe('fileNameOf', () => {
  it('prefers the UTF-8 name, falls back to the plain one, and is null without a header', () => {
    expect(fileNameOf(`inline; filename="__n caf_.png"; filename*=UTF-8''%C3%89%C3%A9n%20caf%C3%A9.png`)).toBe('Één café.png');
    expect(fileNameOf('inline; filename="markt.png"')).toBe('markt.png');
    expect(fileNameOf(`inline; filename="x.png"; filename*=UTF-8''%E0%A4%A`)).toBe('x.png');
    expect(fileNameOf(null)).toBeNull();
  });
});
