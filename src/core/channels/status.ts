/** A channel's health as people see it on the channels page. */
export type ChannelStatus = 'healthy' | 'needs_reconnect' | 'rate_limited' | 'disconnected';

export interface StatusChange {
  status: ChannelStatus;
  /** Plain words: what happened and what to do. */
  detail: string | null;
  rateLimitedUntil: string | null;
}

/**
 * What a failed platform call means for the channel: expired or revoked sign-ins need a person to reconnect (its
 * posts wait); rate limits pause it until the platform's time; transient and refused calls leave it healthy but
 * recorded. Pure.
 */
export function statusAfterFailure(
  failure: 'auth_expired' | 'auth_revoked' | 'rate_limited' | 'rejected' | 'transient',
  now: Date,
  info: { retryAfterMs?: number; platformReason?: string; channelName: string },
): StatusChange {
  const reason = info.platformReason ? ` The platform said: “${info.platformReason.slice(0, 300)}”.` : '';
  switch (failure) {
    case 'auth_expired':
      return { status: 'needs_reconnect', detail: `The sign-in for ${info.channelName} has expired. Reconnect the channel.${reason}`, rateLimitedUntil: null };
    case 'auth_revoked':
      return { status: 'needs_reconnect', detail: `${info.channelName} no longer gives Regie access (revoked or missing permissions). Reconnect the channel.${reason}`, rateLimitedUntil: null };
    case 'rate_limited': {
      const until = new Date(now.getTime() + (info.retryAfterMs ?? 15 * 60_000)).toISOString();
      return { status: 'rate_limited', detail: `The platform asked Regie to slow down; it tries again after ${until}.`, rateLimitedUntil: until };
    }
    case 'transient':
      return { status: 'healthy', detail: `The platform could not be reached just now; Regie will try again.${reason}`, rateLimitedUntil: null };
    case 'rejected':
      return { status: 'healthy', detail: `The platform refused the last request.${reason}`, rateLimitedUntil: null };
  }
}
