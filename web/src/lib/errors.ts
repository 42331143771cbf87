import type { TFunction } from 'i18next';
import { isApiError } from '../api/client';

/** Turns any error into a sentence in the current language: errors.<CODE>, else the server's message. */
export function errorText(t: TFunction, err: unknown): string {
  if (isApiError(err)) {
    const base = t(`errors.${err.code}`, { defaultValue: err.message || t('errors.UNKNOWN') });
    if (err.status === 429) {
      const secs = err.retryAfterSeconds;
      const wait =
        secs === null
          ? t('errors.retryLater')
          : secs > 90
            ? t('errors.retryAfterMinutes', { count: Math.ceil(secs / 60) })
            : t('errors.retryAfter', { count: secs });
      return `${base} ${wait}`;
    }
    return base;
  }
  if (err instanceof Error && err.message) return err.message;
  return t('errors.UNKNOWN');
}

/** The server's message for one field of a 400 ERR_VALIDATION answer, if any. */
export function fieldError(err: unknown, path: string): string | undefined {
  if (!isApiError(err) || err.code !== 'ERR_VALIDATION') return undefined;
  const hit = err.fieldErrors.find((f) => f.path === path || f.path.split('.')[0] === path);
  return hit?.message || undefined;
}
