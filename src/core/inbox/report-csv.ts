/**
 * The report as CSV for Dutch spreadsheet programs: UTF-8 with a byte order mark, `;` between cells, CRLF between
 * rows, and no cell that a spreadsheet would run as a formula. Pure.
 */

export type CsvValue = string | number | null;

const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[;"\r\n]|^\s|\s$/;

/**
 * One cell: a text starting with = + - @ (or a tab or carriage return) gets a leading apostrophe so it is never
 * run as a formula; a text with `;`, a quote, a line break or outer spaces is quoted (quotes doubled); null is
 * empty; numbers are written as they are.
 */
export function csvCell(v: CsvValue): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const safe = FORMULA_START.test(v) ? `'${v}` : v;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A whole CSV document: the byte order mark, the header and the rows, every line ending in CRLF. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvValue[]>): string {
  const lines = [header, ...rows].map((r) => r.map(csvCell).join(';'));
  return `${BOM}${lines.map((l) => `${l}\r\n`).join('')}`;
}

export interface ReportCsvRow {
  id: string;
  /** Local 'YYYY-MM-DD HH:MM' of the first message. */
  startedAt: string;
  channelName: string;
  kind: string;
  subject: string | null;
  teamName: string | null;
  status: string;
  priority: string;
  sentiment: string;
  tags: readonly string[];
  firstResponseMinutes: number | null;
  resolutionMinutes: number | null;
  firstResponseSla: string;
  resolutionSla: string;
  answeredByOrg: string | null;
}

export const REPORT_CSV_HEADER = [
  'id',
  'started',
  'channel',
  'kind',
  'subject',
  'team',
  'status',
  'priority',
  'sentiment',
  'tags',
  'first_response_minutes',
  'resolution_minutes',
  'first_response_sla',
  'resolution_sla',
  'answered_by',
] as const;

/** The report's CSV: one row per conversation, in the order given, tags joined with ", ". */
export function reportCsv(rows: readonly ReportCsvRow[]): string {
  return toCsv(
    REPORT_CSV_HEADER,
    rows.map((r) => [
      r.id,
      r.startedAt,
      r.channelName,
      r.kind,
      r.subject,
      r.teamName,
      r.status,
      r.priority,
      r.sentiment,
      r.tags.join(', '),
      r.firstResponseMinutes,
      r.resolutionMinutes,
      r.firstResponseSla,
      r.resolutionSla,
      r.answeredByOrg,
    ]),
  );
}
