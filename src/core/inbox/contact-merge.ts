/**
 * Which contacts look like the same person: the same e-mail address, the same handle on different channels, or the
 * same full name. Only suggestions: a person decides, and a merge can be undone with a split. Pure.
 */

export interface ContactFacts {
  id: string;
  name: string;
  email: string | null;
  /** Set when the contact was merged into another: it is never suggested again. */
  mergedInto: string | null;
  identities: ReadonlyArray<{ channelId: string; handle: string | null }>;
}

export type MergeReason = 'same_email' | 'same_handle' | 'same_name';

export interface SuggestedMerge {
  a: { id: string; name: string };
  b: { id: string; name: string };
  reason: MergeReason;
}

const STRENGTH: Record<MergeReason, number> = { same_email: 0, same_handle: 1, same_name: 2 };

/** An e-mail address compared without case and surrounding space; null when it is not one. */
export function emailKey(email: string | null): string | null {
  const e = email?.trim().toLowerCase() ?? '';
  return /^[^\s@]+@[^\s@]+$/.test(e) ? e : null;
}

/** A handle compared without case, surrounding space or a leading '@'; null when nothing is left. */
export function handleKey(handle: string | null): string | null {
  const h = handle?.trim().toLowerCase().replace(/^@+/, '') ?? '';
  return h === '' ? null : h;
}

/**
 * A display name compared without case, accents, punctuation and extra spaces; null unless it has at least two
 * words (a single first name is too common to mean the same person).
 */
export function nameKey(name: string): string | null {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '');
  return words.length >= 2 ? words.join(' ') : null;
}

/**
 * Suggested merges among `contacts`: each pair at most once, with its strongest reason (e-mail, then handle, then
 * name). Merged contacts and a contact paired with itself are never suggested; a handle counts only when the two
 * carry it on different channels. Within a group of look-alikes every contact is paired with the group's first id
 * (the oldest, for time-ordered ids; for a handle, the first that has it on another channel), so a group of n gives
 * at most n − 1 pairs, never n². In each pair `a.id < b.id`. Ordered by reason, then a.id, then b.id; at most
 * `limit` pairs.
 */
export function suggestMerges(contacts: readonly ContactFacts[], limit = 100): SuggestedMerge[] {
  const live = new Map<string, ContactFacts>();
  for (const c of contacts) if (c.mergedInto === null && !live.has(c.id)) live.set(c.id, c);

  const byEmail = new Map<string, string[]>();
  const byName = new Map<string, string[]>();
  const byHandle = new Map<string, Map<string, Set<string>>>();
  const push = (m: Map<string, string[]>, key: string | null, id: string) => {
    if (key === null) return;
    const ids = m.get(key);
    if (ids) ids.push(id);
    else m.set(key, [id]);
  };
  for (const c of live.values()) {
    push(byEmail, emailKey(c.email), c.id);
    push(byName, nameKey(c.name), c.id);
    for (const i of c.identities) {
      const h = handleKey(i.handle);
      if (h === null) continue;
      let perContact = byHandle.get(h);
      if (!perContact) byHandle.set(h, (perContact = new Map()));
      let channels = perContact.get(c.id);
      if (!channels) perContact.set(c.id, (channels = new Set()));
      channels.add(i.channelId);
    }
  }

  const best = new Map<string, SuggestedMerge>();
  const offer = (x: string, y: string, reason: MergeReason) => {
    const [first, other] = x < y ? [x, y] : [y, x];
    const pair = `${first}\u0000${other}`;
    const known = best.get(pair);
    if (known && STRENGTH[known.reason] <= STRENGTH[reason]) return;
    const a = live.get(first)!;
    const b = live.get(other)!;
    best.set(pair, { a: { id: a.id, name: a.name }, b: { id: b.id, name: b.name }, reason });
  };
  const star = (ids: string[], reason: MergeReason) => {
    const sorted = [...ids].sort(cmp);
    for (const other of sorted.slice(1)) offer(sorted[0], other, reason);
  };
  for (const ids of byEmail.values()) star(ids, 'same_email');
  for (const perContact of byHandle.values()) {
    const ids = [...perContact.keys()].sort(cmp);
    for (let j = 1; j < ids.length; j++) {
      const mine = perContact.get(ids[j])!;
      const partner = ids.slice(0, j).find((i) => [...perContact.get(i)!].some((ch) => [...mine].some((m) => m !== ch)));
      if (partner !== undefined) offer(partner, ids[j], 'same_handle');
    }
  }
  for (const ids of byName.values()) star(ids, 'same_name');

  return [...best.values()]
    .sort((x, y) => STRENGTH[x.reason] - STRENGTH[y.reason] || cmp(x.a.id, y.a.id) || cmp(x.b.id, y.b.id))
    .slice(0, Math.max(0, limit));
}

const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
