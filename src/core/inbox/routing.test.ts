import { describe, expect, it } from 'vitest';
import { compileRules, matchForm, routeMessage, validateRules, type Condition, type RoutableMessage, type RoutingRule, type RuleActions } from './routing';

const msg = (over: Partial<RoutableMessage> = {}): RoutableMessage => ({
  channelId: 'ch-bsky',
  channelKind: 'bluesky',
  kind: 'mention',
  text: 'Hallo, een vraag over de afvalkalender',
  language: 'nl',
  sentiment: 'neutral',
  contactTags: [],
  vip: false,
  receivedAt: '2024-06-03T08:00:00Z',
  ...over,
});

const rule = (id: string, conditions: Condition[], actions: RuleActions, extra: Partial<RoutingRule> = {}): RoutingRule => ({
  id, name: id, enabled: true, match: 'all', conditions, actions, stop: false, ...extra,
});

const defaults = { teamId: 'team-default', priority: 'normal' as const };
const route = (rules: RoutingRule[], m: Partial<RoutableMessage>) => routeMessage(compileRules(rules), msg(m), defaults);

describe('routeMessage: order, stop, default, tags and priority', () => {
  const rules = [
    rule('complaints', [{ type: 'keywords', any: ['klacht', 'schandalig'] }, { type: 'sentiment', sentiments: ['negative'] }], {
      teamId: 'team-service', priority: 'high', tags: ['klacht'], autoAcknowledge: { text: 'We kijken ernaar.' },
    }, { match: 'any' }),
    rule('press', [{ type: 'keywords', any: ['journalist', 'pers'] }], { teamId: 'team-press', priority: 'urgent', tags: ['pers'] }, { stop: true }),
    rule('vip', [{ type: 'vip' }], { assigneeId: 'u-anna', priority: 'urgent', tags: ['vip', 'klacht'], autoAcknowledge: { text: 'Dag!' } }),
    rule('everything', [], { tags: ['inbox'] }),
  ];

  it('applies every matching rule: the first team stays, tags add up, the priority rises', () => {
    const r = route(rules, { text: 'Schandalig hoe lang dit duurt', sentiment: 'negative', vip: true });
    expect(r).toEqual({
      teamId: 'team-service',
      assigneeId: 'u-anna',
      priority: 'urgent',
      tags: ['klacht', 'vip', 'inbox'],
      autoAcknowledge: { text: 'We kijken ernaar.', ruleId: 'complaints' },
      matched: [
        { ruleId: 'complaints', name: 'complaints', because: ['text contains “schandalig”', 'sentiment is negative'] },
        { ruleId: 'vip', name: 'vip', because: ['contact is a VIP'] },
        { ruleId: 'everything', name: 'everything', because: ['the rule has no conditions: it matches every message'] },
      ],
      trace: [
        { ruleId: 'complaints', name: 'complaints', matched: true, because: ['text contains “schandalig”', 'sentiment is negative'] },
        { ruleId: 'press', name: 'press', matched: false, because: ['text contains none of “journalist”, “pers”'] },
        { ruleId: 'vip', name: 'vip', matched: true, because: ['contact is a VIP'] },
        { ruleId: 'everything', name: 'everything', matched: true, because: ['the rule has no conditions: it matches every message'] },
      ],
    });
  });

  it('ends evaluation at a matching rule with stop, and says so in the trace', () => {
    const r = route(rules, { text: 'Ik ben journalist bij de krant', vip: true });
    expect(r.teamId).toBe('team-press');
    expect(r.priority).toBe('urgent');
    expect(r.tags).toEqual(['pers']);
    expect(r.assigneeId).toBeNull();
    expect(r.autoAcknowledge).toBeNull();
    expect(r.matched.map((m) => m.ruleId)).toEqual(['press']);
    expect(r.trace.slice(2)).toEqual([
      { ruleId: 'vip', name: 'vip', matched: false, because: ['not evaluated: “press” stopped the evaluation'] },
      { ruleId: 'everything', name: 'everything', matched: false, because: ['not evaluated: “press” stopped the evaluation'] },
    ]);
  });

  it('sends a message no rule routes to the default queue with the default priority', () => {
    const r = route(rules.slice(0, 3), { text: 'Wanneer is het zwembad open?' });
    expect(r).toMatchObject({ teamId: 'team-default', assigneeId: null, priority: 'normal', tags: [], autoAcknowledge: null, matched: [] });
    expect(r.trace.map((t) => t.matched)).toEqual([false, false, false]);
    expect(r.trace[0].because).toEqual(['text contains none of “klacht”, “schandalig”', 'sentiment is neutral, not negative']);
    expect(route([], {})).toEqual({ teamId: 'team-default', assigneeId: null, priority: 'normal', tags: [], autoAcknowledge: null, matched: [], trace: [] });
    expect(routeMessage(compileRules([]), msg(), { teamId: null, priority: 'low' })).toMatchObject({ teamId: null, priority: 'low' });
  });

  it('uses the default team when matching rules only add tags', () => {
    expect(route([rule('tag', [{ type: 'kind', kinds: ['mention'] }], { tags: ['mention'] })], {})).toMatchObject({ teamId: 'team-default', tags: ['mention'] });
  });

  it('does not let a later rule override the team or assignee, nor take an assignee of another team', () => {
    const r = route(
      [
        rule('a', [], { teamId: 'team-service' }),
        rule('b', [], { teamId: 'team-sales', assigneeId: 'u-sales' }),
        rule('c', [], { teamId: 'team-service', assigneeId: 'u-service' }),
        rule('d', [], { assigneeId: 'u-other' }),
      ],
      {},
    );
    expect(r).toMatchObject({ teamId: 'team-service', assigneeId: 'u-service' });
  });

  it('lets the first rule set any priority, later rules only raise it', () => {
    const low = rule('low', [], { priority: 'low' });
    expect(route([low], {}).priority).toBe('low');
    expect(route([low, rule('normal', [], { priority: 'normal' }), rule('low2', [], { priority: 'low' })], {}).priority).toBe('normal');
    expect(route([rule('high', [], { priority: 'high' }), low], {}).priority).toBe('high');
  });

  it('skips disabled rules and shows them in the trace', () => {
    const r = route([rule('off', [], { teamId: 'team-x' }, { enabled: false }), rule('on', [], { tags: ['t'] })], {});
    expect(r.teamId).toBe('team-default');
    expect(r.trace[0]).toEqual({ ruleId: 'off', name: 'off', matched: false, because: ['the rule is disabled'] });
  });

  it('explains an "all" rule by what failed, an "any" rule by what held', () => {
    const conditions: Condition[] = [
      { type: 'channel', channelIds: ['ch-mail'] },
      { type: 'kind', kinds: ['email', 'form'] },
      { type: 'language', languages: ['en'] },
      { type: 'contact_tag', tags: ['Pers'] },
    ];
    const m = { contactTags: ['pers', 'bewoner'] };
    expect(route([rule('all', conditions, { tags: ['x'] })], m).trace[0].because).toEqual([
      'arrived on channel ch-bsky (bluesky), not “ch-mail”',
      'message is a mention, not an e-mail or a website form message',
      'language is Dutch, not English',
    ]);
    expect(route([rule('any', conditions, { tags: ['x'] }, { match: 'any' })], m).trace[0]).toEqual({
      ruleId: 'any', name: 'any', matched: true, because: ['contact is tagged “Pers”'],
    });
    expect(route([rule('lang', [{ type: 'language', languages: ['nl'] }], { tags: ['x'] })], { language: null }).trace[0].because).toEqual([
      'language is unknown, not Dutch',
    ]);
    expect(route([rule('vip', [{ type: 'vip' }], { tags: ['x'] })], {}).trace[0].because).toEqual(['contact is not a VIP']);
  });
});

describe('keywords', () => {
  const hit = (keywords: string[], text: string, subject?: string) =>
    route([rule('k', [{ type: 'keywords', any: keywords }], { tags: ['k'] })], { text, subject }).trace[0];

  it('match whole words and phrases regardless of case and accents', () => {
    expect(hit(['klacht', 'café'], 'KLACHT over het Cafe')).toMatchObject({ matched: true, because: ['text contains “klacht”, “café”'] });
    expect(hit(['recu'], 'Ik wil een reçu')).toMatchObject({ matched: true });
    expect(hit(['Ærø'], 'naar aero')).toMatchObject({ matched: true });
    expect(hit(['nog steeds niet'], 'Het werkt Nog  steeds niet!')).toMatchObject({ matched: true });
    expect(hit(['klacht'], 'Een #klacht over de bus')).toMatchObject({ matched: true });
    expect(hit(['e-mail'], 'stuur een E-MAIL')).toMatchObject({ matched: true });
  });

  it('do not match inside other words or out of order', () => {
    expect(hit(['klacht'], 'Mijn klachten en een aanklacht')).toEqual({ ruleId: 'k', name: 'k', matched: false, because: ['text contains none of “klacht”'] });
    expect(hit(['pers'], 'Ik wil persoonlijk contact')).toMatchObject({ matched: false });
    expect(hit(['nog steeds niet'], 'nog niet steeds')).toMatchObject({ matched: false });
    expect(hit(['e-mail'], 'stuur een email')).toMatchObject({ matched: false });
  });

  it('look in the subject too', () => {
    expect(hit(['klacht'], 'zie bijlage', 'Klacht over mijn rekening')).toMatchObject({ matched: true, because: ['text contains “klacht”'] });
  });

  it('shorten a long list of keywords in the reason', () => {
    expect(hit(['a1', 'b2', 'c3', 'd4', 'e5', 'f6', 'g7'], 'niets')).toMatchObject({
      because: ['text contains none of “a1”, “b2”, “c3”, “d4”, “e5” and 2 more'],
    });
  });

  it('normalise to padded words', () => {
    expect(matchForm('  Café-Restaurant, “De Pers”! ')).toBe(' cafe restaurant de pers ');
    expect(matchForm('!!!')).toBe('');
  });
});

describe('time conditions in Europe/Amsterdam', () => {
  const office: Condition = { type: 'time', days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00', timeZone: 'Europe/Amsterdam' };
  const night: Condition = { type: 'time', days: [5, 6], from: '22:00', to: '06:00', timeZone: 'Europe/Amsterdam' };
  const at = (c: Condition, receivedAt: string) => route([rule('t', [c], { tags: ['t'] })], { receivedAt }).trace[0];

  it('reads local time and weekday, before and after the change to summer time', () => {
    expect(at(office, '2024-03-29T07:30:00Z')).toMatchObject({ matched: false, because: ['received on Friday 08:30 Europe/Amsterdam, outside Mon–Fri 09:00–17:00'] });
    expect(at(office, '2024-03-29T08:00:00Z')).toMatchObject({ matched: true, because: ['received on Friday 09:00 Europe/Amsterdam'] });
    expect(at(office, '2024-04-01T07:30:00Z')).toMatchObject({ matched: true, because: ['received on Monday 09:30 Europe/Amsterdam'] });
    expect(at(office, '2024-04-01T15:00:00Z')).toMatchObject({ matched: false });
    expect(at(office, '2024-10-28T07:30:00Z')).toMatchObject({ matched: false, because: ['received on Monday 08:30 Europe/Amsterdam, outside Mon–Fri 09:00–17:00'] });
    expect(at(office, '2024-06-08T08:12:00Z')).toMatchObject({ matched: false, because: ['received on Saturday 10:12 Europe/Amsterdam, outside Mon–Fri 09:00–17:00'] });
  });

  it('counts a window past midnight to the day it starts on, also in the night the clocks go forward', () => {
    expect(at(night, '2024-03-29T20:59:00Z')).toMatchObject({ matched: false });
    expect(at(night, '2024-03-29T21:00:00Z')).toMatchObject({ matched: true, because: ['received on Friday 22:00 Europe/Amsterdam'] });
    expect(at(night, '2024-03-31T00:30:00Z')).toMatchObject({ matched: true, because: ['received on Sunday 01:30 Europe/Amsterdam'] });
    expect(at(night, '2024-03-31T01:30:00Z')).toMatchObject({ matched: true, because: ['received on Sunday 03:30 Europe/Amsterdam'] });
    expect(at(night, '2024-03-31T03:59:00Z')).toMatchObject({ matched: true });
    expect(at(night, '2024-03-31T04:00:00Z')).toMatchObject({ matched: false, because: ['received on Sunday 06:00 Europe/Amsterdam, outside Fri, Sat 22:00–06:00'] });
    expect(at(night, '2024-03-31T21:00:00Z')).toMatchObject({ matched: false });
    expect(at(night, '2024-04-01T01:00:00Z')).toMatchObject({ matched: false });
  });

  it('wraps Sunday night into Monday morning, and the night the clocks go back', () => {
    const sundayNight: Condition = { type: 'time', days: [7], from: '22:00', to: '06:00', timeZone: 'Europe/Amsterdam' };
    expect(at(sundayNight, '2024-04-01T02:00:00Z')).toMatchObject({ matched: true, because: ['received on Monday 04:00 Europe/Amsterdam'] });
    expect(at({ ...sundayNight, days: [1] }, '2024-04-01T02:00:00Z')).toMatchObject({ matched: false });
    expect(at(sundayNight, '2024-10-27T00:30:00Z')).toMatchObject({ matched: false, because: ['received on Sunday 02:30 Europe/Amsterdam, outside Sun 22:00–06:00'] });
    expect(at(sundayNight, '2024-10-27T01:30:00Z')).toMatchObject({ matched: false, because: ['received on Sunday 02:30 Europe/Amsterdam, outside Sun 22:00–06:00'] });
    expect(at(sundayNight, '2024-10-27T21:00:00Z')).toMatchObject({ matched: true, because: ['received on Sunday 22:00 Europe/Amsterdam'] });
  });

  it('reads from = to as the whole day, and an unreadable time or unknown time zone as no match', () => {
    const weekend: Condition = { type: 'time', days: [6, 7], from: '00:00', to: '00:00', timeZone: 'Europe/Amsterdam' };
    expect(at(weekend, '2024-06-09T21:59:00Z')).toMatchObject({ matched: true, because: ['received on Sunday 23:59 Europe/Amsterdam'] });
    expect(at(weekend, '2024-06-09T22:00:00Z')).toMatchObject({ matched: false, because: ['received on Monday 00:00 Europe/Amsterdam, outside Sat, Sun all day'] });
    expect(at(weekend, 'gisteren')).toMatchObject({ matched: false, because: ['received at an unknown time'] });
    expect(at({ ...weekend, timeZone: 'Mars/Olympus' }, '2024-06-09T12:00:00Z')).toMatchObject({ matched: false, because: ['the time zone “Mars/Olympus” is unknown'] });
  });

  it('works in other time zones', () => {
    const ny: Condition = { type: 'time', days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00', timeZone: 'America/New_York' };
    expect(at(ny, '2024-06-03T14:00:00Z')).toMatchObject({ matched: true, because: ['received on Monday 10:00 America/New_York'] });
    expect(at(ny, '2024-06-03T12:00:00Z')).toMatchObject({ matched: false });
  });
});

describe('validateRules', () => {
  const good = {
    id: ' r1 ', name: ' Klachten ', conditions: [
      { type: 'keywords', any: ['klacht', ' klacht ', 'schandalig'] },
      { type: 'time', days: [5, 1, 5], from: '22:00', to: '06:00', timeZone: 'Europe/Amsterdam' },
    ],
    actions: { teamId: 'team-service', priority: 'high', tags: ['klacht', 'klacht'] },
  };

  it('returns a clean copy with defaults filled in', () => {
    expect(validateRules([good, { id: 'r2', name: 'Stop', match: 'any', enabled: false, stop: true, conditions: [{ type: 'vip' }] }])).toEqual({
      ok: true,
      rules: [
        {
          id: 'r1', name: 'Klachten', enabled: true, match: 'all', stop: false,
          conditions: [
            { type: 'keywords', any: ['klacht', 'schandalig'] },
            { type: 'time', days: [1, 5], from: '22:00', to: '06:00', timeZone: 'Europe/Amsterdam' },
          ],
          actions: { teamId: 'team-service', priority: 'high', tags: ['klacht'] },
        },
        { id: 'r2', name: 'Stop', enabled: false, match: 'any', stop: true, conditions: [{ type: 'vip' }], actions: {} },
      ],
    });
    expect(validateRules([])).toEqual({ ok: true, rules: [] });
  });

  it('names every problem with its rule and condition', () => {
    const result = validateRules([
      good,
      { ...good, name: 'Dubbel' },
      {
        id: 'r3', name: 'Kapot', match: 'some', stop: 'yes', conditions: [
          { type: 'time', days: [0, 8], from: '25:00', to: '9:00', timeZone: 'Europe/Amsterdm' },
          { type: 'keywords', any: [] },
          { type: 'kind', kinds: ['mention', 'fax'] },
          { type: 'keywords', any: ['!!!'] },
          { type: 'weather' },
          { type: 'channel', channelIds: [''] },
        ],
        actions: { priority: 'asap', autoAcknowledge: { text: ' ' } },
      },
      { id: 'r4', name: 'Niets', conditions: [] },
      { name: '', conditions: 'all' },
      'rule',
    ]);
    expect(result).toEqual({
      ok: false,
      problems: [
        'Rule 2 (“Dubbel”): id “r1” is used by an earlier rule; ids must be unique.',
        'Rule 3 (“Kapot”): stop must be true or false.',
        'Rule 3 (“Kapot”): match must be "all" or "any".',
        'Rule 3 (“Kapot”): condition 1 (time): days must be a non-empty list of day numbers from 1 (Monday) to 7 (Sunday).',
        'Rule 3 (“Kapot”): condition 1 (time): from "25:00" is not a time; write it as HH:MM, from 00:00 to 23:59.',
        'Rule 3 (“Kapot”): condition 1 (time): to "9:00" is not a time; write it as HH:MM, from 00:00 to 23:59.',
        'Rule 3 (“Kapot”): condition 1 (time): "Europe/Amsterdm" is not a known time zone; use a name like "Europe/Amsterdam".',
        'Rule 3 (“Kapot”): condition 2 (keywords): any must be a non-empty list.',
        'Rule 3 (“Kapot”): condition 3 (kind): kinds: "fax" is not a message kind (mention, reply, comment, quote, direct_message, email, form, chat).',
        'Rule 3 (“Kapot”): condition 4 (keywords): any: "!!!" is not a word or phrase with letters or digits.',
        'Rule 3 (“Kapot”): condition 5 (weather): "weather" is not a condition type.',
        'Rule 3 (“Kapot”): condition 6 (channel): channelIds: "" is not a channel id.',
        'Rule 3 (“Kapot”): actions.priority must be one of low, normal, high, urgent.',
        'Rule 3 (“Kapot”): actions.autoAcknowledge needs a text of 1 to 2000 characters.',
        'Rule 4 (“Niets”): it does nothing: give it at least one action, or let it stop the evaluation.',
        'Rule 5: id must be a non-empty text of at most 100 characters.',
        'Rule 5: name must be a non-empty text of at most 200 characters.',
        'Rule 5: conditions must be a list (an empty list matches every message).',
        'Rule 5: it does nothing: give it at least one action, or let it stop the evaluation.',
        'Rule 6: it is not a rule.',
      ],
    });
  });

  it('rejects what is not a list of rules, or too many', () => {
    expect(validateRules({ rules: [] })).toEqual({ ok: false, problems: ['The routing rules must be a list.'] });
    expect(validateRules(null)).toEqual({ ok: false, problems: ['The routing rules must be a list.'] });
    const many = Array.from({ length: 201 }, (_, i) => ({ id: `r${i}`, name: `r${i}`, conditions: [], stop: true }));
    expect(validateRules(many)).toEqual({ ok: false, problems: ['There are 201 routing rules, but at most 200 are allowed.'] });
  });

  it('gives rules that compile and route', () => {
    const v = validateRules([good]);
    if (!v.ok) throw new Error(v.problems.join('\n'));
    const r = routeMessage(compileRules(v.rules), msg({ text: 'Een klacht', receivedAt: '2024-06-03T20:30:00Z' }), defaults);
    expect(r).toMatchObject({ teamId: 'team-service', priority: 'high', tags: ['klacht'] });
    expect(r.matched[0].because).toEqual(['text contains “klacht”', 'received on Monday 22:30 Europe/Amsterdam']);
  });
});
