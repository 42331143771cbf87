/**
 * Bulk import of posts from a CSV file (as Excel, LibreOffice or Google Sheets save it). The file is untrusted:
 * every row is checked, and a row with any error is reported and left out, never half-imported.
 */

import { CTA_TYPES, type Cta, type CtaType, type Instrument } from './post-content';
import { isHttpUrl } from './utm';

/** The forms a post can take in a CSV file (a call to action is given by its own columns). */
export type ImportInstrument = Extract<Instrument, 'post' | 'link' | 'poll' | 'thread' | 'event'>;

export interface ImportRow {
  /** The line in the file where the row starts (the header is line 1). */
  line: number;
  /** ISO 8601 UTC, or null when the row has no time (an unscheduled post). */
  scheduledAt: string | null;
  channelIds: string[];
  text: string;
  link?: string;
  cta?: Cta;
  campaignId?: string;
  firstComment?: string;
  instrument: ImportInstrument;
}

export type ImportErrorCode =
  | 'missing_column' | 'unclosed_quote' | 'too_many_rows' | 'missing_text' | 'bad_date' | 'bad_time' | 'in_the_past'
  | 'unknown_channel' | 'unknown_campaign' | 'bad_url' | 'bad_cta' | 'bad_instrument';

export interface ImportError {
  line: number;
  /** The column's English name (`date`, `channels`, …) when the error is about one cell. */
  column?: string;
  code: ImportErrorCode;
  message: string;
}

export interface ImportOptions {
  channels: Array<{ id: string; name: string; kind: string }>;
  campaigns: Array<{ id: string; name: string }>;
  /** The IANA time zone the dates and times in the file are in, e.g. `Europe/Amsterdam`. */
  timeZone: string;
  now: Date;
  /** The most data rows a file may have; default {@link IMPORT_MAX_ROWS}. */
  maxRows?: number;
}

export const IMPORT_MAX_ROWS = 5000;
export const IMPORT_INSTRUMENTS: readonly ImportInstrument[] = ['post', 'link', 'poll', 'thread', 'event'];

type Column = 'date' | 'time' | 'channels' | 'text' | 'link' | 'cta_type' | 'cta_text' | 'cta_url' | 'campaign' | 'first_comment' | 'instrument';

const HEADER_ALIASES = new Map<string, Column>(Object.entries({
  date: 'date', datum: 'date',
  time: 'time', tijd: 'time',
  channels: 'channels', channel: 'channels', kanalen: 'channels', kanaal: 'channels',
  text: 'text', tekst: 'text',
  link: 'link', url: 'link',
  cta_type: 'cta_type', cta_text: 'cta_text', cta_tekst: 'cta_text', cta_url: 'cta_url', cta_link: 'cta_url',
  campaign: 'campaign', campagne: 'campaign',
  first_comment: 'first_comment', eerste_reactie: 'first_comment',
  instrument: 'instrument', vorm: 'instrument',
} satisfies Record<string, Column>) as Array<[string, Column]>);

type CsvRecord = { line: number; cells: string[] };

const UNQUOTED = { ',': /[^,\r\n]*/y, ';': /[^;\r\n]*/y };
const lineBreaks = (s: string) => (s.includes('\n') || s.includes('\r') ? (s.match(/\r\n?|\n/g)?.length ?? 0) : 0);

/** Splits CSV text into records with the line each starts on; `unclosedAt` is the line of a quote never closed. */
function readRecords(input: string): { records: CsvRecord[]; unclosedAt: number | null } {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = detectDelimiter(text);
  const unquoted = UNQUOTED[delimiter];
  const records: CsvRecord[] = [];
  let unclosedAt: number | null = null;
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const record: CsvRecord = { line, cells: [] };
    for (;;) {
      let cell = '';
      if (text[i] === '"') {
        let close = text.indexOf('"', i + 1);
        while (close !== -1 && text[close + 1] === '"') close = text.indexOf('"', close + 2);
        if (close === -1) unclosedAt = line;
        const raw = text.slice(i + 1, close === -1 ? text.length : close);
        cell = raw.replaceAll('""', '"');
        line += lineBreaks(raw);
        i = close === -1 ? text.length : close + 1;
      }
      unquoted.lastIndex = i;
      const rest = unquoted.exec(text)?.[0] ?? '';
      cell += rest;
      i += rest.length;
      record.cells.push(cell);
      if (text[i] !== delimiter) break;
      i++;
    }
    records.push(record);
    if (text[i] === '\r' || text[i] === '\n') {
      i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
    }
  }
  return { records, unclosedAt };
}

/** `;` when the header line (outside quotes) has more semicolons than commas, else `,`. */
function detectDelimiter(text: string): ',' | ';' {
  const header = (/^(?:"[^"]*"|[^"\r\n])*/.exec(text)?.[0] ?? '').replace(/"[^"]*"/g, '');
  const count = (c: string) => header.split(c).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

/**
 * Parses CSV text (RFC 4180) into rows of cells: quoted cells may hold the delimiter, doubled quotes and line breaks;
 * lines end in LF, CRLF or CR; a leading UTF-8 byte order mark is dropped; the delimiter is `;` when the first line
 * has more semicolons than commas outside quotes (Dutch Excel), else `,`. A final line break does not make an empty
 * row; an empty line inside the file is a row with one empty cell. An unclosed quote runs to the end of the text.
 */
export function parseCsv(text: string): string[][] {
  return readRecords(text).records.map((r) => r.cells);
}

const PAD = (n: number, w = 2) => String(n).padStart(w, '0');

function parseDate(s: string): { y: number; m: number; d: number } | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  const [y, m, d] = iso ? [+iso[1], +iso[2], +iso[3]] : dutch ? [+dutch[3], +dutch[2], +dutch[1]] : [0, 0, 0];
  if (!iso && !dutch) return null;
  const check = new Date(Date.UTC(y, m - 1, d));
  return check.getUTCFullYear() === y && check.getUTCMonth() === m - 1 && check.getUTCDate() === d ? { y, m, d } : null;
}

function parseTime(s: string): { h: number; mi: number } | null {
  const t = /^(\d{1,2})[:.](\d{2})(?::00)?$/.exec(s);
  if (!t || +t[1] > 23 || +t[2] > 59) return null;
  return { h: +t[1], mi: +t[2] };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC (ms) at instant `t`. Throws RangeError for an unknown time zone. */
function offsetAt(timeZone: string, t: number): number {
  const f = formatters.get(timeZone) ?? new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  formatters.set(timeZone, f);
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(t))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(t / 1000) * 1000;
}

/**
 * The UTC instant of a wall-clock time in `timeZone`: null when the clock skips that time (the spring DST gap); the
 * earlier instant when the clock shows it twice (the autumn fold).
 */
function zonedToUtc(timeZone: string, wall: number): number | null {
  const day = 86_400_000;
  const offsets = [offsetAt(timeZone, wall - day), offsetAt(timeZone, wall + day)];
  if (offsets[0] === offsets[1]) return wall - offsets[0];
  return offsets
    .map((offset) => wall - offset)
    .filter((t) => t + offsetAt(timeZone, t) === wall)
    .sort((a, b) => a - b)[0] ?? null;
}

const norm = (s: string) => s.trim().toLowerCase();
const keyword = (s: string) => norm(s).replace(/[\s-]+/g, '_');

/**
 * Reads posts from CSV text for a bulk import. Header names are matched case-insensitively in English or Dutch
 * (`date|datum`, `time|tijd`, `channels|kanalen`, `text|tekst`, `link`, `cta_type`, `cta_text`, `cta_url`,
 * `campaign|campagne`, `first_comment|eerste_reactie`, `instrument`); unknown columns are ignored, only `text` is
 * required. Dates are YYYY-MM-DD or DD-MM-YYYY, times HH:MM in `timeZone` (a time that does not exist on that day is
 * `bad_time`, a time that occurs twice is the first one); no time means unscheduled. Channels are names or kinds
 * (a kind selects every channel of that kind) separated by `|` or `,`; empty means none yet. Rows that are blank
 * are skipped and not counted in `total`. Every error names its line; a file with more than `maxRows` data rows
 * gives one `too_many_rows` error and no rows. Throws RangeError when `timeZone` is not a known time zone.
 */
export function readPostRows(text: string, opts: ImportOptions): { rows: ImportRow[]; errors: ImportError[]; total: number } {
  offsetAt(opts.timeZone, opts.now.getTime());
  const { records, unclosedAt } = readRecords(text);
  const [header, ...body] = records;
  const data = body.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const errors: ImportError[] = [];
  const total = data.length;
  if (unclosedAt !== null) {
    errors.push({ line: unclosedAt, code: 'unclosed_quote', message: 'A quote (") opened on this line is never closed, so this row runs to the end of the file.' });
    if (data.at(-1) === records.at(-1)) data.pop();
  }

  const index = new Map<Column, number>();
  header?.cells.forEach((name, i) => {
    const column = HEADER_ALIASES.get(keyword(name));
    if (column && !index.has(column)) index.set(column, i);
  });
  if (!index.has('text')) {
    errors.push({ line: 1, column: 'text', code: 'missing_column', message: 'The first line must name the columns, with at least a "text" (or "tekst") column.' });
    return { rows: [], errors, total };
  }
  const maxRows = Math.max(0, Math.floor(opts.maxRows ?? IMPORT_MAX_ROWS));
  if (total > maxRows) {
    errors.push({ line: data[maxRows].line, code: 'too_many_rows', message: `The file has ${total} rows; import at most ${maxRows} at a time.` });
    return { rows: [], errors, total };
  }

  const rows: ImportRow[] = [];
  for (const record of data) {
    const before = errors.length;
    const cell = (c: Column) => {
      const i = index.get(c);
      return i === undefined ? '' : (record.cells[i] ?? '').replace(/\r\n?/g, '\n').trim();
    };
    const fail: Fail = (column, code, message) => {
      errors.push({ line: record.line, column, code, message });
      return null;
    };
    const row = readRow(cell, fail, opts);
    if (errors.length === before) rows.push({ line: record.line, ...row });
  }
  return { rows, errors, total };
}

type Fail = (column: Column, code: ImportErrorCode, message: string) => null;

/** User text inside a message, cut short so a hostile cell cannot make a huge one. */
const shown = (s: string) => (s.length > 60 ? `${s.slice(0, 60)}…` : s);

/** The row's fields; when `fail` was called the caller drops the row. */
function readRow(cell: (c: Column) => string, fail: Fail, opts: ImportOptions): Omit<ImportRow, 'line'> {
  const text = cell('text');
  if (!text) fail('text', 'missing_text', 'The text is empty.');
  const scheduledAt = readSchedule(cell('date'), cell('time'), fail, opts);
  const channelIds = readChannels(cell('channels'), fail, opts.channels);

  const link = cell('link');
  if (link && !isHttpUrl(link)) fail('link', 'bad_url', 'The link must be a full web address starting with https://.');

  let cta: ImportRow['cta'];
  const [ctaType, ctaText, ctaUrl] = [keyword(cell('cta_type')), cell('cta_text'), cell('cta_url')];
  if (ctaType || ctaText || ctaUrl) {
    if (!(CTA_TYPES as readonly string[]).includes(ctaType)) fail('cta_type', 'bad_cta', `The call to action must be one of: ${CTA_TYPES.join(', ')}.`);
    else if (ctaType === 'other' && !ctaText) fail('cta_text', 'bad_cta', 'A call to action of type "other" needs a cta_text.');
    if (!ctaUrl) fail('cta_url', 'bad_cta', 'A call to action needs a cta_url.');
    else if (!isHttpUrl(ctaUrl) && !(ctaType === 'call' && /^tel:\+?[\d\s()-]{3,}$/i.test(ctaUrl))) {
      fail('cta_url', 'bad_url', 'The cta_url must be a full web address starting with https:// (or tel: for "call").');
    }
    cta = { type: ctaType as CtaType, text: ctaText, url: ctaUrl };
  }

  const campaignName = cell('campaign');
  const campaignId = campaignName ? opts.campaigns.find((c) => norm(c.name) === norm(campaignName))?.id : undefined;
  if (campaignName && !campaignId) fail('campaign', 'unknown_campaign', `There is no campaign named "${shown(campaignName)}".`);

  const instrument = (keyword(cell('instrument')) || 'post') as ImportInstrument;
  if (!IMPORT_INSTRUMENTS.includes(instrument)) fail('instrument', 'bad_instrument', `The instrument must be one of: ${IMPORT_INSTRUMENTS.join(', ')}.`);

  const firstComment = cell('first_comment');
  const optional = { ...(link ? { link } : {}), ...(cta ? { cta } : {}), ...(campaignId ? { campaignId } : {}), ...(firstComment ? { firstComment } : {}) };
  return { scheduledAt, channelIds, text, instrument, ...optional };
}

/** The row's moment as ISO UTC; null when it has no time (or after reporting an error). */
function readSchedule(dateText: string, timeText: string, fail: Fail, opts: ImportOptions): string | null {
  const date = dateText ? parseDate(dateText) : null;
  if (dateText && !date) return fail('date', 'bad_date', `"${shown(dateText)}" is not a date; write YYYY-MM-DD or DD-MM-YYYY.`);
  if (!timeText) return null;
  const time = parseTime(timeText);
  if (!time) return fail('time', 'bad_time', `"${shown(timeText)}" is not a time; write HH:MM (24 hours).`);
  if (!date) return fail('date', 'bad_date', 'A row with a time also needs a date.');
  const at = zonedToUtc(opts.timeZone, Date.UTC(date.y, date.m - 1, date.d, time.h, time.mi));
  const local = `${date.y}-${PAD(date.m)}-${PAD(date.d)} ${PAD(time.h)}:${PAD(time.mi)}`;
  if (at === null) return fail('time', 'bad_time', `${local} does not exist in ${opts.timeZone}: the clocks skip it (summer time starts).`);
  if (at < opts.now.getTime()) return fail('date', 'in_the_past', `${local} has already passed.`);
  return new Date(at).toISOString();
}

function readChannels(textValue: string, fail: Fail, channels: ImportOptions['channels']): string[] {
  const ids: string[] = [];
  const byName = (s: string) => channels.filter((c) => norm(c.name) === norm(s));
  const byKind = (s: string) => channels.filter((c) => norm(c.kind) === norm(s));
  for (const part of textValue.split('|')) {
    if (!part.trim()) continue;
    const entries = byName(part).length > 0 ? [part] : part.split(',');
    for (const entry of entries) {
      if (!entry.trim()) continue;
      const found = byName(entry).length > 0 ? byName(entry) : byKind(entry);
      if (found.length === 0) fail('channels', 'unknown_channel', `There is no channel named "${shown(entry.trim())}".`);
      for (const c of found) if (!ids.includes(c.id)) ids.push(c.id);
    }
  }
  return ids;
}
