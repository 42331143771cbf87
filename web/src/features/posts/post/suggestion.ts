import type { TFunction } from 'i18next';
import type { PostContent, PostDetail, ReviewNote, Suggestion } from '../api';
import type { PostRefs } from '../PostRefs';

/** The text a suggestion would replace: the core message, or one part of one channel's variant. */
export function textAt(content: PostContent, channelId: string | null, part: number): string {
  if (channelId === null) return content.core;
  return content.variants.find((v) => v.channelId === channelId)?.parts[part] ?? '';
}

/** What the suggestion was made against: that text in the version it was written on (else the current one). */
export function suggestionBase(post: PostDetail, note: ReviewNote): string {
  if (!note.suggestion) return '';
  const content = post.versions.find((v) => v.version === note.version)?.content ?? post.content;
  return textAt(content, note.suggestion.channelId, note.suggestion.part);
}

/** "Kernboodschap" or "<channel>, deel 2". */
export function suggestionTarget(t: TFunction, refs: PostRefs, s: Suggestion): string {
  if (s.channelId === null) return t('posts.review.forCore');
  const name = refs.channel(s.channelId)?.name ?? t('posts.channelGone');
  return s.part > 0 ? t('posts.review.forChannelPart', { name, n: s.part + 1 }) : t('posts.review.forChannel', { name });
}
