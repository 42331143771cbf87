import { describe, expect, it } from 'vitest';
import type { OutboundMedia } from '../types';
import { composeXText, validateX } from './x.validate';

const img: OutboundMedia = { kind: 'image', mimeType: 'image/png', bytes: new Uint8Array(10), altText: 'a chart' };
const video: OutboundMedia = { kind: 'video', mimeType: 'video/mp4', bytes: new Uint8Array(10) };
const codes = (v: Parameters<typeof validateX>[0]) => validateX(v).map((f) => f.code);

describe('x validation', () => {
  it('counts weighted: a URL is 23, CJK and emoji count 2', () => {
    expect(codes({ idempotencyKey: 'k', parts: [{ text: `${'a'.repeat(256)} https://example.org/${'x'.repeat(200)}` }] })).toEqual([]);
    expect(codes({ idempotencyKey: 'k', parts: [{ text: '漢'.repeat(141) }] })).toContain('text_too_long');
    expect(codes({ idempotencyKey: 'k', parts: [{ text: '漢'.repeat(140) }] })).toEqual([]);
  });

  it('appends a link that is not in the text, and counts it', () => {
    expect(composeXText({ text: 'Read this', link: { url: 'https://example.org' } })).toBe('Read this\n\nhttps://example.org');
    expect(composeXText({ text: 'Read https://example.org now', link: { url: 'https://example.org' } })).toBe('Read https://example.org now');
    const f = validateX({ idempotencyKey: 'k', parts: [{ text: 'a'.repeat(260), link: { url: 'https://example.org' } }] });
    expect(f.map((x) => x.code)).toContain('text_too_long');
    expect(f[0].span).toEqual([0, 260]);
  });

  it('takes 4 images or 1 video, not a mix; a poll or media, not both; no first comment', () => {
    expect(codes({ idempotencyKey: 'k', parts: [{ text: 'x', media: [img, img, img, img] }] })).toEqual([]);
    expect(codes({ idempotencyKey: 'k', parts: [{ text: 'x', media: [img, img, img, img, img] }] })).toContain('too_many_media');
    expect(codes({ idempotencyKey: 'k', parts: [{ text: 'x', media: [img, video] }] })).toContain('x_media_mix');
    const poll = { options: ['yes', 'no'], durationSeconds: 3600 };
    expect(codes({ idempotencyKey: 'k', parts: [{ text: 'x', poll }] })).toEqual([]);
    expect(codes({ idempotencyKey: 'k', parts: [{ text: 'x', poll, media: [img] }] })).toContain('x_poll_with_media');
    expect(codes({ idempotencyKey: 'k', parts: [{ text: 'x' }], firstComment: 'more' })).toContain('first_comment_unsupported');
  });

  it('polls: 2–4 options of 25, 5 minutes to 7 days', () => {
    const p = (options: string[], durationSeconds: number) => codes({ idempotencyKey: 'k', parts: [{ text: 'q', poll: { options, durationSeconds } }] });
    expect(p(['a'], 3600)).toContain('poll_options');
    expect(p(['a', 'b', 'c', 'd', 'e'], 3600)).toContain('poll_options');
    expect(p(['a'.repeat(26), 'b'], 3600)).toContain('poll_option_too_long');
    expect(p(['a', 'b'], 240)).toContain('poll_duration');
    expect(p(['a', 'b'], 10_081 * 60)).toContain('poll_duration');
    expect(p(['a', 'b'], 10_080 * 60)).toEqual([]);
    expect(p(['a', 'b'], 3601)).toEqual(['x_poll_minutes']);
  });
});
