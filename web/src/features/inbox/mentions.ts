/**
 * "@" mentions in an internal note: finding what is being typed after an "@" at the caret, the people that match,
 * and putting the chosen name in its place.
 */

export interface MentionQuery {
  /** Index of the "@". */
  start: number;
  /** What follows the "@" up to the caret. */
  query: string;
}

const MAX_QUERY = 40;

/**
 * The mention being typed at `caret`: an "@" at the start or after whitespace, followed by at most 40 characters
 * without a line break or a second "@". Null when the caret is not in a mention.
 */
export function mentionAt(text: string, caret: number): MentionQuery | null {
  const upto = text.slice(0, Math.max(0, Math.min(caret, text.length)));
  const at = upto.lastIndexOf('@');
  if (at < 0) return null;
  if (at > 0 && !/\s/.test(upto[at - 1])) return null;
  const query = upto.slice(at + 1);
  if (query.length > MAX_QUERY || /[\n\r@]/.test(query) || query.startsWith(' ')) return null;
  return { start: at, query };
}

export interface Mentionable {
  userId: string;
  name: string;
  email: string;
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** People whose name (any word of it, or the whole name) or e-mail starts with the query; at most `limit`. */
export function matchMentions(people: Mentionable[], query: string, limit = 6): Mentionable[] {
  const q = fold(query.trim());
  const hits = people.filter((p) => {
    if (!q) return true;
    const name = fold(p.name);
    return name.startsWith(q) || name.split(/\s+/).some((w) => w.startsWith(q)) || fold(p.email).startsWith(q);
  });
  return hits.slice(0, limit);
}

/** Replaces the mention being typed with "@Full Name " and says where the caret goes. */
export function insertMention(text: string, mention: MentionQuery, name: string): { text: string; caret: number } {
  const end = mention.start + 1 + mention.query.length;
  const inserted = `@${name} `;
  const rest = text.slice(end).replace(/^ /, '');
  return { text: text.slice(0, mention.start) + inserted + rest, caret: mention.start + inserted.length };
}
