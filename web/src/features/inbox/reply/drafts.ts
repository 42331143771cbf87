/**
 * Unsent text per conversation and mode, kept for this page's lifetime so that moving through the list (j/k) does
 * not lose what was being typed. Nothing is stored on disk.
 */

const drafts = new Map<string, string>();
const MAX_DRAFTS = 50;

/** The draft for a conversation and mode ("" when none). */
export function readDraft(conversationId: string, mode: string): string {
  return drafts.get(`${conversationId}:${mode}`) ?? '';
}

/** Keeps (or, for empty text, forgets) a draft; the oldest go first beyond 50. */
export function writeDraft(conversationId: string, mode: string, text: string): void {
  const key = `${conversationId}:${mode}`;
  drafts.delete(key);
  if (!text) return;
  drafts.set(key, text);
  while (drafts.size > MAX_DRAFTS) {
    const oldest = drafts.keys().next().value;
    if (oldest === undefined) break;
    drafts.delete(oldest);
  }
}
