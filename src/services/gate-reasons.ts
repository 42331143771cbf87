/**
 * Plain words for why a variant did not (yet) go out, stored with the variant so every screen and e-mail says the
 * same. The UI shows its own translation by `reason_code` and this text as detail.
 */
const texts: Record<string, (detail?: string) => string> = {
  workspace_held: (d) => `Publishing is paused for this workspace${d ? ` (“${d}”)` : ''}. It waits until an owner resumes publishing.`,
  channel_needs_reconnect: (d) => `The channel needs a new sign-in before anything can go out. ${d ?? 'Reconnect it on the channels page.'}`,
  channel_disconnected: () => 'The channel was disconnected. Choose another channel or connect it again.',
  post_deleted: () => 'The post was deleted; nothing of it goes out.',
  not_approved: () => 'This version is not approved. It goes into the schedule again once it is approved.',
  mandate_ended: () => 'The agency’s mandate ended; its work needs the organization’s approval before it goes out.',
  code_blocks: () => 'The organization’s code blocks this text. Change it and schedule it again.',
  invalid_for_channel: (d) => `The channel cannot take this post: ${d ?? ''}`.trim(),
  rejected: (d) => `The platform refused the post${d ? `: “${d.slice(0, 300)}”` : '.'} Change it and schedule it again.`,
  retrying: (d) => `The platform did not answer clearly; Regie checks and tries again shortly.${d ? ` (${d.slice(0, 200)})` : ''}`,
  checking: (d) => `Regie is checking with the platform whether an earlier attempt arrived.${d ? ` (${d.slice(0, 200)})` : ''}`,
  unclear_attempt: (d) =>
    `Regie sent this to the platform but never heard whether it arrived${d ? ` (${d})` : ''}, and this platform cannot be asked. Look on the platform: if the post is there, choose “It is there”; if not, choose “Send again”.`,
  gave_up: (d) => `Regie tried several times and the platform kept failing${d ? `: ${d.slice(0, 200)}` : '.'} Try again later.`,
  missed_time: () => 'Its time passed while publishing was paused. Choose a new time, or publish now.',
};

/** The explanation for `code` (with the platform's or the hold's words as `detail`). */
export function gateReasonText(code: string, detail?: string): string {
  return (texts[code] ?? ((d?: string) => d ?? code))(detail);
}
