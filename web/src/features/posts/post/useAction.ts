import { useState } from 'react';

/** Runs one action at a time: which one is busy, its error, and a callback when it succeeded. */
export function useAction(onDone: () => void) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  async function run(name: string, action: () => Promise<unknown>): Promise<boolean> {
    setBusy(name);
    setError(null);
    try {
      await action();
      onDone();
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(null);
    }
  }
  return { busy, error, run, clearError: () => setError(null) };
}
