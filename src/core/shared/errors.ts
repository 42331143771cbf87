/** Stable error codes the API returns and the UI translates. */
export type ErrorCode =
  | 'ERR_VALIDATION'
  | 'ERR_UNAUTHENTICATED'
  | 'ERR_FORBIDDEN'
  | 'ERR_NOT_FOUND'
  | 'ERR_CSRF'
  | 'ERR_SETUP_DONE'
  | 'ERR_INVALID_CREDENTIALS'
  | 'ERR_TOO_MANY_ATTEMPTS'
  | 'ERR_PASSWORD_TOO_SHORT'
  | 'ERR_PASSWORD_TOO_COMMON'
  | 'ERR_RESET_TOKEN_INVALID'
  | 'ERR_INVITATION_INVALID'
  | 'ERR_INVITATION_EMAIL_MISMATCH'
  | 'ERR_LOGIN_REQUIRED'
  | 'ERR_EMAIL_TAKEN'
  | 'ERR_ALREADY_MEMBER'
  | 'ERR_LAST_OWNER'
  | 'ERR_MANDATE_EXISTS'
  | 'ERR_MANDATE_NOT_ACTIVE'
  | 'ERR_ROLE_NOT_ALLOWED'
  | 'ERR_CHANNEL_EXISTS'
  | 'ERR_CHANNEL_FAILED'
  | 'ERR_PROVIDER_NOT_CONFIGURED'
  | 'ERR_OAUTH_STATE_INVALID'
  | 'ERR_WEBHOOK_SIGNATURE'
  | 'ERR_WEBHOOK_NOT_CONFIGURED'
  | 'ERR_PAYLOAD_TOO_LARGE'
  | 'ERR_UNSUPPORTED_MEDIA_TYPE'
  | 'ERR_DATABASE_UNAVAILABLE'
  | 'ERR_INTERNAL';

const statusOf: Record<ErrorCode, number> = {
  ERR_VALIDATION: 400,
  ERR_UNAUTHENTICATED: 401,
  ERR_FORBIDDEN: 403,
  ERR_NOT_FOUND: 404,
  ERR_CSRF: 403,
  ERR_SETUP_DONE: 409,
  ERR_INVALID_CREDENTIALS: 401,
  ERR_TOO_MANY_ATTEMPTS: 429,
  ERR_PASSWORD_TOO_SHORT: 400,
  ERR_PASSWORD_TOO_COMMON: 400,
  ERR_RESET_TOKEN_INVALID: 400,
  ERR_INVITATION_INVALID: 404,
  ERR_INVITATION_EMAIL_MISMATCH: 403,
  ERR_LOGIN_REQUIRED: 401,
  ERR_EMAIL_TAKEN: 409,
  ERR_ALREADY_MEMBER: 409,
  ERR_LAST_OWNER: 409,
  ERR_MANDATE_EXISTS: 409,
  ERR_MANDATE_NOT_ACTIVE: 409,
  ERR_ROLE_NOT_ALLOWED: 400,
  ERR_CHANNEL_EXISTS: 409,
  ERR_CHANNEL_FAILED: 502,
  ERR_PROVIDER_NOT_CONFIGURED: 409,
  ERR_OAUTH_STATE_INVALID: 400,
  ERR_WEBHOOK_SIGNATURE: 401,
  ERR_WEBHOOK_NOT_CONFIGURED: 503,
  ERR_PAYLOAD_TOO_LARGE: 413,
  ERR_UNSUPPORTED_MEDIA_TYPE: 415,
  ERR_DATABASE_UNAVAILABLE: 503,
  ERR_INTERNAL: 500,
};

/** An expected failure with a stable code, an HTTP status and a message that says what to do. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.status = statusOf[code];
  }
}

/** Shorthand for the "does not exist or you may not see it" answer, identical in both cases. */
export function notFound(what = 'This item'): AppError {
  return new AppError('ERR_NOT_FOUND', `${what} does not exist or you have no access to it.`);
}
