import type { ImportRow } from '../../../../../src/core/content/csv-import';
import type { PostContent } from '../../../../../src/core/content/post-content';
import type { NewPost, ScheduleResult } from '../api';
import { addDays, clock, zonedMoment, type CivilDate } from '../time';

/**
 * The import's work in the browser apart from the screen: posts from checked CSV rows, creating them one by one
 * (stoppable between rows), and writing CSV files back (the template, the rows to fix).
 */

export const TEMPLATE_HEADERS = [
  'datum',
  'tijd',
  'kanalen',
  'tekst',
  'link',
  'cta_type',
  'cta_text',
  'cta_url',
  'campagne',
  'eerste_reactie',
  'instrument',
];

const TITLE_LENGTH = 60;

/** The post a row becomes: the text as core and as the one part of each channel's variant, link with UTM tags. */
export function contentOf(row: ImportRow): PostContent {
  const flat = row.text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  return {
    title: chars.slice(0, TITLE_LENGTH).join(''),
    core: row.text,
    instrument: row.cta && row.instrument === 'post' ? 'cta' : row.instrument,
    cta: row.cta ?? null,
    link: row.link ? { url: row.link, utm: true } : null,
    poll: null,
    event: null,
    media: [],
    paidPartnership: false,
    variants: row.channelIds.map((channelId) => ({
      channelId,
      parts: [row.text],
      firstComment: row.firstComment ?? null,
    })),
  };
}

export type RowOutcome =
  /** Created; `scheduled`: in the schedule; `waiting`: has its time but waits for approval; `created`: no time in the row. */
  | { row: ImportRow; status: 'scheduled' | 'waiting' | 'created'; postId: string }
  /** Created, but giving it its time was refused: the post exists as a draft without a time. */
  | { row: ImportRow; status: 'unscheduled'; postId: string; error: unknown }
  /** Not created. */
  | { row: ImportRow; status: 'failed'; error: unknown };

export interface ImportCalls {
  create: (body: NewPost) => Promise<{ id: string; version: number }>;
  schedule: (postId: string, version: number, at: string) => Promise<ScheduleResult>;
}

/**
 * Creates the rows' posts in order, one request at a time, and gives each its time when the row has one. Checks
 * `stop()` before each row, so a stop lets the current row finish. Every row attempted gets exactly one outcome;
 * `rest` holds the rows not attempted.
 */
export async function runImport(
  rows: ImportRow[],
  calls: ImportCalls,
  hooks: { stop: () => boolean; onOutcome: (outcome: RowOutcome, done: number) => void },
): Promise<{ outcomes: RowOutcome[]; rest: ImportRow[] }> {
  const outcomes: RowOutcome[] = [];
  for (let i = 0; i < rows.length; i++) {
    if (hooks.stop()) return { outcomes, rest: rows.slice(i) };
    const outcome = await importOne(rows[i], calls);
    outcomes.push(outcome);
    hooks.onOutcome(outcome, i + 1);
  }
  return { outcomes, rest: [] };
}

async function importOne(row: ImportRow, calls: ImportCalls): Promise<RowOutcome> {
  let created: { id: string; version: number };
  try {
    created = await calls.create({ content: contentOf(row), briefId: null, campaignId: row.campaignId ?? null });
  } catch (error) {
    return { row, status: 'failed', error };
  }
  if (!row.scheduledAt) return { row, status: 'created', postId: created.id };
  try {
    const result = await calls.schedule(created.id, created.version, row.scheduledAt);
    return { row, status: result.waitingForApproval ? 'waiting' : 'scheduled', postId: created.id };
  } catch (error) {
    return { row, status: 'unscheduled', postId: created.id, error };
  }
}

/** One CSV cell: quoted when it holds the delimiter, a quote, a line break or spaces at either end. */
function cell(value: string): string {
  return /[;"\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A CSV file as Dutch spreadsheets save it: `;` between cells, CRLF line ends, a UTF-8 byte order mark. */
export function toCsv(lines: string[][]): string {
  return `\ufeff${lines.map((l) => l.map(cell).join(';')).join('\r\n')}\r\n`;
}

export interface NameSources {
  channels: Array<{ id: string; name: string }>;
  campaigns: Array<{ id: string; name: string }>;
  timeZone: string;
}

/** A row back as the template's cells (date and time on the workspace's clock, channels and campaign by name). */
export function rowCells(row: ImportRow, names: NameSources): string[] {
  const moment = row.scheduledAt ? zonedMoment(Date.parse(row.scheduledAt), names.timeZone) : null;
  return [
    moment?.date ?? '',
    moment ? clock(moment.hour, moment.minute) : '',
    row.channelIds.map((id) => names.channels.find((c) => c.id === id)?.name ?? id).join('|'),
    row.text,
    row.link ?? '',
    row.cta?.type ?? '',
    row.cta?.text ?? '',
    row.cta?.url ?? '',
    row.campaignId ? (names.campaigns.find((c) => c.id === row.campaignId)?.name ?? '') : '',
    row.firstComment ?? '',
    row.instrument,
  ];
}

/** The rows to fix and import again, with a last column `fout` saying why (ignored when the file is read). */
export function rowsToFixCsv(items: Array<{ row: ImportRow; reason: string }>, names: NameSources): string {
  return toCsv([[...TEMPLATE_HEADERS, 'fout'], ...items.map((i) => [...rowCells(i.row, names), i.reason])]);
}

/** A small file to start from: the headers and two example rows a week after `today`, on channels of this workspace. */
export function templateCsv(example: { channelNames: string[]; today: CivilDate; texts: [string, string] }): string {
  const day = addDays(example.today, 7);
  const channels = example.channelNames.slice(0, 2).join('|');
  return toCsv([
    TEMPLATE_HEADERS,
    [day, '09:30', channels, example.texts[0], 'https://www.example.org/nieuws', '', '', '', '', '', 'link'],
    [addDays(day, 1), '', channels, example.texts[1], '', '', '', '', '', '', 'post'],
  ]);
}

/** Windows-1252's characters for bytes 0x80–0x9F (where it differs from Latin-1); undefined bytes stay as they are. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** The text of a file: UTF-8 when it is valid UTF-8, else Windows-1252 (what Excel saves as "CSV" in Dutch Windows). */
export function decodeCsv(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    let out = '';
    for (const b of new Uint8Array(bytes))
      out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
    return out;
  }
}
