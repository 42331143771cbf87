import { describe, expect, it } from 'vitest';
import type { OutboundMedia, OutboundVariant } from '../types';
import { mastodonConnector } from './mastodon.connector';

const img = (over: Partial<OutboundMedia> = {}): OutboundMedia => ({ kind: 'image', mimeType: 'image/png', bytes: new Uint8Array(10), altText: 'Een foto', ...over });
const codes = (v: OutboundVariant) => mastodonConnector.validate(v).map((f) => f.code);
const one = (part: OutboundVariant['parts'][number], over: Partial<OutboundVariant> = {}): OutboundVariant => ({ idempotencyKey: 'k', parts: [part], ...over });

describe('Mastodon validate', () => {
  it('accepts a thread with images, alt text and a poll', () => {
    const v: OutboundVariant = { idempotencyKey: 'k', parts: [{ text: 'Deel 1', media: [img(), img()] }, { text: 'Wat vindt u?', poll: { options: ['Ja', 'Nee'], durationSeconds: 86_400 } }] };
    expect(mastodonConnector.validate(v)).toEqual([]);
  });

  it('counts a long URL as 23 characters, so 500 characters with a long link still fit', () => {
    const text = `${'a'.repeat(476)} https://example.com/${'p'.repeat(300)}`;
    expect(codes(one({ text }))).toEqual([]);
    expect(codes(one({ text: 'a'.repeat(501) }))).toEqual(['text_too_long']);
    expect(codes(one({ text: 'a'.repeat(480), link: { url: 'https://example.com/plan' } }))).toEqual(['text_too_long']);
  });

  it('refuses a poll together with media, and a video with other media', () => {
    expect(codes(one({ text: 'x', media: [img()], poll: { options: ['a', 'b'], durationSeconds: 600 } }))).toContain('poll_with_media');
    expect(codes(one({ text: 'x', media: [img(), img({ kind: 'video', mimeType: 'video/mp4' })] }))).toContain('video_not_alone');
    expect(codes(one({ text: 'x', media: [img(), img({ kind: 'gif', mimeType: 'image/gif' })] }))).toEqual([]);
  });

  it('applies Mastodon poll limits: 2–4 options of at most 50 characters, 5 minutes to about a month', () => {
    expect(codes(one({ text: 'x', poll: { options: ['a', 'b', 'c', 'd', 'e'], durationSeconds: 600 } }))).toContain('poll_options');
    expect(codes(one({ text: 'x', poll: { options: ['a', 'b'.repeat(51)], durationSeconds: 600 } }))).toContain('poll_option_too_long');
    expect(codes(one({ text: 'x', poll: { options: ['a', 'b'], durationSeconds: 299 } }))).toContain('poll_duration');
    expect(codes(one({ text: 'x', poll: { options: ['a', 'b'], durationSeconds: 2_629_747 } }))).toContain('poll_duration');
    expect(codes(one({ text: 'x', poll: { options: ['Ja', 'Ja '], durationSeconds: 600 } }))).toEqual(['poll_option_duplicate']);
    expect(codes(one({ text: 'x', poll: { options: ['Ja', ' '], durationSeconds: 600 } }))).toEqual(['poll_option_empty']);
  });

  it('applies media limits: 4 per post, alt text up to 1500, known types; warns on missing alt text', () => {
    expect(codes(one({ text: 'x', media: [img(), img(), img(), img(), img()] }))).toContain('too_many_media');
    expect(codes(one({ text: 'x', media: [img({ altText: 'a'.repeat(1501) })] }))).toContain('alt_text_too_long');
    expect(codes(one({ text: 'x', media: [img({ mimeType: 'image/bmp' })] }))).toContain('media_type_unsupported');
    expect(mastodonConnector.validate(one({ text: 'x', media: [img({ altText: '' })] }))).toEqual([expect.objectContaining({ code: 'alt_text_missing', severity: 'warning' })]);
  });

  it('has no first comment and no control over link cards', () => {
    expect(codes(one({ text: 'x' }, { firstComment: 'eerste' }))).toContain('first_comment_unsupported');
    expect(mastodonConnector.validate(one({ text: 'x', link: { url: 'https://example.com', title: 'Titel' } }))).toEqual([expect.objectContaining({ code: 'link_card_by_instance', severity: 'warning' })]);
  });
});
