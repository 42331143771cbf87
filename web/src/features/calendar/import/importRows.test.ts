import { describe, expect, it } from 'vitest';
import { readPostRows, type ImportRow } from '../../../../../src/core/content/csv-import';
import { contentOf, decodeCsv, rowsToFixCsv, runImport, templateCsv, toCsv, type ImportCalls } from './importRows';

const channels = [
  { id: 'ch-bsky', name: 'Gemeente op Bluesky', kind: 'bluesky' },
  { id: 'ch-masto', name: 'Mastodon', kind: 'mastodon' },
];
const campaigns = [{ id: 'cmp-1', name: 'Zomer; buiten' }];
const opts = { channels, campaigns, timeZone: 'Europe/Amsterdam', now: new Date('2026-03-01T00:00:00Z') };

function row(over: Partial<ImportRow> = {}): ImportRow {
  return {
    line: 2,
    scheduledAt: '2026-03-10T08:30:00.000Z',
    channelIds: ['ch-bsky'],
    text: 'Hallo',
    instrument: 'post',
    ...over,
  };
}

describe('contentOf', () => {
  it('builds the post: title of 60 characters, one part per channel, link with UTM, cta turns a post into cta', () => {
    const text = `${'ä'.repeat(50)}\n\n${'b'.repeat(30)}`;
    const c = contentOf(
      row({
        text,
        channelIds: ['ch-bsky', 'ch-masto'],
        link: 'https://a.nl',
        firstComment: 'Meer info',
        cta: { type: 'sign_up', text: 'Meld je aan', url: 'https://a.nl/x' },
      }),
    );
    expect(c.title).toBe(`${'ä'.repeat(50)} ${'b'.repeat(9)}`);
    expect(c.core).toBe(text);
    expect(c.instrument).toBe('cta');
    expect(c.link).toEqual({ url: 'https://a.nl', utm: true });
    expect(c.variants).toEqual([
      { channelId: 'ch-bsky', parts: [text], firstComment: 'Meer info' },
      { channelId: 'ch-masto', parts: [text], firstComment: 'Meer info' },
    ]);
    expect(contentOf(row({ instrument: 'thread' })).instrument).toBe('thread');
    expect(contentOf(row()).cta).toBeNull();
  });
});

describe('runImport', () => {
  function calls(failCreate: Set<string>, failSchedule: Set<string>, waiting = false): ImportCalls & { log: string[] } {
    const log: string[] = [];
    return {
      log,
      create: async (body) => {
        log.push(`create ${body.content.core}`);
        if (failCreate.has(body.content.core)) throw new Error('nope');
        return { id: `post-${body.content.core}`, version: 1 };
      },
      schedule: async (id, version, at) => {
        log.push(`schedule ${id} v${version} ${at}`);
        if (failSchedule.has(id)) throw new Error('quiet hours');
        return { scheduledAt: at, waitingForApproval: waiting };
      },
    };
  }

  it('creates, schedules when there is a time, and records every outcome', async () => {
    const c = calls(new Set(['b']), new Set(['post-c']));
    const rows = [row({ text: 'a' }), row({ text: 'b' }), row({ text: 'c' }), row({ text: 'd', scheduledAt: null })];
    const seen: number[] = [];
    const r = await runImport(rows, c, { stop: () => false, onOutcome: (_, done) => seen.push(done) });
    expect(r.outcomes.map((o) => o.status)).toEqual(['scheduled', 'failed', 'unscheduled', 'created']);
    expect(r.rest).toEqual([]);
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(c.log).toEqual([
      'create a',
      'schedule post-a v1 2026-03-10T08:30:00.000Z',
      'create b',
      'create c',
      'schedule post-c v1 2026-03-10T08:30:00.000Z',
      'create d',
    ]);
  });

  it('reports waiting for approval', async () => {
    const r = await runImport([row()], calls(new Set(), new Set(), true), {
      stop: () => false,
      onOutcome: () => undefined,
    });
    expect(r.outcomes[0].status).toBe('waiting');
  });

  it('stops after the current row and returns the rest', async () => {
    let stop = false;
    const rows = [row({ text: 'a' }), row({ text: 'b' }), row({ text: 'c' })];
    const r = await runImport(rows, calls(new Set(), new Set()), { stop: () => stop, onOutcome: () => (stop = true) });
    expect(r.outcomes).toHaveLength(1);
    expect(r.rest.map((x) => x.text)).toEqual(['b', 'c']);
  });
});

describe('CSV files', () => {
  it('quotes what needs quoting', () => {
    expect(toCsv([['a;b', 'say "hi"', 'x\ny', ' pad', 'plain']])).toBe(
      '\ufeff"a;b";"say ""hi""";"x\ny";" pad";plain\r\n',
    );
  });

  it('writes rows to fix that read back into the same rows', () => {
    const rows = [
      row({
        text: 'Regel 1;\n"twee"',
        channelIds: ['ch-bsky', 'ch-masto'],
        campaignId: 'cmp-1',
        link: 'https://a.nl/?x=1',
        firstComment: 'c',
        instrument: 'link',
      }),
      row({ line: 3, scheduledAt: null, cta: { type: 'sign_up', text: 'Doe mee', url: 'https://a.nl/m' } }),
    ];
    const csv = rowsToFixCsv(
      rows.map((r) => ({ row: r, reason: 'Server zei nee' })),
      opts,
    );
    const back = readPostRows(csv, opts);
    expect(back.errors).toEqual([]);
    expect(back.rows.map(({ line: _line, ...r }) => r)).toEqual(rows.map(({ line: _line, ...r }) => r));
  });

  it('offers a template that reads without errors', () => {
    const csv = templateCsv({
      channelNames: ['Gemeente op Bluesky', 'Mastodon'],
      today: '2026-03-01',
      texts: ['Eerste', 'Tweede'],
    });
    expect(csv.split('\r\n')[0]).toBe(
      '\ufeffdatum;tijd;kanalen;tekst;link;cta_type;cta_text;cta_url;campagne;eerste_reactie;instrument',
    );
    const back = readPostRows(csv, opts);
    expect(back.errors).toEqual([]);
    expect(back.rows.map((r) => [r.scheduledAt, r.channelIds, r.instrument])).toEqual([
      ['2026-03-08T08:30:00.000Z', ['ch-bsky', 'ch-masto'], 'link'],
      [null, ['ch-bsky', 'ch-masto'], 'post'],
    ]);
  });

  it('decodes UTF-8, and Windows-1252 when the bytes are not UTF-8', () => {
    expect(decodeCsv(new TextEncoder().encode('café').buffer as ArrayBuffer)).toBe('café');
    expect(decodeCsv(new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x80]).buffer)).toBe('café€');
  });
});
