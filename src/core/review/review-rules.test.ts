import { describe, expect, it } from 'vitest';
import { DEFAULT_REVIEW_RULES, approvalNeed, mayApprove, type Writer } from './review-rules';

const own = (userId: string, role: Writer['role'] = 'editor'): Writer => ({ userId, role, mandate: null });
const agency = (userId: string, mayPublishWithoutApproval = false, channelIds: string[] | null = null): Writer => ({ userId, role: 'editor', mandate: { mayPublishWithoutApproval, channelIds } });

describe('approvalNeed', () => {
  it('agency work needs a member of the organization; own editors publish directly by default', () => {
    expect(approvalNeed(DEFAULT_REVIEW_RULES, [agency('a')], ['c1'], false)).toEqual({ needed: true, by: 'member', reasons: ['agency_work'] });
    expect(approvalNeed(DEFAULT_REVIEW_RULES, [own('e')], ['c1'], false)).toEqual({ needed: false, by: 'member', reasons: [] });
    expect(approvalNeed(DEFAULT_REVIEW_RULES, [own('c', 'contributor')], ['c1'], false).reasons).toEqual(['contributor_work']);
  });
  it('a mandate that allows publishing without approval counts only inside its channel scope', () => {
    expect(approvalNeed(DEFAULT_REVIEW_RULES, [agency('a', true, null)], ['c1', 'c2'], false).needed).toBe(false);
    expect(approvalNeed(DEFAULT_REVIEW_RULES, [agency('a', true, ['c1'])], ['c1'], false).needed).toBe(false);
    expect(approvalNeed(DEFAULT_REVIEW_RULES, [agency('a', true, ['c1'])], ['c1', 'c2'], false).reasons).toEqual(['agency_work']);
  });
  it('a code finding that needs approval always needs an owner, whatever the mandate allows', () => {
    expect(approvalNeed(DEFAULT_REVIEW_RULES, [agency('a', true, null)], ['c1'], true)).toEqual({ needed: true, by: 'owner', reasons: ['code_needs_approval'] });
    expect(approvalNeed(DEFAULT_REVIEW_RULES, [own('e')], ['c1'], true).by).toBe('owner');
  });
  it('follows the workspace rules: everyone, or nobody of the own members', () => {
    expect(approvalNeed({ agencyWorkNeedsApproval: true, ownWorkNeedsApproval: 'all' }, [own('e')], [], false).reasons).toEqual(['own_work']);
    expect(approvalNeed({ agencyWorkNeedsApproval: false, ownWorkNeedsApproval: 'none' }, [own('c', 'contributor'), agency('a')], [], false).needed).toBe(false);
  });
  it('every writer of every version counts: one agency edit makes it agency work', () => {
    expect(approvalNeed(DEFAULT_REVIEW_RULES, [own('e'), agency('a')], ['c1'], false).reasons).toEqual(['agency_work']);
  });
});

describe('mayApprove (four eyes, the organization decides)', () => {
  const need = { needed: true, by: 'member' as const, reasons: [] };
  it('lets an own owner or editor approve work of others', () => {
    expect(mayApprove(need, { userId: 'o', role: 'owner', viaAgency: false }, ['a'])).toEqual({ ok: true });
    expect(mayApprove(need, { userId: 'e', role: 'editor', viaAgency: false }, ['a'])).toEqual({ ok: true });
  });
  it('refuses the writer of any version, agency members, and other roles', () => {
    expect(mayApprove(need, { userId: 'o', role: 'owner', viaAgency: false }, ['a', 'o'])).toEqual({ ok: false, why: 'own_work' });
    expect(mayApprove(need, { userId: 'x', role: 'editor', viaAgency: true }, ['a'])).toEqual({ ok: false, why: 'agency_cannot_approve' });
    expect(mayApprove(need, { userId: 'c', role: 'contributor', viaAgency: false }, ['a'])).toEqual({ ok: false, why: 'role_cannot_approve' });
  });
  it('needs an owner where the code asks for one', () => {
    expect(mayApprove({ ...need, by: 'owner' }, { userId: 'e', role: 'editor', viaAgency: false }, ['a'])).toEqual({ ok: false, why: 'owner_required' });
  });
});
