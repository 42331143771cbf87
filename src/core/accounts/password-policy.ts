import { AppError } from '../shared/errors';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;

/**
 * Refuses a password that is too short or appears in `common` (a set of lower-cased well-known passwords).
 * Length is counted in characters as a person sees them.
 */
export function assertAcceptablePassword(password: string, common: ReadonlySet<string>): void {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) {
    throw new AppError('ERR_PASSWORD_TOO_SHORT', `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
  if (length > MAX_PASSWORD_LENGTH) {
    throw new AppError('ERR_VALIDATION', `A password may have at most ${MAX_PASSWORD_LENGTH} characters.`);
  }
  const lower = password.toLowerCase();
  if (common.has(lower) || /^(.)\1+$/.test(password)) {
    throw new AppError('ERR_PASSWORD_TOO_COMMON', 'This password is one of the most used passwords. Choose another one.');
  }
}

/** Lower-cased, trimmed e-mail address: the one form stored and compared. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
