import { describe, expect, it } from 'vitest';
import { displayState, stateAfterEdit } from '../review/post-state';
import { gateDecision, type GateFacts } from './gate-decision';
import { reconcileStep } from './reconcile';

const ok: GateFacts = {
  held: null,
  channel: { connected: true, status: 'healthy' },
  version: 2,
  approvedVersion: 2,
  postDeleted: false,
  need: { needed: true, by: 'member', reasons: ['agency_work'] },
  verdict: 'warn',
  validationErrors: [],
  writerMandateEnded: false,
};

describe('gateDecision: the order of the checks on the final text', () => {
  it('lets an approved, clean variant out', () => expect(gateDecision(ok)).toEqual({ go: true }));
  it('a hold makes it wait, it never fails it', () => {
    expect(gateDecision({ ...ok, held: { reason: 'crisis' }, verdict: 'block' })).toEqual({ go: false, action: 'hold', code: 'workspace_held', detail: 'crisis' });
  });
  it('a deleted post is unscheduled before anything else', () => {
    expect(gateDecision({ ...ok, postDeleted: true, held: { reason: 'x' } })).toMatchObject({ action: 'unschedule', code: 'post_deleted' });
  });
  it('a channel that needs a new sign-in holds; a disconnected one fails', () => {
    expect(gateDecision({ ...ok, channel: { connected: true, status: 'needs_reconnect' } })).toMatchObject({ action: 'hold', code: 'channel_needs_reconnect' });
    expect(gateDecision({ ...ok, channel: { connected: false, status: 'healthy' } })).toMatchObject({ action: 'fail', code: 'channel_disconnected' });
  });
  it('an approval of another version does not count; an ended mandate names itself as the reason', () => {
    expect(gateDecision({ ...ok, approvedVersion: 1 })).toMatchObject({ action: 'unschedule', code: 'not_approved' });
    expect(gateDecision({ ...ok, approvedVersion: null, writerMandateEnded: true })).toMatchObject({ action: 'unschedule', code: 'mandate_ended' });
    expect(gateDecision({ ...ok, approvedVersion: null, need: { needed: false, by: 'member', reasons: [] } })).toEqual({ go: true });
  });
  it('the code and the channel’s own rules are checked last, on the final text', () => {
    expect(gateDecision({ ...ok, verdict: 'block' })).toMatchObject({ action: 'fail', code: 'code_blocks' });
    expect(gateDecision({ ...ok, validationErrors: ['Too long.'] })).toEqual({ go: false, action: 'fail', code: 'invalid_for_channel', detail: 'Too long.' });
  });
});

describe('reconcileStep: never blindly send again', () => {
  const now = new Date('2026-11-29T12:00:00Z');
  const at = (minutesAgo: number) => ({ startedAt: new Date(now.getTime() - minutesAgo * 60_000).toISOString(), hasText: true });
  it('looks up where the connector can', () => expect(reconcileStep(true, { kind: 'none' }, at(1), now)).toBe('lookup'));
  it('resends only where the platform dedupes, within its window', () => {
    expect(reconcileStep(false, { kind: 'key', windowSeconds: null }, at(600), now)).toBe('resend');
    expect(reconcileStep(false, { kind: 'key', windowSeconds: 3600 }, at(30), now)).toBe('resend');
    expect(reconcileStep(false, { kind: 'key', windowSeconds: 3600 }, at(58), now)).toBe('ask_person');
    expect(reconcileStep(false, { kind: 'recent-text', windowSeconds: 6 * 3600 }, at(60), now)).toBe('resend');
    expect(reconcileStep(false, { kind: 'recent-text', windowSeconds: 6 * 3600 }, { ...at(60), hasText: false }, now)).toBe('ask_person');
  });
  it('asks a person where nothing else is safe', () => expect(reconcileStep(false, { kind: 'none' }, at(1), now)).toBe('ask_person'));
});

describe('post states', () => {
  it('an edit after approval goes back to review when approval is needed', () => {
    expect(stateAfterEdit('approved', true)).toBe('in_review');
    expect(stateAfterEdit('changes_requested', true)).toBe('in_review');
    expect(stateAfterEdit('draft', true)).toBe('draft');
    expect(stateAfterEdit('in_review', false)).toBe('approved');
  });
  it('shows one word for the post from its variants', () => {
    expect(displayState('approved', ['published', 'published'])).toBe('published');
    expect(displayState('approved', ['published', 'scheduled'])).toBe('partly_published');
    expect(displayState('approved', ['held', 'scheduled'])).toBe('held');
    expect(displayState('approved', ['failed', 'scheduled'])).toBe('failed');
    expect(displayState('in_review', ['draft', 'cancelled'])).toBe('in_review');
    expect(displayState('draft', [])).toBe('draft');
  });
});
