import type { ListResponse } from 'imapflow';
import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../errors';
import { imapFailure, smtpFailure } from './email.errors';
import { chooseSentFolder } from './email.imap';
import { readCursor, writeCursor } from './email.poll';
import { accountFor, isLoopbackHost, readSettings, toCredentials } from './email.settings';

const input = { imapHost: 'imap.gemeente.nl', smtpHost: 'smtp.gemeente.nl', address: 'Info@Gemeente.nl', password: 'geheim' };

function failure(f: () => unknown): ConnectorError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ConnectorError);
    return e as ConnectorError;
  }
  throw new Error('expected a failure');
}

describe('mailbox settings', () => {
  it('reads a connect form with sensible defaults and round-trips through credentials', () => {
    const s = readSettings(input);
    expect(s).toEqual({
      imap: { host: 'imap.gemeente.nl', port: 993, secure: true },
      smtp: { host: 'smtp.gemeente.nl', port: 587, secure: false },
      username: 'info@gemeente.nl',
      password: 'geheim',
      address: 'info@gemeente.nl',
    });
    expect(readSettings(toCredentials(s))).toEqual(s);
    expect(readSettings({ ...input, smtpPort: '465' }).smtp.secure).toBe(true);
    expect(readSettings({ ...input, imapPort: '143', imapSecure: 'false', username: 'info' })).toMatchObject({ imap: { port: 143, secure: false }, username: 'info' });
    expect(accountFor(s)).toEqual({ remoteId: 'info@gemeente.nl', handle: 'info@gemeente.nl', displayName: 'info@gemeente.nl', serviceUrl: 'imap://imap.gemeente.nl:993' });
  });

  it('refuses incomplete or malformed input, saying what is wrong', () => {
    expect(failure(() => readSettings({ ...input, address: 'geen adres' })).failure).toBe('rejected');
    expect(failure(() => readSettings({ ...input, password: '' })).message).toMatch(/password/);
    expect(failure(() => readSettings({ ...input, imapHost: 'imap host' })).message).toMatch(/IMAP server/);
    expect(failure(() => readSettings({ ...input, smtpPort: '70000' })).message).toMatch(/SMTP port/);
    expect(failure(() => readSettings({ ...input, imapSecure: 'misschien' })).failure).toBe('rejected');
  });

  it('tolerates cleartext only on loopback', () => {
    for (const h of ['127.0.0.1', 'localhost', '::1', '127.1.2.3']) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['imap.gemeente.nl', '10.0.0.1', '192.168.1.1', '::ffff:10.0.0.1']) expect(isLoopbackHost(h), h).toBe(false);
  });
});

describe('failure mapping', () => {
  it('IMAP: refused login → auth_revoked; unreachable → transient; NO answers → rejected; throttling → rate_limited', () => {
    expect(imapFailure(Object.assign(new Error('Command failed'), { authenticationFailed: true, serverResponseCode: 'AUTHENTICATIONFAILED', response: 'NO [AUTHENTICATIONFAILED] Authentication failed.' }), 'log in').failure).toBe('auth_revoked');
    expect(imapFailure(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }), 'log in').failure).toBe('transient');
    expect(imapFailure(Object.assign(new Error('Timeout'), { code: 'CONNECT_TIMEOUT' }), 'log in').failure).toBe('transient');
    const no = imapFailure(Object.assign(new Error('Command failed'), { responseStatus: 'NO', responseText: 'Quota exceeded', serverResponseCode: 'OVERQUOTA' }), 'append');
    expect([no.failure, no.details.platformReason]).toEqual(['rejected', 'Quota exceeded']);
    expect(imapFailure(Object.assign(new Error('slow down'), { code: 'ETHROTTLE', throttleReset: 5000 }), 'x').details.retryAfterMs).toBe(5000);
    expect(imapFailure(Object.assign(new Error('wrong version number'), { code: 'ERR_SSL_WRONG_VERSION_NUMBER' }), 'x').failure).toBe('rejected');
    expect(imapFailure(new Error('something odd'), 'x').failure).toBe('transient');
  });

  it('SMTP: 535 → auth_revoked; 5xx → rejected with the server text; 4xx and network → transient', () => {
    expect(smtpFailure(Object.assign(new Error('Invalid login'), { code: 'EAUTH', responseCode: 535, response: '535 5.7.8 Error: authentication failed' })).failure).toBe('auth_revoked');
    const r = smtpFailure(Object.assign(new Error('x'), { code: 'EENVELOPE', responseCode: 550, response: '550 5.1.1 <x@y>: Recipient address rejected: User unknown' }));
    expect([r.failure, r.details.platformReason, r.details.status]).toEqual(['rejected', '550 5.1.1 <x@y>: Recipient address rejected: User unknown', 550]);
    expect(smtpFailure(Object.assign(new Error('x'), { code: 'EENVELOPE', responseCode: 451, response: '451 try later' })).failure).toBe('transient');
    expect(smtpFailure(Object.assign(new Error('x'), { code: 'EAUTH', responseCode: 454, response: '454 temporary' })).failure).toBe('transient');
    expect(smtpFailure(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ESOCKET' })).failure).toBe('transient');
    expect(smtpFailure(Object.assign(new Error('Greeting never received'), { code: 'ETIMEDOUT' })).failure).toBe('transient');
    const ce = new ConnectorError('rejected', 'kept');
    expect(smtpFailure(ce)).toBe(ce);
  });
});

describe('poll cursor', () => {
  it('round-trips and treats anything unreadable as a fresh start', () => {
    expect(readCursor(writeCursor({ uidValidity: '1795981591', lastUid: 42 }))).toEqual({ uidValidity: '1795981591', lastUid: 42 });
    for (const bad of [null, '', 'nope', '{}', '{"uidValidity":1,"lastUid":2}', '{"uidValidity":"1","lastUid":-1}']) expect(readCursor(bad), String(bad)).toBeNull();
  });
});

describe('chooseSentFolder', () => {
  const box = (path: string, specialUse?: string, source?: ListResponse['specialUseSource'], flags: string[] = []): ListResponse =>
    ({ path, pathAsListed: path, name: path.split('/').at(-1)!, delimiter: '/', parent: [], parentPath: '', flags: new Set(flags), specialUse, specialUseSource: source, listed: true, subscribed: true }) as ListResponse;

  it('prefers the server-declared \\Sent folder, then a name match, else none', () => {
    expect(chooseSentFolder([box('INBOX', '\\Inbox', 'name'), box('Sent', '\\Sent', 'name'), box('Verzonden items', '\\Sent', 'extension')])).toBe('Verzonden items');
    expect(chooseSentFolder([box('INBOX'), box('Sent', '\\Sent', 'name')])).toBe('Sent');
    expect(chooseSentFolder([box('INBOX'), box('INBOX/Verzonden')])).toBe('INBOX/Verzonden');
    expect(chooseSentFolder([box('INBOX'), box('Sent', '\\Sent', 'extension', ['\\Noselect'])])).toBeNull();
    expect(chooseSentFolder([box('INBOX'), box('Archief')])).toBeNull();
  });
});
