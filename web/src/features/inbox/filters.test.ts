import { describe, expect, it } from 'vitest';
import { activeFilterCount, clearedFilters, DEFAULT_FILTERS, filtersSearch, inboxPath, readFilters, toListQuery } from './filters';

const read = (s: string) => readFilters(new URLSearchParams(s));

describe('readFilters', () => {
  it('gives the defaults for an empty search', () => {
    expect(read('')).toEqual(DEFAULT_FILTERS);
  });

  it('reads every known filter', () => {
    expect(read('view=mine&status=resolved&channel=c1&team=t1&tag=klacht&sentiment=negative&sla=breached&priority=urgent&q=afval')).toEqual({
      view: 'mine',
      status: 'resolved',
      channelId: 'c1',
      teamId: 't1',
      tag: 'klacht',
      sentiment: 'negative',
      sla: 'breached',
      priority: 'urgent',
      q: 'afval',
    });
  });

  it('drops values it does not know instead of passing them on', () => {
    expect(read('view=everything&status=deleted&sentiment=angry&sla=late&priority=asap')).toEqual(DEFAULT_FILTERS);
  });

  it('trims and caps free text at 200 characters and a tag at 40', () => {
    const f = read(`q=${encodeURIComponent('  ' + 'x'.repeat(300) + '  ')}&tag=%20vip%20`);
    expect(f.q).toBe('x'.repeat(200));
    expect(f.tag).toBe('vip');
    expect(read(`tag=${'t'.repeat(50)}`).tag).toBe('t'.repeat(40));
  });
});

describe('filtersSearch', () => {
  it('is empty for the defaults', () => {
    expect(filtersSearch(DEFAULT_FILTERS)).toBe('');
  });

  it('writes only what differs from the default, and reads back the same', () => {
    const f = { ...DEFAULT_FILTERS, view: 'team' as const, tag: 'a&b', q: 'één twee' };
    const s = filtersSearch(f);
    expect(s).toBe('?view=team&tag=a%26b&q=%C3%A9%C3%A9n+twee');
    expect(readFilters(new URLSearchParams(s.slice(1)))).toEqual(f);
  });
});

describe('activeFilterCount and clearedFilters', () => {
  it('counts narrowing filters and a non-default status, not the view or the search', () => {
    expect(activeFilterCount(DEFAULT_FILTERS)).toBe(0);
    expect(activeFilterCount({ ...DEFAULT_FILTERS, view: 'mine', q: 'x' })).toBe(0);
    expect(activeFilterCount({ ...DEFAULT_FILTERS, status: 'open', channelId: 'c', sla: 'warning' })).toBe(3);
  });

  it('keeps only the view when clearing', () => {
    expect(clearedFilters({ ...DEFAULT_FILTERS, view: 'unassigned', priority: 'high', q: 'x' })).toEqual({ ...DEFAULT_FILTERS, view: 'unassigned' });
  });
});

describe('toListQuery and inboxPath', () => {
  it('leaves empty filters out of the request', () => {
    expect(toListQuery({ ...DEFAULT_FILTERS, teamId: 't' }, 'cur', 50)).toEqual({
      view: 'all',
      status: 'active',
      channelId: undefined,
      teamId: 't',
      tag: undefined,
      sentiment: undefined,
      sla: undefined,
      priority: undefined,
      q: undefined,
      cursor: 'cur',
      limit: 50,
    });
  });

  it('builds the inbox path with the conversation and the filters, escaping ids', () => {
    expect(inboxPath('ws 1', null, DEFAULT_FILTERS)).toBe('/w/ws%201/inbox');
    expect(inboxPath('w', 'a/b', { ...DEFAULT_FILTERS, view: 'mine' })).toBe('/w/w/inbox/a%2Fb?view=mine');
  });
});
