import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AccountInfo } from '../types';
import type { MastodonNotification } from './mastodon.entities';
import { compareIds, isInboundNotification, statusToInbound } from './mastodon.map';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../../test/fixtures/mastodon/${name}.json`, import.meta.url), 'utf8'));
const self: AccountInfo = { remoteId: '110000000000000001', handle: 'regie_demo@social.example', displayName: 'Regie Demo', serviceUrl: 'https://social.example' };
const notes = fixture('notifications').body as MastodonNotification[];
const byStatus = (id: string) => notes.find((n) => n.status?.id === id)!;

describe('Mastodon notifications to inbox items', () => {
  it('keeps mentions with a status, drops other notification types', () => {
    expect(notes.filter(isInboundNotification).map((n) => n.id)).toEqual(['5005', '5003', '5002', '5001']);
  });

  it('maps a public mention: plain text with the whole link, the remote author as user@domain', () => {
    const n = byStatus('111000000000000200');
    const item = statusToInbound(n.status!, self, n.status!.id, n.id);
    expect(item).toMatchObject({
      remoteId: '111000000000000200',
      kind: 'mention',
      threadRemoteId: '111000000000000200',
      author: { remoteId: '110000000000000077', handle: 'piet@other.example', displayName: 'Piet 🌷' },
      text: '@regie_demo kunnen jullie hier naar kijken? https://other.example/wijkplan/2026/reacties-van-bewoners',
      createdAt: '2026-11-20T09:10:00.000Z',
      url: 'https://other.example/@piet/111000000000000200',
      replyRef: { statusId: '111000000000000200', visibility: 'public', authorAcct: 'piet@other.example', notificationId: '5001' },
      fromSelf: false,
    });
    expect(item.inReplyToRemoteId).toBeUndefined();
  });

  it('maps a reply to our own status, keeping paragraphs and line breaks and escaped markup as text', () => {
    const n = byStatus('111000000000000300');
    const item = statusToInbound(n.status!, self, '111000000000000100');
    expect(item.kind).toBe('reply');
    expect(item.inReplyToRemoteId).toBe('111000000000000100');
    expect(item.author.handle).toBe('anna@social.example');
    expect(item.text).toBe('@regie_demo Goed idee & snel geregeld!\n\nEerste regel\ntweede regel <b>geen tag</b>');
  });

  it('maps a direct status to a direct message, its content warning to the subject', () => {
    const n = byStatus('111000000000000400');
    const item = statusToInbound(n.status!, self, n.status!.id);
    expect(item.kind).toBe('direct_message');
    expect(item.subject).toBe('persoonlijk');
    expect(item.replyRef?.visibility).toBe('direct');
  });

  it('a mention inside someone else’s reply chain stays a mention; own statuses are marked fromSelf', () => {
    const n = byStatus('111000000000000500');
    expect(statusToInbound(n.status!, self, '111000000000000100').kind).toBe('mention');
    const own = { ...n.status!, account: { ...n.status!.account, id: self.remoteId } };
    expect(statusToInbound(own, self, 'x').fromSelf).toBe(true);
  });

  it('compares ids as numbers of any length', () => {
    expect(compareIds('9', '10')).toBeLessThan(0);
    expect(compareIds('111000000000000500', '111000000000000499')).toBeGreaterThan(0);
    expect(compareIds('5', '5')).toBe(0);
  });
});
