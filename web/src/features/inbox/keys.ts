/** The inbox's keyboard shortcuts: which key does what, and when keys belong to the page rather than to a field. */

export type InboxCommand = 'next' | 'previous' | 'reply' | 'resolve' | 'assign' | 'search' | 'help';

/** The keys in the order the help overlay lists them. */
export const SHORTCUTS: Array<{ key: string; command: InboxCommand }> = [
  { key: 'j', command: 'next' },
  { key: 'k', command: 'previous' },
  { key: 'r', command: 'reply' },
  { key: 'e', command: 'resolve' },
  { key: 'a', command: 'assign' },
  { key: '/', command: 'search' },
  { key: '?', command: 'help' },
];

const BY_KEY = new Map(SHORTCUTS.map((s) => [s.key, s.command]));

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** The command for a key press, or null (modifier combinations belong to the browser). */
export function commandFor(e: KeyLike): InboxCommand | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  return BY_KEY.get(e.key) ?? null;
}

export interface TargetLike {
  tagName?: string;
  isContentEditable?: boolean;
  type?: string;
}

const NOT_TYPING_INPUTS = new Set(['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file', 'image']);

/** True when the key goes into a field the user types in (text inputs, textareas, selects, editable content). */
export function isTypingTarget(target: TargetLike | null): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = (target.tagName ?? '').toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') return !NOT_TYPING_INPUTS.has((target.type ?? 'text').toLowerCase());
  return false;
}

/** The next index when moving through a list of `length` items; from -1 (nothing selected) both directions start at the first. */
export function step(current: number, length: number, direction: 1 | -1): number {
  if (length <= 0) return -1;
  if (current < 0) return 0;
  return Math.min(length - 1, Math.max(0, current + direction));
}
