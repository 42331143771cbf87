import { describe, expect, it } from 'vitest';
import { addAttachment, attachmentInputs, itemsOf, kindKey, opensInBrowser, precheckAttachment, removeAttachment, type AttachmentItem } from './attachments';

const enc = (s: string) => new TextEncoder().encode(s);
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
const MB = 1024 * 1024;

describe('precheckAttachment', () => {
  it('takes a PDF up to 20 MB and refuses what is larger', () => {
    expect(precheckAttachment(enc('%PDF-1.7\n%âãÏÓ'), 1000)).toEqual({ ok: true, type: { mimeType: 'application/pdf', kind: 'document' } });
    expect(precheckAttachment(enc('%PDF-1.4 ........'), 20 * MB)).toMatchObject({ ok: true });
    expect(precheckAttachment(enc('%PDF-1.4 ........'), 20 * MB + 1)).toEqual({ ok: false, reason: 'size', maxBytes: 20 * MB });
  });

  it('takes images with their own limit', () => {
    expect(precheckAttachment(png, 8 * MB)).toEqual({ ok: true, type: { mimeType: 'image/png', kind: 'image' } });
    expect(precheckAttachment(png, 8 * MB + 1)).toEqual({ ok: false, reason: 'size', maxBytes: 8 * MB });
  });

  it('refuses Word files, HTML and empty files whatever their name says', () => {
    expect(precheckAttachment(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 100)).toEqual({ ok: false, reason: 'type' });
    expect(precheckAttachment(enc('PK\u0003\u0004 word/document.xml'), 100)).toEqual({ ok: false, reason: 'type' });
    expect(precheckAttachment(enc('<!DOCTYPE html>'), 100)).toEqual({ ok: false, reason: 'type' });
    expect(precheckAttachment(new Uint8Array(0), 0)).toEqual({ ok: false, reason: 'type' });
  });
});

describe('the list of attachments', () => {
  const a: AttachmentItem = { mediaId: 'a', name: 'Plan.pdf', kind: 'document', size: 1200 };
  const b: AttachmentItem = { mediaId: 'b', name: 'Foto.png', kind: 'image', size: 300 };

  it('adds at the end, never the same file twice, and removes by id', () => {
    expect(addAttachment([a], b)).toEqual([a, b]);
    expect(addAttachment([a, b], { ...a, name: 'Anders.pdf' })).toEqual([a, b]);
    expect(removeAttachment([a, b], 'a')).toEqual([b]);
    expect(removeAttachment([a, b], 'x')).toEqual([a, b]);
  });

  it('sends only id and name, in order, and comes back from a saved brief', () => {
    expect(attachmentInputs([b, a])).toEqual([{ mediaId: 'b', name: 'Foto.png' }, { mediaId: 'a', name: 'Plan.pdf' }]);
    expect(itemsOf([{ mediaId: 'a', name: 'Plan.pdf', kind: 'document', mimeType: 'application/pdf', size: 1200 }])).toEqual([a]);
  });

  it('opens images and video in the browser, downloads documents', () => {
    expect(opensInBrowser('image')).toBe(true);
    expect(opensInBrowser('gif')).toBe(true);
    expect(opensInBrowser('video')).toBe(true);
    expect(opensInBrowser('document')).toBe(false);
    expect(opensInBrowser(null)).toBe(false);
    expect(kindKey(null)).toBe('other');
    expect(kindKey('document')).toBe('document');
  });
});
