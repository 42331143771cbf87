/**
 * What to do with a variant whose last publish attempt has no known outcome (the worker died, or the answer was
 * lost). Never blindly send again: look it up where the platform allows, resend only where the platform itself
 * refuses a duplicate, and otherwise ask a person.
 */
export type ResendSafety =
  | { kind: 'key'; windowSeconds: number | null }
  | { kind: 'recent-text'; windowSeconds: number }
  | { kind: 'none' };

export interface UnclearAttempt {
  startedAt: string;
  /** The variant has text that a text lookup could match. */
  hasText: boolean;
}

export type ReconcileStep = 'lookup' | 'resend' | 'ask_person';

/**
 * The next step for an unclear attempt at `now`: `lookup` when the connector can find an earlier publish,
 * `resend` when the platform dedupes a repeat (an idempotency key, within its window; or a text match within its
 * window, for variants with text), else `ask_person`.
 */
export function reconcileStep(canLookup: boolean, safety: ResendSafety, attempt: UnclearAttempt, now: Date): ReconcileStep {
  if (canLookup) return 'lookup';
  const age = (now.getTime() - Date.parse(attempt.startedAt)) / 1000;
  if (safety.kind === 'key' && (safety.windowSeconds === null || age < safety.windowSeconds * 0.9)) return 'resend';
  if (safety.kind === 'recent-text' && attempt.hasText && age < safety.windowSeconds * 0.9) return 'resend';
  return 'ask_person';
}
