import { useEffect, useRef } from 'react';
import { commandFor, isTypingTarget, type InboxCommand } from './keys';

/**
 * The inbox's single-key shortcuts on the whole page. Keys typed into a field stay in the field (Escape leaves it);
 * nothing fires while a dialog is open or with Ctrl/Cmd/Alt held.
 */
export function useInboxKeys(run: (command: InboxCommand) => void): void {
  const runRef = useRef(run);
  runRef.current = run;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const target = e.target instanceof HTMLElement ? e.target : null;
      if (isTypingTarget(target)) {
        if (e.key === 'Escape' && target) target.blur();
        return;
      }
      if (document.querySelector('dialog[open]')) return;
      const command = commandFor(e);
      if (!command) return;
      e.preventDefault();
      runRef.current(command);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
