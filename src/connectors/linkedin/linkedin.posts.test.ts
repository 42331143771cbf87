import { describe, expect, it } from 'vitest';
import request from '../../../test/fixtures/linkedin/post-create-request.json';
import posts from '../../../test/fixtures/linkedin/posts-by-author.json';
import { linkedinConnector } from './linkedin.connector';
import type { LinkedInPost } from './linkedin.map';
import { matchPost, postBody, postContent } from './linkedin.posts';
import { restliEncode, restliList, restliQuery } from './linkedin.http';

const org = 'urn:li:organization:2414183';

describe('linkedin posts', () => {
  it('builds the request body of the recorded article post', () => {
    const part = { text: 'Our new opening hours are online (from 1 December) #service', link: { url: 'https://www.voorbeeld.nl/openingstijden', title: 'Openingstijden', description: 'Wanneer we open zijn' } };
    const { _source, ...want } = request;
    expect(postBody(org, part, postContent(part, []))).toEqual(want);
  });

  it('uses media for one image, multiImage for more, alt text kept', () => {
    expect(postContent({ text: '' }, [{ id: 'urn:li:image:1', altText: 'a map' }])).toEqual({ media: { id: 'urn:li:image:1', altText: 'a map' } });
    expect(postContent({ text: '' }, [{ id: 'urn:li:image:1' }, { id: 'urn:li:image:2', altText: ' ' }])).toEqual({ multiImage: { images: [{ id: 'urn:li:image:1' }, { id: 'urn:li:image:2' }] } });
    expect(postContent({ text: '' }, [])).toBeUndefined();
  });

  it('finds an earlier post by its commentary inside the window only', () => {
    const list = posts.elements as LinkedInPost[];
    const text = 'Our new opening hours are online (from 1 December) #service';
    expect(matchPost(list, text, new Date(1764316800000 - 1000))?.id).toBe('urn:li:share:7400000000000000001');
    expect(matchPost(list, text, new Date(1764316800000 + 1000))).toBeUndefined();
    expect(matchPost(list, 'something else', new Date(0))).toBeUndefined();
  });

  it('encodes URNs the Rest.li 2.0 way', () => {
    expect(restliEncode('urn:li:comment:(urn:li:activity:1,2)')).toBe('urn%3Ali%3Acomment%3A%28urn%3Ali%3Aactivity%3A1%2C2%29');
    expect(restliList(['urn:li:share:1', 'urn:li:share:2'])).toBe('List(urn%3Ali%3Ashare%3A1,urn%3Ali%3Ashare%3A2)');
    expect(restliQuery({ q: 'author', author: org, count: 5, skip: undefined }, { shares: 'List(a)' })).toBe('q=author&author=urn%3Ali%3Aorganization%3A2414183&count=5&shares=List(a)');
  });

  it('validates: 3000 UTF-16 units, up to 20 images, images or a link, no threads or first comment', () => {
    const codes = (v: Parameters<typeof linkedinConnector.validate>[0]) => linkedinConnector.validate(v).map((f) => f.code);
    const img = { kind: 'image' as const, mimeType: 'image/png', bytes: new Uint8Array(4), altText: 'x' };
    expect(codes({ idempotencyKey: 'k', parts: [{ text: '😀'.repeat(1500) }] })).toEqual([]);
    expect(codes({ idempotencyKey: 'k', parts: [{ text: '😀'.repeat(1501) }] })).toContain('text_too_long');
    expect(codes({ idempotencyKey: 'k', parts: [{ text: 'x', media: Array(21).fill(img) }] })).toContain('too_many_media');
    expect(codes({ idempotencyKey: 'k', parts: [{ text: 'x', media: [img], link: { url: 'https://a.nl' } }] })).toContain('linkedin_link_and_media');
    expect(codes({ idempotencyKey: 'k', parts: [{ text: 'x' }, { text: 'y' }] })).toContain('threads_unsupported');
    expect(codes({ idempotencyKey: 'k', parts: [{ text: 'x' }], firstComment: 'y' })).toContain('first_comment_unsupported');
    expect(codes({ idempotencyKey: 'k', parts: [{ text: 'x', link: { url: 'javascript:alert(1)' } }] })).toContain('linkedin_link_url');
  });
});
