/**
 * Which replies need an approver from the organization before they go out, and who may approve one. The
 * organization chooses (for the agency's people and for its own), a mandate may lift the agency rule, and a code
 * finding that needs approval always needs one: the organization keeps the last word on what it says.
 */

export type ReplyRuleLevel = 'all' | 'negative' | 'none';

export interface ReplyRules {
  agency: ReplyRuleLevel;
  own: ReplyRuleLevel;
}

/** Agency replies to complaints need the organization; its own people answer without a second pair of eyes. */
export const DEFAULT_REPLY_RULES: ReplyRules = { agency: 'negative', own: 'none' };

export type ReplyApprovalReason = 'agency_reply' | 'negative_sentiment' | 'own_member_reply' | 'code_needs_approval';

export interface ReplyWriter {
  userId: string;
  /** Writes under an agency's mandate. */
  isAgency: boolean;
  /** The mandate lets this writer reply without approval (for this channel). */
  mayReplyWithoutApproval: boolean;
}

export interface ReplySituation {
  writers: ReplyWriter[];
  /** Sentiment of the message replied to (or the conversation's). */
  sentiment: 'negative' | 'neutral' | 'positive';
  /** The code's verdict on the final text. */
  codeVerdict: 'pass' | 'warn' | 'needs_approval' | 'block';
}

function applies(level: ReplyRuleLevel, sentiment: ReplySituation['sentiment']): boolean {
  return level === 'all' || (level === 'negative' && sentiment === 'negative');
}

/**
 * Why this reply needs an approver, or an empty list when it may go at once. A blocked text is not a question of
 * approval (the gate refuses it); callers check the verdict first.
 */
export function replyApprovalReasons(rules: ReplyRules, s: ReplySituation): ReplyApprovalReason[] {
  const reasons = new Set<ReplyApprovalReason>();
  for (const w of s.writers) {
    if (w.isAgency) {
      if (!w.mayReplyWithoutApproval && applies(rules.agency, s.sentiment)) reasons.add(s.sentiment === 'negative' && rules.agency === 'negative' ? 'negative_sentiment' : 'agency_reply');
    } else if (applies(rules.own, s.sentiment)) {
      reasons.add(s.sentiment === 'negative' && rules.own === 'negative' ? 'negative_sentiment' : 'own_member_reply');
    }
  }
  if (s.codeVerdict === 'needs_approval') reasons.add('code_needs_approval');
  return [...reasons];
}

export type ReplyApproverRefusal = 'own_work' | 'agency_member' | 'no_permission';

/**
 * Whether `approver` may approve a reply written by `writerIds`: someone of the organization itself (never under
 * a mandate) with the approve permission, who did not write it. Returns the refusal, or null when allowed.
 */
export function whyNotApprover(approver: { userId: string; isAgency: boolean; canApprove: boolean }, writerIds: readonly string[]): ReplyApproverRefusal | null {
  if (approver.isAgency) return 'agency_member';
  if (!approver.canApprove) return 'no_permission';
  if (writerIds.includes(approver.userId)) return 'own_work';
  return null;
}

const LEVELS: readonly ReplyRuleLevel[] = ['all', 'negative', 'none'];

/** Reads stored or submitted reply rules; unknown or missing levels fall back to the defaults. */
export function parseReplyRules(raw: unknown): ReplyRules {
  const o = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const level = (v: unknown, d: ReplyRuleLevel) => ((LEVELS as readonly unknown[]).includes(v) ? (v as ReplyRuleLevel) : d);
  return { agency: level(o.agency, DEFAULT_REPLY_RULES.agency), own: level(o.own, DEFAULT_REPLY_RULES.own) };
}
