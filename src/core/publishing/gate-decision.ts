import type { Verdict } from '../code/types';
import type { ApprovalNeed } from '../review/review-rules';

/** Everything the gate knows about one variant at the moment it would let it out. */
export interface GateFacts {
  /** The workspace's hold switch (owner's pause or crisis mode). */
  held: { reason: string } | null;
  channel: { connected: boolean; status: string };
  /** The post version this variant would publish, and the version its approval binds to (null: none). */
  version: number;
  approvedVersion: number | null;
  postDeleted: boolean;
  need: ApprovalNeed;
  verdict: Verdict;
  /** Validation errors from the channel's own rules (length, media, poll). */
  validationErrors: string[];
  /**
   * A writer's mandate is no longer in force (revoked or ended): their work then needs the organization's approval
   * like any agency work (`need` already says so); this only names the reason when it is missing.
   */
  writerMandateEnded: boolean;
}

export type GateOutcome =
  | { go: true }
  | { go: false; action: 'hold'; code: GateCode; detail?: string }
  | { go: false; action: 'fail'; code: GateCode; detail?: string }
  | { go: false; action: 'unschedule'; code: GateCode; detail?: string };

export type GateCode =
  | 'workspace_held'
  | 'channel_needs_reconnect'
  | 'channel_disconnected'
  | 'post_deleted'
  | 'not_approved'
  | 'code_blocks'
  | 'invalid_for_channel'
  | 'mandate_ended';

/**
 * The gate's verdict, in a fixed order: a hold makes due work wait (it never fails it); a channel that needs a new
 * sign-in makes it wait too; a deleted post or an approval for another version stops it going out; the code and the
 * channel's own rules are checked on the final text. Pure; the gate service gathers the facts in one transaction.
 */
export function gateDecision(f: GateFacts): GateOutcome {
  if (f.postDeleted) return { go: false, action: 'unschedule', code: 'post_deleted' };
  if (f.held) return { go: false, action: 'hold', code: 'workspace_held', detail: f.held.reason };
  if (!f.channel.connected) return { go: false, action: 'fail', code: 'channel_disconnected' };
  if (f.channel.status === 'needs_reconnect') return { go: false, action: 'hold', code: 'channel_needs_reconnect' };
  if (f.need.needed && f.approvedVersion !== f.version) return { go: false, action: 'unschedule', code: f.writerMandateEnded ? 'mandate_ended' : 'not_approved' };
  if (f.verdict === 'block') return { go: false, action: 'fail', code: 'code_blocks' };
  if (f.validationErrors.length > 0) return { go: false, action: 'fail', code: 'invalid_for_channel', detail: f.validationErrors.join(' ') };
  return { go: true };
}
