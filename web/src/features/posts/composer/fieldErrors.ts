import { isApiError } from '../../../api/client';

/** The server's message for a field (or anything under it) of a 400 ERR_VALIDATION answer, e.g. "content.cta.url". */
export function errorAt(err: unknown, path: string): string | undefined {
  if (!isApiError(err) || err.code !== 'ERR_VALIDATION') return undefined;
  const hit = err.fieldErrors.find((f) => f.path === path || f.path.startsWith(`${path}.`));
  return hit ? hit.message || ' ' : undefined;
}
