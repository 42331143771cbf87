import { useId, useMemo, useState, type KeyboardEvent, type RefObject } from 'react';
import type { Member } from '../../../api/types';
import { insertMention, matchMentions, mentionAt, type Mentionable } from '../mentions';
import { useCaretAfterRender } from './useCaretAfterRender';

/**
 * @mention autocomplete for a textarea: follows the caret, offers matching members, and lets the arrow keys, Enter
 * or Tab pick one (Escape closes the list until the text changes).
 */
export function useMentions({
  enabled,
  text,
  setText,
  members,
  area,
}: {
  enabled: boolean;
  text: string;
  setText: (t: string) => void;
  members: Member[];
  area: RefObject<HTMLTextAreaElement | null>;
}) {
  const listId = useId();
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [closed, setClosed] = useState(false);
  const caretAfterRender = useCaretAfterRender(area);
  const people = useMemo<Mentionable[]>(() => members.map((m) => ({ userId: m.userId, name: m.name, email: m.email })), [members]);
  const mention = enabled && !closed ? mentionAt(text, caret) : null;
  const candidates = mention ? matchMentions(people, mention.query) : [];
  const open = candidates.length > 0;
  const current = Math.min(active, Math.max(0, candidates.length - 1));

  function pick(p: Mentionable): void {
    if (!mention) return;
    const next = insertMention(text, mention, p.name);
    setText(next.text);
    setCaret(next.caret);
    caretAfterRender(next.caret);
  }

  /** Handles the key when the list is open; true when it did. */
  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>): boolean {
    if (!open) return false;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const n = candidates.length;
      setActive((current + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
      return true;
    }
    if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      pick(candidates[current]);
      return true;
    }
    if (e.key === 'Escape') {
      e.preventDefault();
      setClosed(true);
      return true;
    }
    return false;
  }

  return {
    listId,
    open,
    candidates,
    active: current,
    pick,
    onKeyDown,
    /** Call on change, click, key up and select, with the textarea's caret. */
    track(caretAt: number, changed: boolean) {
      setCaret(caretAt);
      if (changed) {
        setClosed(false);
        setActive(0);
      }
    },
    comboboxProps: {
      'aria-autocomplete': 'list' as const,
      'aria-controls': open ? listId : undefined,
      'aria-activedescendant': open ? `${listId}-${current}` : undefined,
    },
  };
}
