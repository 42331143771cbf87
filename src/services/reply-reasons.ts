/**
 * Plain words for why a reply did not (yet) go out, stored with the reply so every screen says the same. The UI
 * shows its own translation by `reason_code` and this text as detail.
 */
const texts: Record<string, (detail?: string) => string> = {
  workspace_held: (d) => `Publishing is paused for this workspace${d ? ` (“${d}”)` : ''}. The reply goes out once an owner resumes.`,
  channel_needs_reconnect: (d) => `The channel needs a new sign-in before anything can go out. ${d ?? 'Reconnect it on the channels page, then send again.'}`,
  channel_disconnected: () => 'The channel was disconnected; this reply cannot go out there.',
  cannot_reply: (d) => `${d ?? 'This channel'} cannot send replies from Regie. Answer on the platform itself.`,
  code_blocks: (d) => `The organization’s code blocks this text${d ? `: ${d}` : ''}. Change it and send again.`,
  not_approved: () => 'This reply waits for an approver of the organization.',
  rejected: (d) => `The platform refused the reply${d ? `: “${d.slice(0, 300)}”` : '.'}`,
  rejected_by_approver: (d) => `An approver sent it back${d ? `: “${d.slice(0, 500)}”` : '.'}`,
  rate_limited: () => 'The platform asked Regie to slow down; the reply goes out as soon as it may.',
  retrying: (d) => `The platform did not take it; Regie tries again shortly.${d ? ` (${d.slice(0, 200)})` : ''}`,
  gave_up: (d) => `Regie tried several times and the platform kept failing${d ? `: ${d.slice(0, 200)}` : '.'} Try again later.`,
  unclear_attempt: (d) =>
    `Regie sent this reply but never heard whether it arrived${d ? ` (${d.slice(0, 200)})` : ''}. Look on the platform: if it is there, discard this copy; if not, send it again.`,
  message_gone: () => 'The message this replies to is no longer there.',
};

/** The explanation for `code`, with the platform's or the approver's words as `detail`. */
export function replyReasonText(code: string, detail?: string): string {
  return (texts[code] ?? ((d?: string) => d ?? code))(detail);
}
