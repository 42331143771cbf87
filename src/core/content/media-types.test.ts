import { describe, expect, it } from 'vitest';
import { asciiFileName, cleanFileName, isPostMediaKind, kindOfMimeType, MEDIA_MAX_ANY_BYTES, MEDIA_MAX_BYTES, sniffMediaType } from './media-types';

const bytes = (...parts: Array<number[] | string>) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
const box = (brand: string) => bytes([0, 0, 0, 0x20], 'ftyp', brand, [0, 0, 0, 0]);

describe('sniffMediaType', () => {
  it('recognises the six allowed types by their first bytes', () => {
    expect(sniffMediaType(bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'))).toEqual({ mimeType: 'image/jpeg', kind: 'image' });
    expect(sniffMediaType(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], 'IHDR'))).toEqual({ mimeType: 'image/png', kind: 'image' });
    expect(sniffMediaType(bytes('GIF89a', [1, 0, 1, 0]))).toEqual({ mimeType: 'image/gif', kind: 'gif' });
    expect(sniffMediaType(bytes('GIF87a'))).toEqual({ mimeType: 'image/gif', kind: 'gif' });
    expect(sniffMediaType(bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '))).toEqual({ mimeType: 'image/webp', kind: 'image' });
    expect(sniffMediaType(box('isom'))).toEqual({ mimeType: 'video/mp4', kind: 'video' });
    expect(sniffMediaType(box('mp42'))).toEqual({ mimeType: 'video/mp4', kind: 'video' });
    expect(sniffMediaType(bytes('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n'))).toEqual({ mimeType: 'application/pdf', kind: 'document' });
    expect(sniffMediaType(bytes('%PDF-'))).toEqual({ mimeType: 'application/pdf', kind: 'document' });
  });

  it('takes a PDF only when %PDF- opens the file', () => {
    expect(sniffMediaType(bytes('%PDF'))).toBeNull();
    expect(sniffMediaType(bytes('%pdf-1.7 ..........'))).toBeNull();
    expect(sniffMediaType(bytes(' %PDF-1.7 .........'))).toBeNull();
    expect(sniffMediaType(bytes('%!PS-Adobe-3.0 ....'))).toBeNull();
  });

  it('refuses SVG, HTML, text, look-alikes and files too short to tell', () => {
    expect(sniffMediaType(bytes('<svg xmlns="http://www.w3.org/2000/svg">'))).toBeNull();
    expect(sniffMediaType(bytes('<?xml version="1.0"?><svg>'))).toBeNull();
    expect(sniffMediaType(bytes('<!DOCTYPE html><html>'))).toBeNull();
    expect(sniffMediaType(bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '))).toBeNull();
    expect(sniffMediaType(box('qt  '))).toBeNull();
    expect(sniffMediaType(box('heic'))).toBeNull();
    expect(sniffMediaType(box('avif'))).toBeNull();
    expect(sniffMediaType(bytes([0x89], 'PNG'))).toBeNull();
    expect(sniffMediaType(bytes([0xff, 0xd8]))).toBeNull();
    expect(sniffMediaType(new Uint8Array(0))).toBeNull();
  });
});

describe('limits and kinds', () => {
  it('allows 8 MB per image or GIF, 50 MB per video and 20 MB per PDF document', () => {
    expect(MEDIA_MAX_BYTES).toEqual({ image: 8_388_608, gif: 8_388_608, video: 52_428_800, document: 20_971_520 });
    expect(MEDIA_MAX_ANY_BYTES).toBe(52_428_800);
  });

  it('maps stored MIME types back to their kind', () => {
    expect(kindOfMimeType('image/webp')).toBe('image');
    expect(kindOfMimeType('image/gif')).toBe('gif');
    expect(kindOfMimeType('video/mp4')).toBe('video');
    expect(kindOfMimeType('application/pdf')).toBe('document');
    expect(kindOfMimeType('image/svg+xml')).toBeNull();
    expect(kindOfMimeType('application/msword')).toBeNull();
  });

  it('lets posts carry images, GIFs and video, never documents', () => {
    expect(isPostMediaKind('image')).toBe(true);
    expect(isPostMediaKind('gif')).toBe(true);
    expect(isPostMediaKind('video')).toBe(true);
    expect(isPostMediaKind('document')).toBe(false);
    expect(isPostMediaKind(null)).toBe(false);
    expect(isPostMediaKind(undefined)).toBe(false);
  });
});

describe('file names', () => {
  it('keeps the last path segment without control characters, quotes or backslashes', () => {
    expect(cleanFileName('C:\\Users\\els\\Foto "stadhuis".jpg')).toBe('Foto stadhuis.jpg');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('a\r\nb\u0000c.png')).toBe('abc.png');
    expect(cleanFileName('  markt   plein.png ')).toBe('markt plein.png');
    expect(cleanFileName('Één café.png')).toBe('Één café.png');
  });

  it('falls back when nothing usable is left, and cuts long names at 200 characters', () => {
    expect(cleanFileName('')).toBe('upload');
    expect(cleanFileName(null)).toBe('upload');
    expect(cleanFileName('..')).toBe('upload');
    expect(cleanFileName('dir/')).toBe('upload');
    expect([...cleanFileName('x'.repeat(500))]).toHaveLength(200);
  });

  it('makes an ASCII stand-in for headers', () => {
    expect(asciiFileName('Één café.png')).toBe('__n caf_.png');
    expect(asciiFileName('a;b=c.png')).toBe('a_b_c.png');
    expect(asciiFileName('...')).toBe('upload');
  });
});
