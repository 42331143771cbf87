import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';
import { describe, expect, it } from 'vitest';
import { replyMessageId } from './email.compose';
import { ATTACHMENT_BYTES_LIMIT, messageIds, parseRawMessage, threadRootOf, toInboundItem } from './email.map';

const mailbox = { address: 'info@gemeente.test' };
const meta = { uid: 7, uidValidity: '1700000000', receivedAt: new Date('2026-11-01T10:00:05Z') };

async function item(mail: Mail.Options) {
  const raw = await new MailComposer({ date: new Date('2026-11-01T10:00:00Z'), ...mail }).compile().build();
  return toInboundItem(await parseRawMessage(raw), meta, mailbox);
}

describe('toInboundItem', () => {
  it('maps a citizen e-mail: sender, subject, text, sanitised HTML, attachments, thread and reply references', async () => {
    const it = await item({
      from: { name: 'Bea Burger', address: 'Burger@Example.test' },
      to: 'info@gemeente.test',
      subject: 'Lantaarnpaal kapot',
      messageId: '<q1@example.test>',
      text: 'De lantaarnpaal in de Dorpsstraat is kapot.',
      html: '<p>De lantaarnpaal is <b>kapot</b>.</p><script>steal()</script><img src="http://tracker.example/p.gif"><img src="cid:foto@example.test">',
      attachments: [
        { filename: 'foto.jpg', contentType: 'image/jpeg', content: Buffer.from('jpegbytes'), cid: 'foto@example.test' },
        { filename: 'brief.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4') },
      ],
    });
    expect(it).toMatchObject({
      remoteId: '<q1@example.test>',
      kind: 'email',
      threadRemoteId: '<q1@example.test>',
      author: { remoteId: 'burger@example.test', handle: 'burger@example.test', displayName: 'Bea Burger', email: 'burger@example.test' },
      text: 'De lantaarnpaal in de Dorpsstraat is kapot.',
      subject: 'Lantaarnpaal kapot',
      createdAt: '2026-11-01T10:00:05.000Z',
      replyRef: { messageId: '<q1@example.test>', subject: 'Lantaarnpaal kapot' },
    });
    expect(it.inReplyToRemoteId).toBeUndefined();
    expect(it.fromSelf).toBeUndefined();
    expect(it.html).toBe('<p>De lantaarnpaal is <b>kapot</b>.</p><img data-src="http://tracker.example/p.gif"><img src="cid:foto@example.test">');
    expect(it.attachments).toEqual([
      { name: 'foto.jpg', mimeType: 'image/jpeg', size: 9, contentId: 'foto@example.test', bytes: new Uint8Array(Buffer.from('jpegbytes')) },
      { name: 'brief.pdf', mimeType: 'application/pdf', size: 8, bytes: new Uint8Array(Buffer.from('%PDF-1.4')) },
    ]);
  });

  it('threads a reply on the root of References, else on In-Reply-To, and keeps what a reply needs', async () => {
    const deep = await item({
      from: 'burger@example.test', subject: 'Re: Lantaarnpaal', messageId: '<q3@example.test>', text: 'Nog steeds kapot.',
      inReplyTo: '<a2@gemeente.test>', references: ['<q1@example.test>', '<a2@gemeente.test>'], replyTo: 'partner@example.test',
    });
    expect(deep.threadRemoteId).toBe('<q1@example.test>');
    expect(deep.inReplyToRemoteId).toBe('<a2@gemeente.test>');
    expect(deep.replyRef).toEqual({ messageId: '<q3@example.test>', references: '<q1@example.test> <a2@gemeente.test>', subject: 'Re: Lantaarnpaal', replyTo: 'partner@example.test' });
    const shallow = await item({ from: 'burger@example.test', subject: 'Re: x', messageId: '<q4@example.test>', text: 'y', inReplyTo: '<a9@gemeente.test>' });
    expect(shallow.threadRemoteId).toBe('<a9@gemeente.test>');
    expect(threadRootOf([], undefined, '<own@x>')).toBe('<own@x>');
    expect(messageIds('<a@x>  <b@x>\r\n <a@x>')).toEqual(['<a@x>', '<b@x>']);
  });

  it('marks our own messages coming back: a Message-ID we generate, or From = the mailbox', async () => {
    const ours = await item({ from: 'someone@gemeente.test', subject: 'Re: x', messageId: replyMessageId('k1', mailbox.address), text: 'antwoord' });
    expect(ours.fromSelf).toBe(true);
    const fromBox = await item({ from: 'Info <INFO@gemeente.test>', subject: 'x', messageId: '<other@gemeente.test>', text: 'y' });
    expect(fromBox.fromSelf).toBe(true);
  });

  it('falls back to uidValidity:uid without a Message-ID; text from HTML-only mail; auto-replies flagged', async () => {
    const raw = 'From: burger@example.test\r\nTo: info@gemeente.test\r\nSubject: geen id\r\nAuto-Submitted: auto-replied\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Alleen <i>HTML</i></p>\r\n';
    const it = toInboundItem(await parseRawMessage(raw), meta, mailbox);
    expect(it.remoteId).toBe('1700000000:7');
    expect(it.threadRemoteId).toBe('1700000000:7');
    expect(it.text).toBe('Alleen HTML');
    expect(it.html).toBe('<p>Alleen <i>HTML</i></p>');
    expect(it.replyRef?.messageId).toBeUndefined();
    expect(it.replyRef?.autoSubmitted).toBe('auto-replied');
  });

  it('keeps attachments over the limits without their bytes', async () => {
    const raw = await new MailComposer({
      from: 'burger@example.test', subject: 'groot', messageId: '<big@x>', text: 't',
      attachments: [{ filename: 'a.bin', content: Buffer.alloc(600, 1) }, { filename: 'b.bin', content: Buffer.alloc(300, 2) }, { filename: 'c.bin', content: Buffer.alloc(200, 3) }],
    }).compile().build();
    const it = toInboundItem(await parseRawMessage(raw), meta, mailbox, { attachmentBytes: 500, messageBytes: 400 });
    expect(it.attachments?.map((a) => [a.name, a.size, a.bytes?.length])).toEqual([['a.bin', 600, undefined], ['b.bin', 300, 300], ['c.bin', 200, undefined]]);
    expect(ATTACHMENT_BYTES_LIMIT).toBe(10 * 1024 * 1024);
  });
});
