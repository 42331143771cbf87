import { useState } from 'react';
import { inboxApi, type ConversationPatch, type ConversationSummary } from '../api';

/** Changes a conversation (status, assignee, team, priority, tags); remembers which field is busy and the last error. */
export function usePatch(ws: string, id: string, onDone: (c: ConversationSummary) => void) {
  const [busy, setBusy] = useState<keyof ConversationPatch | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function patch(body: ConversationPatch): Promise<boolean> {
    setBusy((Object.keys(body)[0] as keyof ConversationPatch | undefined) ?? null);
    setError(null);
    try {
      onDone(await inboxApi.patch(ws, id, body));
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(null);
    }
  }

  return { patch, busy, error, clearError: () => setError(null) };
}
