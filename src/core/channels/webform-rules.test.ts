import { describe, expect, it } from 'vitest';
import {
  WEBFORM_LIMITS,
  checkSubmission,
  cleanLine,
  cleanMultiline,
  embedSnippet,
  isEmailAddress,
  normalizeOrigin,
  originAllowed,
  pageOnOrigin,
  parseAllowedOrigins,
  rateVerdict,
  spamVerdict,
} from './webform-rules';

const NOW = Date.parse('2026-12-01T10:00:00Z');
const body = (over: Record<string, unknown> = {}) => ({ kind: 'form', message: 'Wanneer is het milieupark open?', website: '', startedAt: NOW - 10_000, ...over });

describe('allowed websites', () => {
  it('keeps the origin of https addresses and loopback http, nothing else', () => {
    expect(normalizeOrigin('https://www.Gemeente.nl/contact?x=1')).toBe('https://www.gemeente.nl');
    expect(normalizeOrigin('https://www.gemeente.nl:8443')).toBe('https://www.gemeente.nl:8443');
    expect(normalizeOrigin('http://127.0.0.1:5173')).toBe('http://127.0.0.1:5173');
    expect(normalizeOrigin('http://localhost:3000')).toBe('http://localhost:3000');
    expect(normalizeOrigin('http://www.gemeente.nl')).toBeNull();
    expect(normalizeOrigin('https://user:pw@www.gemeente.nl')).toBeNull();
    expect(normalizeOrigin('javascript:alert(1)')).toBeNull();
    expect(normalizeOrigin('www.gemeente.nl')).toBeNull();
  });

  it('parses a list separated by commas, spaces or lines, without duplicates', () => {
    expect(parseAllowedOrigins(' https://www.gemeente.nl, https://gemeente.nl/\nhttps://www.gemeente.nl/nieuws  ftp://x ')).toEqual({
      origins: ['https://www.gemeente.nl', 'https://gemeente.nl'],
      invalid: ['ftp://x'],
    });
  });

  it('accepts only an exact origin from the list', () => {
    const allowed = ['https://www.gemeente.nl'];
    expect(originAllowed('https://www.gemeente.nl', allowed)).toBe(true);
    expect(originAllowed('https://gemeente.nl', allowed)).toBe(false);
    expect(originAllowed('https://www.gemeente.nl.evil.test', allowed)).toBe(false);
    expect(originAllowed('https://www.gemeente.nl/pad', allowed)).toBe(false);
    expect(originAllowed('null', allowed)).toBe(false);
    expect(originAllowed(undefined, allowed)).toBe(false);
  });
});

describe('checking a submission', () => {
  it('cleans text: one-line fields lose line breaks, messages keep them, control characters go', () => {
    expect(cleanLine('  Jan\r\nBcc: x@y.z\t ')).toBe('Jan Bcc: x@y.z');
    expect(cleanMultiline(' regel 1\r\nregel 2\u0000\u0007 ')).toBe('regel 1\nregel 2');
  });

  it('accepts a good form submission and keeps HTML as plain text', () => {
    const r = checkSubmission(body({ name: ' Jan ', email: 'jan@voorbeeld.nl', subject: 'Vraag', message: '<b>hallo</b>' }));
    expect(r).toEqual({
      ok: true,
      submission: { kind: 'form', name: 'Jan', email: 'jan@voorbeeld.nl', subject: 'Vraag', message: '<b>hallo</b>', honeypot: '', startedAt: NOW - 10_000 },
    });
  });

  it('keeps a conversation id only for chat', () => {
    const chat = checkSubmission(body({ kind: 'chat', conversationId: 'abc_DEF-123' }));
    expect(chat.ok && chat.submission.conversationId).toBe('abc_DEF-123');
    const form = checkSubmission(body({ conversationId: 'abc_DEF-123' }));
    expect(form.ok && form.submission.conversationId).toBeUndefined();
  });

  it('refuses what is wrong, naming the field, without echoing the input', () => {
    const cases: Array<[Record<string, unknown>, string, number]> = [
      [{ kind: 'post' }, 'kind', 400],
      [{ message: '   ' }, 'message', 400],
      [{ message: 42 }, 'message', 400],
      [{ message: 'x'.repeat(WEBFORM_LIMITS.messageMax + 1) }, 'message', 413],
      [{ email: 'geen adres <script>' }, 'email', 400],
      [{ name: 'n'.repeat(201) }, 'name', 400],
      [{ subject: 's'.repeat(301) }, 'subject', 400],
      [{ kind: 'chat', conversationId: '../../etc' }, 'conversationId', 400],
      [{ startedAt: undefined }, 'startedAt', 400],
      [{ startedAt: 'gisteren' }, 'startedAt', 400],
    ];
    for (const [over, field, status] of cases) {
      const r = checkSubmission(body(over));
      expect(r.ok, field).toBe(false);
      if (!r.ok) {
        expect(r.field).toBe(field);
        expect(r.status).toBe(status);
        expect(r.message).not.toContain('<script>');
        expect(r.message).not.toContain('../');
      }
    }
    expect(checkSubmission(null).ok).toBe(false);
    expect(checkSubmission([1]).ok).toBe(false);
    expect(checkSubmission(body({ message: 'x'.repeat(WEBFORM_LIMITS.messageMax) })).ok).toBe(true);
  });

  it('validates e-mail addresses plausibly', () => {
    for (const ok of ['a@b.nl', 'jan.de-vries+web@gemeente.example.org']) expect(isEmailAddress(ok), ok).toBe(true);
    for (const bad of ['a@b', 'a b@c.nl', 'a@@c.nl', '<a@b.nl>', 'a@b.nl\r\nBcc: c@d.nl', `${'a'.repeat(250)}@b.nl`]) expect(isEmailAddress(bad), bad).toBe(false);
  });

  it('keeps the page address only on the sending website, without query', () => {
    expect(pageOnOrigin('https://www.gemeente.nl/contact?token=geheim#x', 'https://www.gemeente.nl')).toBe('https://www.gemeente.nl/contact');
    expect(pageOnOrigin('https://evil.test/contact', 'https://www.gemeente.nl')).toBeUndefined();
    expect(pageOnOrigin('kapot', 'https://www.gemeente.nl')).toBeUndefined();
  });
});

describe('spam traps', () => {
  it('catches a filled honeypot and a submission faster than 2 s', () => {
    expect(spamVerdict({ honeypot: '', startedAt: NOW - 5000 }, NOW)).toBe('ok');
    expect(spamVerdict({ honeypot: 'https://spam.test', startedAt: NOW - 5000 }, NOW)).toBe('honeypot');
    expect(spamVerdict({ honeypot: '', startedAt: NOW - 1999 }, NOW)).toBe('too_fast');
    expect(spamVerdict({ honeypot: '', startedAt: NOW + 60_000 }, NOW)).toBe('too_fast');
  });

  it("measures on the sender's own clock when it says when it sent (a skewed clock does not matter)", () => {
    const skewed = NOW + 30_000;
    expect(spamVerdict({ honeypot: '', startedAt: skewed, sentAt: skewed + 4000 }, NOW)).toBe('ok');
    expect(spamVerdict({ honeypot: '', startedAt: skewed, sentAt: skewed + 500 }, NOW)).toBe('too_fast');
  });
});

describe('rate limit', () => {
  const none = { count: 0, oldest: null };
  it('lets a visitor send up to the limit per kind, then says when to try again', () => {
    expect(rateVerdict({ visitor: { count: 4, oldest: null }, channel: none }, 'form', NOW)).toEqual({ ok: true });
    const oldest = new Date(NOW - 4 * 60_000).toISOString();
    expect(rateVerdict({ visitor: { count: 5, oldest }, channel: none }, 'form', NOW)).toEqual({ ok: false, scope: 'visitor', retryAfterSeconds: 360 });
    expect(rateVerdict({ visitor: { count: 5, oldest }, channel: none }, 'chat', NOW)).toEqual({ ok: true });
  });
  it('caps the whole channel against floods from many addresses', () => {
    const r = rateVerdict({ visitor: none, channel: { count: WEBFORM_LIMITS.perChannel, oldest: new Date(NOW - WEBFORM_LIMITS.windowMs).toISOString() } }, 'chat', NOW);
    expect(r).toEqual({ ok: false, scope: 'channel', retryAfterSeconds: 1 });
  });
});

it('makes an embed snippet with escaped attributes', () => {
  expect(embedSnippet('https://regie.example/', 'k"ey', 'chat', 'en')).toBe(
    '<script src="https://regie.example/widget.js" data-regie-key="k&quot;ey" data-mode="chat" data-lang="en" async></script>',
  );
});
