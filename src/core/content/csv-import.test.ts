import { describe, expect, it } from 'vitest';
import { type ImportOptions, parseCsv, readPostRows } from './csv-import';

describe('parseCsv', () => {
  it('reads plain comma-separated rows', () => {
    expect(parseCsv('a,b,c\n1,2,3\n')).toEqual([['a', 'b', 'c'], ['1', '2', '3']]);
    expect(parseCsv('a,b\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('handles quotes, doubled quotes, delimiters and line breaks inside quotes', () => {
    expect(parseCsv('text,x\r\n"Zeg ""hallo"", zei ze","regel 1\r\nregel 2\nregel 3"\r\n')).toEqual([
      ['text', 'x'],
      ['Zeg "hallo", zei ze', 'regel 1\r\nregel 2\nregel 3'],
    ]);
    expect(parseCsv('"",""\n')).toEqual([['', '']]);
    expect(parseCsv('a\n""')).toEqual([['a'], ['']]);
  });

  it('keeps empty cells and empty lines, but no empty row for the final line break', () => {
    expect(parseCsv('a,,b,\n\n,\n')).toEqual([['a', '', 'b', ''], [''], ['', '']]);
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\n')).toEqual([['']]);
  });

  it('accepts CRLF, LF and lone CR line ends', () => {
    expect(parseCsv('a\r\nb\nc\rd')).toEqual([['a'], ['b'], ['c'], ['d']]);
  });

  it('drops a UTF-8 byte order mark', () => {
    expect(parseCsv('\uFEFFdatum;tekst\n1-2-2026;hoi')).toEqual([['datum', 'tekst'], ['1-2-2026', 'hoi']]);
  });

  it('detects ; from the header line (Dutch Excel), treats commas as text then, and picks , on a tie', () => {
    expect(parseCsv('tekst;kanalen\nHallo, wereld;Bluesky,Facebook\n')).toEqual([['tekst', 'kanalen'], ['Hallo, wereld', 'Bluesky,Facebook']]);
    expect(parseCsv('"a,b,c";d;e\n1;2;3')).toEqual([['a,b,c', 'd', 'e'], ['1', '2', '3']]);
    expect(parseCsv('a,b;c\n1,2;3')).toEqual([['a', 'b;c'], ['1', '2;3']]);
    expect(parseCsv('a;b;c,d\n1;2;3,4')).toEqual([['a', 'b', 'c,d'], ['1', '2', '3,4']]);
    expect(parseCsv('a;b,c\n1;2,3')).toEqual([['a;b', 'c'], ['1;2', '3']]);
  });

  it('reads back what a spreadsheet writes, for many random tables', () => {
    let seed = 42;
    const r = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const alphabet = ['a', 'Z', ' ', ',', ';', '"', '\n', '\r\n', 'é', '😀', "'", '|'];
    const cellText = () => Array.from({ length: Math.floor(r() * 6) }, () => alphabet[Math.floor(r() * alphabet.length)]).join('');
    for (let round = 0; round < 500; round++) {
      const delimiter = r() < 0.5 ? ',' : ';';
      const width = 1 + Math.floor(r() * 4);
      const header = Array.from({ length: width }, (_, i) => `kolom${i}`);
      const rows = [header, ...Array.from({ length: 1 + Math.floor(r() * 5) }, () => Array.from({ length: width }, cellText))];
      const quote = (c: string) => (/[",;\r\n]/.test(c) || r() < 0.2 ? `"${c.replaceAll('"', '""')}"` : c);
      const eol = r() < 0.5 ? '\r\n' : '\n';
      const lines = rows.map((row) => row.map(quote).join(delimiter));
      const finalBreak = r() < 0.5;
      const text = lines.join(eol) + (finalBreak ? eol : '');
      // An unquoted empty last line without a line break after it is indistinguishable from the end of the file.
      const expected = lines.at(-1) === '' && !finalBreak ? rows.slice(0, -1) : rows;
      expect(parseCsv(text), JSON.stringify(text)).toEqual(expected);
    }
  });

  it('keeps a quote inside an unquoted cell as text and reads an unclosed quote to the end', () => {
    expect(parseCsv('"abc""')).toEqual([['abc"']]);
    expect(parseCsv('a,b\n5" scherm,x')).toEqual([['a', 'b'], ['5" scherm', 'x']]);
    expect(parseCsv('a,b\n"open,x\ny')).toEqual([['a', 'b'], ['open,x\ny']]);
  });
});

const channels = [
  { id: 'ch-bsky', name: 'Gemeente op Bluesky', kind: 'bluesky' },
  { id: 'ch-fb', name: 'Gemeente Voorbeeld', kind: 'facebook' },
  { id: 'ch-fb2', name: 'Sport, Cultuur & Jeugd', kind: 'facebook' },
  { id: 'ch-x', name: 'Gemeente X', kind: 'x' },
];
const campaigns = [{ id: 'cmp-1', name: 'Afvalweek' }];
const opts: ImportOptions = { channels, campaigns, timeZone: 'Europe/Amsterdam', now: new Date('2026-03-01T09:00:00Z') };
const read = (text: string, over: Partial<ImportOptions> = {}) => readPostRows(text, { ...opts, ...over });

describe('readPostRows', () => {
  it('reads a full English row and converts local time to UTC', () => {
    const csv = [
      'Date,Time,Channels,Text,Link,CTA_Type,CTA_Text,CTA_URL,Campaign,First_Comment,Instrument',
      '2026-03-10,09:30,bluesky|Gemeente Voorbeeld,Afvalweek begint!,https://gemeente.nl/afval,learn_more,Lees meer,https://gemeente.nl/afval/info,afvalweek,Meer info in de app,link',
    ].join('\n');
    expect(read(csv)).toEqual({
      rows: [
        {
          line: 2,
          scheduledAt: '2026-03-10T08:30:00.000Z',
          channelIds: ['ch-bsky', 'ch-fb'],
          text: 'Afvalweek begint!',
          link: 'https://gemeente.nl/afval',
          cta: { type: 'learn_more', text: 'Lees meer', url: 'https://gemeente.nl/afval/info' },
          campaignId: 'cmp-1',
          firstComment: 'Meer info in de app',
          instrument: 'link',
        },
      ],
      errors: [],
      total: 1,
    });
  });

  it('reads Dutch headers, ; as delimiter, DD-MM-YYYY and summer time', () => {
    const csv = '\uFEFFDatum;Tijd;Kanalen;Tekst;Campagne;Eerste reactie\r\n15-7-2026;14.05;Gemeente X, Gemeente Voorbeeld;"Zomer, zon\r\nen zee";;\r\n';
    const result = read(csv);
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([{ line: 2, scheduledAt: '2026-07-15T12:05:00.000Z', channelIds: ['ch-x', 'ch-fb'], text: 'Zomer, zon\nen zee', instrument: 'post' }]);
  });

  it('leaves a row without time unscheduled and accepts no channels', () => {
    expect(read('tekst,datum\nAlleen tekst,\nMet datum,2026-04-01\n').rows).toEqual([
      { line: 2, scheduledAt: null, channelIds: [], text: 'Alleen tekst', instrument: 'post' },
      { line: 3, scheduledAt: null, channelIds: [], text: 'Met datum', instrument: 'post' },
    ]);
  });

  it('selects every channel of a kind, a name with a comma, and no duplicates', () => {
    const { rows, errors } = read('text,channels\nA,facebook\nB,"Sport, Cultuur & Jeugd|x"\nC,"Gemeente X|x|X"\nD,"  Bluesky ,  "\n');
    expect(errors).toEqual([]);
    expect(rows.map((r) => r.channelIds)).toEqual([['ch-fb', 'ch-fb2'], ['ch-fb2', 'ch-x'], ['ch-x'], ['ch-bsky']]);
  });

  it('reports the file line where a row starts, counting line breaks inside quotes, and skips blank rows', () => {
    const csv = 'text,time\n"een\ntwee\ndrie",\n\n,\n,25:00\n';
    const { rows, errors, total } = read(csv);
    expect(rows).toEqual([{ line: 2, scheduledAt: null, channelIds: [], text: 'een\ntwee\ndrie', instrument: 'post' }]);
    expect(errors).toEqual([
      { line: 7, column: 'text', code: 'missing_text', message: 'The text is empty.' },
      { line: 7, column: 'time', code: 'bad_time', message: '"25:00" is not a time; write HH:MM (24 hours).' },
    ]);
    expect(total).toBe(2);
  });

  it('needs a text column', () => {
    expect(read('datum,kanalen\n2026-04-01,bluesky\n')).toEqual({
      rows: [],
      errors: [{ line: 1, column: 'text', code: 'missing_column', message: 'The first line must name the columns, with at least a "text" (or "tekst") column.' }],
      total: 1,
    });
    expect(read('').errors.map((e) => e.code)).toEqual(['missing_column']);
  });

  it('reports bad dates and times with exact codes', () => {
    const csv = ['date,time,text', '2026-02-30,10:00,a', '31-04-2026,10:00,b', '2026/04/01,10:00,c', 'morgen,10:00,d', '2026-04-01,10,e', '2026-04-01,9:60,f', ',10:00,g', '2026-04-01,24:00,h'].join('\n');
    expect(read(csv).errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [2, 'date', 'bad_date'],
      [3, 'date', 'bad_date'],
      [4, 'date', 'bad_date'],
      [5, 'date', 'bad_date'],
      [6, 'time', 'bad_time'],
      [7, 'time', 'bad_time'],
      [8, 'date', 'bad_date'],
      [9, 'time', 'bad_time'],
    ]);
  });

  it('refuses times in the past, but accepts exactly now', () => {
    const csv = 'date,time,text\n2026-03-01,09:59,te laat\n2026-03-01,10:00,precies nu\n';
    const { rows, errors } = read(csv);
    expect(errors.map((e) => [e.line, e.code])).toEqual([[2, 'in_the_past']]);
    expect(rows.map((r) => r.scheduledAt)).toEqual(['2026-03-01T09:00:00.000Z']);
  });

  it('handles the DST change in Europe/Amsterdam: a skipped time is bad_time, a doubled time is the first', () => {
    const csv = ['datum;tijd;tekst', '29-03-2026;01:59;voor', '29-03-2026;02:30;gat', '29-03-2026;03:00;na', '25-10-2026;02:30;dubbel', '25-10-2026;03:00;winter'].join('\n');
    const { rows, errors } = read(csv);
    expect(errors).toEqual([
      { line: 3, column: 'time', code: 'bad_time', message: '2026-03-29 02:30 does not exist in Europe/Amsterdam: the clocks skip it (summer time starts).' },
    ]);
    expect(rows.map((r) => [r.line, r.scheduledAt])).toEqual([
      [2, '2026-03-29T00:59:00.000Z'],
      [4, '2026-03-29T01:00:00.000Z'],
      [5, '2026-10-25T00:30:00.000Z'],
      [6, '2026-10-25T02:00:00.000Z'],
    ]);
  });

  it('uses the given time zone, including ones far from UTC', () => {
    const csv = 'date,time,text\n2026-06-01,00:15,a\n';
    expect(read(csv, { timeZone: 'America/New_York' }).rows[0].scheduledAt).toBe('2026-06-01T04:15:00.000Z');
    expect(read(csv, { timeZone: 'Asia/Kolkata' }).rows[0].scheduledAt).toBe('2026-05-31T18:45:00.000Z');
    expect(read(csv, { timeZone: 'UTC' }).rows[0].scheduledAt).toBe('2026-06-01T00:15:00.000Z');
    expect(() => read(csv, { timeZone: 'Europe/Nergenshuizen' })).toThrow(RangeError);
  });

  it('reports unknown channels and campaigns', () => {
    const { rows, errors } = read('text,channels,campaign\na,bluesky|tiktok,\nb,,Kerst\n');
    expect(rows).toEqual([]);
    expect(errors).toEqual([
      { line: 2, column: 'channels', code: 'unknown_channel', message: 'There is no channel named "tiktok".' },
      { line: 3, column: 'campaign', code: 'unknown_campaign', message: 'There is no campaign named "Kerst".' },
    ]);
  });

  it('checks links and calls to action', () => {
    const csv = [
      'text,link,cta_type,cta_text,cta_url',
      'a,gemeente.nl,,,',
      'b,javascript:alert(1),,,',
      'c,,koop,Nu,https://a.nl',
      'd,,other,,https://a.nl',
      'e,,sign_up,Meld je aan,',
      'f,,,,https://a.nl',
      'g,,buy,Koop,ftp://a.nl',
      'h,,Sign up,Doe mee,https://a.nl/aanmelden',
      'i,,call,Bel ons,tel:+31 20 123 4567',
      'j,,download,Download,tel:+31201234567',
    ].join('\n');
    const { rows, errors } = read(csv);
    expect(errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [2, 'link', 'bad_url'],
      [3, 'link', 'bad_url'],
      [4, 'cta_type', 'bad_cta'],
      [5, 'cta_text', 'bad_cta'],
      [6, 'cta_url', 'bad_cta'],
      [7, 'cta_type', 'bad_cta'],
      [8, 'cta_url', 'bad_url'],
      [11, 'cta_url', 'bad_url'],
    ]);
    expect(rows.map((r) => [r.line, r.cta])).toEqual([
      [9, { type: 'sign_up', text: 'Doe mee', url: 'https://a.nl/aanmelden' }],
      [10, { type: 'call', text: 'Bel ons', url: 'tel:+31 20 123 4567' }],
    ]);
  });

  it('reads the instrument, defaulting to post', () => {
    const { rows, errors } = read('text,instrument\na,\nb,Poll\nc,thread\nd,carrousel\n');
    expect(rows.map((r) => r.instrument)).toEqual(['post', 'poll', 'thread']);
    expect(errors.map((e) => [e.line, e.column, e.code])).toEqual([[5, 'instrument', 'bad_instrument']]);
  });

  it('refuses a file with more rows than allowed, counting only non-blank rows', () => {
    const csv = 'text\n' + Array.from({ length: 6 }, (_, i) => `post ${i}`).join('\n') + '\n\n';
    expect(read(csv, { maxRows: 6 }).rows).toHaveLength(6);
    expect(read(csv, { maxRows: 5 })).toEqual({
      rows: [],
      errors: [{ line: 7, code: 'too_many_rows', message: 'The file has 6 rows; import at most 5 at a time.' }],
      total: 6,
    });
    expect(read(csv, { maxRows: -1 }).errors).toEqual([{ line: 2, code: 'too_many_rows', message: 'The file has 6 rows; import at most 0 at a time.' }]);
    const big = 'text\n' + 'x\n'.repeat(5001);
    expect(read(big).errors.map((e) => e.code)).toEqual(['too_many_rows']);
  });

  it('reports an unclosed quote at the line it opens', () => {
    const { rows, errors, total } = read('text\nok\n"nooit dicht\nmeer\n');
    expect(rows.map((r) => r.text)).toEqual(['ok']);
    expect(errors).toEqual([{ line: 3, code: 'unclosed_quote', message: 'A quote (") opened on this line is never closed, so this row runs to the end of the file.' }]);
    expect(total).toBe(2);
  });

  it('ignores unknown columns, uses the first of duplicate columns and trims cells', () => {
    const { rows } = read('Notities,constructor,__proto__,TEXT,tekst\nintern,a,b,"  eerste  ",tweede\n');
    expect(rows).toEqual([{ line: 2, scheduledAt: null, channelIds: [], text: 'eerste', instrument: 'post' }]);
  });

  it('reads 5,000 rows quickly', () => {
    const csv = 'datum;tijd;kanalen;tekst\n' + Array.from({ length: 5000 }, (_, i) => `${(i % 28) + 1}-11-2026;10:${String(i % 60).padStart(2, '0')};bluesky|Gemeente X;Bericht ${i}, met "tekst"`).join('\n');
    const t0 = performance.now();
    const { rows, errors } = read(csv);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(5000);
    expect(rows[4999]).toEqual({ line: 5001, scheduledAt: '2026-11-16T09:19:00.000Z', channelIds: ['ch-bsky', 'ch-x'], text: 'Bericht 4999, met "tekst"', instrument: 'post' });
  });
});
