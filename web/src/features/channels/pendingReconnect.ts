/**
 * A reconnect through a platform's sign-in leaves the page and comes back as ?connected=<id> (or ?choose=<token>).
 * The channel being reconnected is remembered for that one trip (this tab only), so the page can say
 * "<name> is opnieuw verbonden" instead of "… is verbonden".
 */
const KEY = 'regie.channels.reconnecting';

export function rememberReconnect(workspaceId: string, channelId: string): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ workspaceId, channelId, at: Date.now() }));
  } catch {
    /* storage unavailable: the notice just says "verbonden" */
  }
}

/** The channel id of the reconnect started in this workspace (within the last half hour), if any. */
export function pendingReconnect(workspaceId: string): string | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as { workspaceId?: unknown; channelId?: unknown; at?: unknown };
    if (v.workspaceId !== workspaceId || typeof v.channelId !== 'string') return null;
    if (typeof v.at !== 'number' || Date.now() - v.at > 30 * 60_000) return null;
    return v.channelId;
  } catch {
    return null;
  }
}

export function forgetReconnect(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    /* nothing to forget */
  }
}
