import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../errors';
import type { InboundItem, OutboundReply } from '../types';
import { composeReply, isReplyMessageId, replyEnvelope, replyMessageId, replyReferences, replySubject } from './email.compose';
import { parseRawMessage } from './email.map';

const parent: InboundItem = {
  remoteId: '<q2@example.test>',
  kind: 'email',
  threadRemoteId: '<root@example.test>',
  author: { remoteId: 'burger@example.test', email: 'burger@example.test', displayName: 'Bea Burger' },
  text: 'Wanneer wordt het grofvuil opgehaald?',
  subject: 'Re: Grofvuil',
  createdAt: '2026-11-01T10:00:00.000Z',
  replyRef: { messageId: '<q2@example.test>', references: '<root@example.test> <a1@gemeente.test>', subject: 'Re: Grofvuil' },
};

const reply = (over: Partial<OutboundReply> = {}): OutboundReply => ({ idempotencyKey: 'reply-1', inReplyTo: parent, text: 'Op dinsdag.', ...over });

describe('reply headers', () => {
  it('derives the Message-ID from the idempotency key, per mailbox, recognisably', () => {
    const a = replyMessageId('reply-1', 'info@gemeente.test');
    expect(a).toMatch(/^<regie\.[0-9a-f]{40}@gemeente\.test>$/);
    expect(replyMessageId('reply-1', 'INFO@gemeente.test')).toBe(a);
    expect(replyMessageId('reply-2', 'info@gemeente.test')).not.toBe(a);
    expect(replyMessageId('reply-1', 'post@gemeente.test')).not.toBe(a);
    expect(isReplyMessageId(a, 'info@gemeente.test')).toBe(true);
    expect(isReplyMessageId(a, 'info@elders.test')).toBe(false);
    expect(isReplyMessageId('<abc@gemeente.test>', 'info@gemeente.test')).toBe(false);
  });

  it('puts one "Re: " before the subject, however often it was answered', () => {
    expect(replySubject('Grofvuil')).toBe('Re: Grofvuil');
    expect(replySubject('Re: Grofvuil')).toBe('Re: Grofvuil');
    expect(replySubject('RE: re: Aw: Antw: Grofvuil')).toBe('Re: Grofvuil');
    expect(replySubject('Re[2]: Grofvuil')).toBe('Re: Grofvuil');
    expect(replySubject('Fwd: Grofvuil')).toBe('Re: Fwd: Grofvuil');
    expect(replySubject('Regels voor afval')).toBe('Re: Regels voor afval');
    expect(replySubject('')).toBe('Re:');
  });

  it('References = parent References + parent Message-ID, without repeats, cut long chains at the root', () => {
    expect(replyReferences('<r@x> <b@x>', '<c@x>')).toEqual(['<r@x>', '<b@x>', '<c@x>']);
    expect(replyReferences(undefined, '<c@x>')).toEqual(['<c@x>']);
    expect(replyReferences('<r@x> <c@x>', '<c@x>')).toEqual(['<r@x>', '<c@x>']);
    const long = Array.from({ length: 30 }, (_, i) => `<m${i}@x>`).join(' ');
    const cut = replyReferences(long, '<last@x>');
    expect(cut).toHaveLength(20);
    expect(cut[0]).toBe('<m0@x>');
    expect(cut.at(-1)).toBe('<last@x>');
  });

  it('answers the Reply-To when there is one, else the sender; refuses an item without an address', () => {
    const env = replyEnvelope(reply(), 'info@gemeente.test');
    expect(env).toMatchObject({ to: 'burger@example.test', inReplyTo: '<q2@example.test>', subject: 'Re: Grofvuil', threadRemoteId: '<root@example.test>' });
    expect(env.references).toEqual(['<root@example.test>', '<a1@gemeente.test>', '<q2@example.test>']);
    const withReplyTo = { ...parent, replyRef: { ...parent.replyRef, replyTo: 'partner@example.test' } };
    expect(replyEnvelope(reply({ inReplyTo: withReplyTo }), 'info@gemeente.test').to).toBe('partner@example.test');
    const anonymous = { ...parent, author: { remoteId: 'unknown' }, replyRef: {} };
    expect(() => replyEnvelope(reply({ inReplyTo: anonymous }), 'info@gemeente.test')).toThrow(ConnectorError);
  });
});

describe('composeReply', () => {
  it('builds a message with the threading headers that parses back the same', async () => {
    const env = replyEnvelope(reply({ text: 'Op dinsdag, tussen 7 en 16 uur. Groet, de gemeente — ✓' }), 'info@gemeente.test');
    const raw = await composeReply(reply({ text: 'Op dinsdag, tussen 7 en 16 uur. Groet, de gemeente — ✓' }), env, { address: 'info@gemeente.test', name: 'Gemeente Test' }, new Date('2026-11-02T09:00:00Z'));
    const parsed = await parseRawMessage(raw);
    expect(parsed.messageId).toBe(env.messageId);
    expect(parsed.inReplyTo).toBe('<q2@example.test>');
    expect(parsed.references).toEqual(['<root@example.test>', '<a1@gemeente.test>', '<q2@example.test>']);
    expect(parsed.subject).toBe('Re: Grofvuil');
    expect(parsed.from?.value[0]).toEqual({ address: 'info@gemeente.test', name: 'Gemeente Test' });
    expect(parsed.text?.trim()).toBe('Op dinsdag, tussen 7 en 16 uur. Groet, de gemeente — ✓');
    expect(parsed.date?.toISOString()).toBe('2026-11-02T09:00:00.000Z');
  });

  it('attaches media of the reply', async () => {
    const media = [{ kind: 'image' as const, mimeType: 'image/png', bytes: new Uint8Array([137, 80, 78, 71]) }];
    const env = replyEnvelope(reply({ media }), 'info@gemeente.test');
    const parsed = await parseRawMessage(await composeReply(reply({ media }), env, { address: 'info@gemeente.test' }, new Date()));
    expect(parsed.attachments.map((a) => [a.filename, a.contentType, a.size])).toEqual([['image-1.png', 'image/png', 4]]);
  });
});
