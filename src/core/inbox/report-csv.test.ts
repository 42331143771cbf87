import { describe, expect, it } from 'vitest';
import { csvCell, reportCsv, toCsv } from './report-csv';

describe('csvCell', () => {
  it('quotes cells with separators, quotes, line breaks or outer spaces', () => {
    expect(csvCell('gewoon')).toBe('gewoon');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('zei "ja"')).toBe('"zei ""ja"""');
    expect(csvCell('regel\nregel')).toBe('"regel\nregel"');
    expect(csvCell(' rand')).toBe('" rand"');
    expect(csvCell('a,b')).toBe('a,b');
  });
  it('never lets a text start a formula', () => {
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('+31 6 1234')).toBe("'+31 6 1234");
    expect(csvCell('-10')).toBe("'-10");
    expect(csvCell('@jan')).toBe("'@jan");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('=1;2')).toBe('"\'=1;2"');
    expect(csvCell('a=b')).toBe('a=b');
  });
  it('writes numbers as they are and null as empty', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(12.5)).toBe('12.5');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell('')).toBe('');
  });
});

describe('toCsv and reportCsv', () => {
  it('starts with a byte order mark, separates with ; and ends lines with CRLF', () => {
    expect(toCsv(['a', 'b'], [['x', 1], [null, 'y;z']])).toBe('\uFEFFa;b\r\nx;1\r\n;"y;z"\r\n');
  });
  it('writes one row per conversation under a fixed header', () => {
    const csv = reportCsv([
      {
        id: 'c1',
        startedAt: '2027-01-01 10:00',
        channelName: 'Facebook',
        kind: 'comment',
        subject: '=HYPERLINK("x")',
        teamName: null,
        status: 'resolved',
        priority: 'high',
        sentiment: 'negative',
        tags: ['afval', 'klacht'],
        firstResponseMinutes: 12,
        resolutionMinutes: null,
        firstResponseSla: 'met',
        resolutionSla: 'none',
        answeredByOrg: 'Bureau Helder',
      },
    ]);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('id;started;channel;kind;subject;team;status;priority;sentiment;tags;first_response_minutes;resolution_minutes;first_response_sla;resolution_sla;answered_by');
    expect(lines[1]).toBe('c1;2027-01-01 10:00;Facebook;comment;"\'=HYPERLINK(""x"")";;resolved;high;negative;afval, klacht;12;;met;none;Bureau Helder');
    expect(lines).toHaveLength(3);
    expect(reportCsv([])).toBe('\uFEFF' + lines[0] + '\r\n');
  });
});
