import { describe, expect, it } from 'vitest';
import { parseReplyRules, replyApprovalReasons, whyNotApprover } from './reply-rules';

const advisor = { userId: 'a', isAgency: true, mayReplyWithoutApproval: false };
const trusted = { userId: 't', isAgency: true, mayReplyWithoutApproval: true };
const agent = { userId: 'o', isAgency: false, mayReplyWithoutApproval: false };

describe('reply approval', () => {
  it('an advisor replying to a complaint needs the organization under the default rules; to a neutral question not', () => {
    const rules = parseReplyRules(undefined);
    expect(replyApprovalReasons(rules, { writers: [advisor], sentiment: 'negative', codeVerdict: 'pass' })).toEqual(['negative_sentiment']);
    expect(replyApprovalReasons(rules, { writers: [advisor], sentiment: 'neutral', codeVerdict: 'pass' })).toEqual([]);
  });
  it('agency "all" catches every agency reply unless the mandate lifts it', () => {
    const rules = { agency: 'all' as const, own: 'none' as const };
    expect(replyApprovalReasons(rules, { writers: [advisor], sentiment: 'positive', codeVerdict: 'pass' })).toEqual(['agency_reply']);
    expect(replyApprovalReasons(rules, { writers: [trusted], sentiment: 'negative', codeVerdict: 'pass' })).toEqual([]);
  });
  it('an own member is free by default, and caught when the organization asks for it', () => {
    expect(replyApprovalReasons(parseReplyRules({}), { writers: [agent], sentiment: 'negative', codeVerdict: 'pass' })).toEqual([]);
    expect(replyApprovalReasons({ agency: 'none', own: 'all' }, { writers: [agent], sentiment: 'neutral', codeVerdict: 'warn' })).toEqual(['own_member_reply']);
  });
  it('a code finding that needs approval always needs it, also for a trusted writer; an agent taking over an advisor’s text inherits the rule', () => {
    expect(replyApprovalReasons({ agency: 'none', own: 'none' }, { writers: [trusted], sentiment: 'neutral', codeVerdict: 'needs_approval' })).toEqual(['code_needs_approval']);
    expect(replyApprovalReasons(parseReplyRules({}), { writers: [agent, advisor], sentiment: 'negative', codeVerdict: 'pass' })).toEqual(['negative_sentiment']);
  });
  it('approvers: the organization’s own, with the permission, not a writer', () => {
    expect(whyNotApprover({ userId: 'x', isAgency: true, canApprove: true }, ['a'])).toBe('agency_member');
    expect(whyNotApprover({ userId: 'x', isAgency: false, canApprove: false }, ['a'])).toBe('no_permission');
    expect(whyNotApprover({ userId: 'a', isAgency: false, canApprove: true }, ['a'])).toBe('own_work');
    expect(whyNotApprover({ userId: 'x', isAgency: false, canApprove: true }, ['a'])).toBeNull();
  });
  it('reading stored rules keeps known levels and repairs the rest', () => {
    expect(parseReplyRules({ agency: 'all', own: 'bogus' })).toEqual({ agency: 'all', own: 'none' });
    expect(parseReplyRules('x')).toEqual({ agency: 'negative', own: 'none' });
  });
});
