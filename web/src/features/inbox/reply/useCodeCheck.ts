import { useEffect, useState } from 'react';
import { inboxApi, type ReplyCheck } from '../api';

/**
 * The organization's code checked as you type: 400 ms after the last keystroke the text goes to the code check
 * (context 'reply'); an earlier check still under way is cancelled. `checking` is true from the first keystroke
 * until the answer for the current text is in.
 */
export function useCodeCheck(ws: string, text: string): { result: ReplyCheck | null; checking: boolean; error: unknown } {
  const [result, setResult] = useState<ReplyCheck | null>(null);
  const [checkedText, setCheckedText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const trimmed = text.trim();

  useEffect(() => {
    if (!trimmed) {
      setResult(null);
      setCheckedText('');
      setError(null);
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      inboxApi
        .checkReply(ws, text, controller.signal)
        .then((r) => {
          setResult(r);
          setCheckedText(text);
          setError(null);
        })
        .catch((e: unknown) => {
          if (e instanceof DOMException && e.name === 'AbortError') return;
          setError(e);
          setCheckedText(text);
        });
    }, 400);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [ws, text, trimmed]);

  return { result: trimmed ? result : null, checking: trimmed !== '' && checkedText !== text, error };
}
