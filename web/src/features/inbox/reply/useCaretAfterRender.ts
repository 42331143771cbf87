import { useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * Puts the caret of a controlled textarea at a position right after the next render (when its new value is in),
 * before the user can type on: returns the function that asks for it.
 */
export function useCaretAfterRender(area: RefObject<HTMLTextAreaElement | null>): (position: number) => void {
  const pending = useRef<number | null>(null);
  useLayoutEffect(() => {
    const el = area.current;
    if (pending.current === null || !el) return;
    const at = pending.current;
    pending.current = null;
    el.focus();
    el.setSelectionRange(at, at);
  });
  return (position: number) => {
    pending.current = position;
  };
}
