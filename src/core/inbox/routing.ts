/**
 * Routing rules: conditions on an inbound message → team, assignee, priority, tags and an auto-acknowledgement.
 * Rules are compiled once and evaluated in order for every message; each verdict carries plain-English reasons so
 * that a rule tester can show which rule routes a pasted message and why.
 */
import { fold } from '../code/normalize';
import { isTimeZone, parseHHMM } from '../code/quiet-hours';

export type MessageKind = 'mention' | 'reply' | 'comment' | 'quote' | 'direct_message' | 'email' | 'form' | 'chat';
export type Priority = 'low' | 'normal' | 'high' | 'urgent';
type Language = 'nl' | 'en';
type Sentiment = 'negative' | 'neutral' | 'positive';

export interface RoutableMessage {
  channelId: string;
  channelKind: string;
  kind: MessageKind;
  text: string;
  subject?: string;
  language: Language | null;
  sentiment: Sentiment;
  contactTags: string[];
  vip: boolean;
  /** ISO timestamp. */
  receivedAt: string;
}

export type Condition =
  | { type: 'channel'; channelIds: string[] }
  | { type: 'kind'; kinds: MessageKind[] }
  /** Whole words or phrases in the subject or text, case- and accent-insensitive. */
  | { type: 'keywords'; any: string[] }
  | { type: 'language'; languages: Language[] }
  | { type: 'sentiment'; sentiments: Sentiment[] }
  | { type: 'contact_tag'; tags: string[] }
  | { type: 'vip' }
  /** Local time in [from, to) on the given days (1 = Monday … 7 = Sunday). A window past midnight belongs to the
   * day it starts on; from = to is the whole day. */
  | { type: 'time'; days: number[]; from: string; to: string; timeZone: string };

export interface RuleActions {
  teamId?: string;
  assigneeId?: string;
  priority?: Priority;
  tags?: string[];
  autoAcknowledge?: { text: string };
}

export interface RoutingRule {
  id: string;
  name: string;
  enabled: boolean;
  match: 'all' | 'any';
  conditions: Condition[];
  actions: RuleActions;
  stop: boolean;
}

export interface RoutingResult {
  teamId: string | null;
  assigneeId: string | null;
  priority: Priority;
  tags: string[];
  autoAcknowledge: { text: string; ruleId: string } | null;
  matched: Array<{ ruleId: string; name: string; because: string[] }>;
  trace: Array<{ ruleId: string; name: string; matched: boolean; because: string[] }>;
}

export const MESSAGE_KINDS: readonly MessageKind[] = ['mention', 'reply', 'comment', 'quote', 'direct_message', 'email', 'form', 'chat'];
export const PRIORITIES: readonly Priority[] = ['low', 'normal', 'high', 'urgent'];

const KIND_NAMES: Record<MessageKind, string> = {
  mention: 'a mention', reply: 'a reply', comment: 'a comment', quote: 'a quote', direct_message: 'a direct message',
  email: 'an e-mail', form: 'a website form message', chat: 'a chat message',
};
const LANGUAGE_NAMES: Record<Language, string> = { nl: 'Dutch', en: 'English' };
const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const SHORT_DAY = new Map(DAY_NAMES.map((d, i) => [d.slice(0, 3), i + 1]));

/** Text as keywords are compared: folded, words separated by single spaces, padded with a space on both ends. */
export function matchForm(text: string): string {
  const words = fold(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return words ? ` ${words} ` : '';
}

const quote = (s: string) => `“${s}”`;
const listed = (items: string[], max = 5) =>
  items.length <= max ? items.map(quote).join(', ') : `${items.slice(0, max).map(quote).join(', ')} and ${items.length - max} more`;

function describeDays(days: number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    const short = (d: number) => DAY_NAMES[d - 1].slice(0, 3);
    if (j - i >= 2) parts.push(`${short(sorted[i])}–${short(sorted[j])}`);
    else for (let k = i; k <= j; k++) parts.push(short(sorted[k]));
    i = j + 1;
  }
  return parts.join(', ');
}

const clocks = new Map<string, Intl.DateTimeFormat>();
/** Weekday (1 = Monday) and minutes since midnight of `at` in `timeZone`. */
function localTime(at: Date, timeZone: string): { day: number; minutes: number } {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    if (clocks.size < 500) clocks.set(timeZone, clock);
  }
  let day = 0;
  let minutes = 0;
  for (const p of clock.formatToParts(at)) {
    if (p.type === 'weekday') day = SHORT_DAY.get(p.value) ?? 0;
    else if (p.type === 'hour') minutes += (Number(p.value) % 24) * 60;
    else if (p.type === 'minute') minutes += Number(p.value);
  }
  return { day, minutes };
}

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

interface Probe {
  message: RoutableMessage;
  /** The subject and text in match form, made on first use. */
  form(): string;
  words(): Set<string>;
  /** Weekday and minutes of the receipt time in a time zone (null when unreadable), worked out once per zone. */
  local(timeZone: string): { day: number; minutes: number } | null;
}
type Test = (p: Probe) => [boolean, string];

function keywordTest(keywords: string[]): Test {
  const terms = keywords
    .map((k) => ({ k, form: matchForm(k) }))
    .filter((t) => t.form)
    .map((t) => ({ ...t, word: t.form.indexOf(' ', 1) === t.form.length - 1 ? t.form.trim() : null }));
  const none = `text contains none of ${listed(keywords)}`;
  return (p) => {
    const hits = terms.filter((t) => (t.word !== null ? p.words().has(t.word) : p.form().includes(t.form)));
    return hits.length > 0 ? [true, `text contains ${listed(hits.map((h) => h.k))}`] : [false, none];
  };
}

function timeTest(c: Extract<Condition, { type: 'time' }>): Test {
  const from = parseHHMM(c.from) ?? 0;
  const to = parseHHMM(c.to) ?? 0;
  const days = new Set(c.days);
  const window = `${describeDays(c.days)} ${from === to ? 'all day' : `${c.from}–${c.to}`}`;
  if (!isTimeZone(c.timeZone)) return () => [false, `the time zone ${quote(c.timeZone)} is unknown`];
  return (p) => {
    const local = p.local(c.timeZone);
    if (!local) return [false, 'received at an unknown time'];
    const { day, minutes } = local;
    const previous = day === 1 ? 7 : day - 1;
    const ok =
      from === to ? days.has(day)
      : from < to ? days.has(day) && minutes >= from && minutes < to
      : (minutes >= from && days.has(day)) || (minutes < to && days.has(previous));
    const when = `received on ${DAY_NAMES[day - 1]} ${hhmm(minutes)} ${c.timeZone}`;
    return ok ? [true, when] : [false, `${when}, outside ${window}`];
  };
}

function conditionTest(c: Condition): Test {
  switch (c.type) {
    case 'channel': {
      const ids = new Set(c.channelIds);
      const not = `, not ${listed(c.channelIds)}`;
      return ({ message: m }) => {
        const on = `arrived on channel ${m.channelId} (${m.channelKind})`;
        return ids.has(m.channelId) ? [true, on] : [false, on + not];
      };
    }
    case 'kind': {
      const not = `, not ${c.kinds.map((k) => KIND_NAMES[k]).join(' or ')}`;
      return ({ message: m }) => {
        const is = `message is ${KIND_NAMES[m.kind] ?? m.kind}`;
        return c.kinds.includes(m.kind) ? [true, is] : [false, is + not];
      };
    }
    case 'keywords':
      return keywordTest(c.any);
    case 'language': {
      const not = `, not ${c.languages.map((l) => LANGUAGE_NAMES[l]).join(' or ')}`;
      return ({ message: m }) => {
        const is = `language is ${m.language ? LANGUAGE_NAMES[m.language] : 'unknown'}`;
        return m.language && c.languages.includes(m.language) ? [true, is] : [false, is + not];
      };
    }
    case 'sentiment': {
      const not = `, not ${c.sentiments.join(' or ')}`;
      return ({ message: m }) => {
        const is = `sentiment is ${m.sentiment}`;
        return c.sentiments.includes(m.sentiment) ? [true, is] : [false, is + not];
      };
    }
    case 'contact_tag': {
      const wanted = new Map(c.tags.map((t) => [fold(t.trim()), t]));
      const none = `contact has none of the tags ${listed(c.tags)}`;
      return ({ message: m }) => {
        const hits = [...new Set(m.contactTags.map((t) => wanted.get(fold(t.trim()))).filter((t): t is string => t !== undefined))];
        return hits.length > 0 ? [true, `contact is tagged ${listed(hits)}`] : [false, none];
      };
    }
    case 'vip':
      return ({ message: m }) => (m.vip ? [true, 'contact is a VIP'] : [false, 'contact is not a VIP']);
    case 'time':
      return timeTest(c);
  }
}

interface CompiledRule {
  rule: RoutingRule;
  tests: Test[];
}
export interface CompiledRules {
  rules: CompiledRule[];
}

/** Prepares valid rules (see `validateRules`) for `routeMessage`: keywords normalised, matchers built, order kept. */
export function compileRules(rules: readonly RoutingRule[]): CompiledRules {
  return { rules: rules.map((rule) => ({ rule, tests: rule.conditions.map(conditionTest) })) };
}

function verdict(cr: CompiledRule, probe: Probe): { matched: boolean; because: string[] } {
  if (cr.tests.length === 0) return { matched: true, because: ['the rule has no conditions: it matches every message'] };
  const outcomes = cr.tests.map((t) => t(probe));
  const yes = outcomes.filter((o) => o[0]).map((o) => o[1]);
  const no = outcomes.filter((o) => !o[0]).map((o) => o[1]);
  if (cr.rule.match === 'all') return no.length === 0 ? { matched: true, because: yes } : { matched: false, because: no };
  return yes.length > 0 ? { matched: true, because: yes } : { matched: false, because: no };
}

/**
 * Routes one message: the rules in order; a matching rule applies its actions, where the first team, assignee,
 * priority and auto-acknowledgement set stay, and later matching rules only add tags and raise the priority (an
 * assignee from a later rule is taken only while no assignee is set and it names no other team). A matching rule
 * with `stop` ends evaluation. Without a team from the rules the message goes to `defaults.teamId`. The trace lists
 * every rule with its verdict and reasons, also the disabled ones and those after a stop.
 */
export function routeMessage(compiled: CompiledRules, message: RoutableMessage, defaults: { teamId: string | null; priority: Priority }): RoutingResult {
  let form: string | null = null;
  let words: Set<string> | null = null;
  const at = new Date(message.receivedAt);
  const zones = new Map<string, { day: number; minutes: number }>();
  const probe: Probe = {
    message,
    form: () => (form ??= matchForm(`${message.subject ?? ''}\n${message.text}`)),
    words: () => (words ??= new Set(probe.form().split(' '))),
    local: (timeZone) => {
      if (Number.isNaN(at.getTime())) return null;
      let local = zones.get(timeZone);
      if (!local) zones.set(timeZone, (local = localTime(at, timeZone)));
      return local;
    },
  };
  const result: RoutingResult = { teamId: null, assigneeId: null, priority: defaults.priority, tags: [], autoAcknowledge: null, matched: [], trace: [] };
  let prioritySet = false;
  let stoppedBy: string | null = null;
  for (const cr of compiled.rules) {
    const { id: ruleId, name, enabled, actions: a } = cr.rule;
    if (stoppedBy !== null || !enabled) {
      const why = stoppedBy !== null ? `not evaluated: ${quote(stoppedBy)} stopped the evaluation` : 'the rule is disabled';
      result.trace.push({ ruleId, name, matched: false, because: [why] });
      continue;
    }
    const { matched, because } = verdict(cr, probe);
    result.trace.push({ ruleId, name, matched, because });
    if (!matched) continue;
    result.matched.push({ ruleId, name, because });
    const teamBefore = result.teamId;
    if (a.teamId && result.teamId === null) result.teamId = a.teamId;
    if (a.assigneeId && result.assigneeId === null && (!a.teamId || teamBefore === null || a.teamId === teamBefore)) result.assigneeId = a.assigneeId;
    if (a.priority && (!prioritySet || PRIORITIES.indexOf(a.priority) > PRIORITIES.indexOf(result.priority))) result.priority = a.priority;
    if (a.priority) prioritySet = true;
    for (const tag of a.tags ?? []) if (!result.tags.includes(tag)) result.tags.push(tag);
    if (a.autoAcknowledge && !result.autoAcknowledge) result.autoAcknowledge = { text: a.autoAcknowledge.text, ruleId };
    if (cr.rule.stop) stoppedBy = name;
  }
  if (result.teamId === null) result.teamId = defaults.teamId;
  return result;
}

const MAX_RULES = 200;
const MAX_LIST = 500;
const MAX_ID = 100;
const MAX_TEXT = 200;
const MAX_ACK = 2000;
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmpty = (v: unknown, max: number): v is string => typeof v === 'string' && v.trim() !== '' && v.trim().length <= max;

/** A non-empty list of distinct trimmed strings, each allowed by `ok`; null (with a problem said) when it is not one. */
function stringList(v: unknown, what: string, say: (m: string) => void, ok: (s: string) => boolean, hint: string): string[] | null {
  if (!Array.isArray(v) || v.length === 0) return say(`${what} must be a non-empty list.`), null;
  if (v.length > MAX_LIST) return say(`${what} has ${v.length} entries, but at most ${MAX_LIST} are allowed.`), null;
  const bad = v.filter((s) => typeof s !== 'string' || !s.trim() || !ok(s.trim()));
  if (bad.length > 0) return say(`${what}: ${bad.slice(0, 3).map((b) => JSON.stringify(b)).join(', ')} ${bad.length === 1 ? 'is' : 'are'} not ${hint}.`), null;
  return [...new Set(v.map((s: string) => s.trim()))];
}

/** The conditions that hold one list: its field, which entries it allows, and how to name an entry. */
const LIST_CONDITIONS: Record<string, [field: string, ok: (s: string) => boolean, hint: string]> = {
  channel: ['channelIds', (s) => s.length <= MAX_ID, 'a channel id'],
  kind: ['kinds', (s) => (MESSAGE_KINDS as readonly string[]).includes(s), `a message kind (${MESSAGE_KINDS.join(', ')})`],
  keywords: ['any', (s) => s.length <= MAX_TEXT && matchForm(s) !== '', 'a word or phrase with letters or digits'],
  language: ['languages', (s) => s === 'nl' || s === 'en', '"nl" or "en"'],
  sentiment: ['sentiments', (s) => ['negative', 'neutral', 'positive'].includes(s), '"negative", "neutral" or "positive"'],
  contact_tag: ['tags', (s) => s.length <= MAX_TEXT, 'a tag'],
};

function validCondition(v: unknown, say: (m: string) => void): Condition | null {
  if (!isObj(v)) return say('it is not a condition.'), null;
  const type = typeof v.type === 'string' ? v.type : '';
  if (Object.hasOwn(LIST_CONDITIONS, type)) {
    const [field, ok, hint] = LIST_CONDITIONS[type];
    const list = stringList(v[field], field, say, ok, hint);
    return list && ({ type, [field]: list } as unknown as Condition);
  }
  if (type === 'vip') return { type: 'vip' };
  if (type !== 'time') return say(`${JSON.stringify(v.type ?? null)} is not a condition type.`), null;
  const days = Array.isArray(v.days) && v.days.length > 0 && v.days.every((d) => Number.isInteger(d) && d >= 1 && d <= 7);
  if (!days) say('days must be a non-empty list of day numbers from 1 (Monday) to 7 (Sunday).');
  const times = (['from', 'to'] as const).filter((f) => typeof v[f] !== 'string' || parseHHMM(v[f] as string) === null);
  for (const f of times) say(`${f} ${JSON.stringify(v[f] ?? null)} is not a time; write it as HH:MM, from 00:00 to 23:59.`);
  const zone = typeof v.timeZone === 'string' && isTimeZone(v.timeZone);
  if (!zone) say(`${JSON.stringify(v.timeZone ?? null)} is not a known time zone; use a name like "Europe/Amsterdam".`);
  if (!days || times.length > 0 || !zone) return null;
  const sorted = [...new Set(v.days as number[])].sort((a, b) => a - b);
  return { type: 'time', days: sorted, from: v.from as string, to: v.to as string, timeZone: v.timeZone as string };
}

function validActions(v: unknown, say: (m: string) => void): RuleActions {
  if (!isObj(v)) return say('actions must be an object.'), {};
  const out: RuleActions = {};
  for (const f of ['teamId', 'assigneeId'] as const) {
    if (v[f] === undefined || v[f] === null) continue;
    if (nonEmpty(v[f], MAX_ID)) out[f] = (v[f] as string).trim();
    else say(`actions.${f} must be a non-empty id.`);
  }
  if (v.priority !== undefined && v.priority !== null) {
    if ((PRIORITIES as readonly unknown[]).includes(v.priority)) out.priority = v.priority as Priority;
    else say(`actions.priority must be one of ${PRIORITIES.join(', ')}.`);
  }
  if (v.tags !== undefined && v.tags !== null) {
    const tags = Array.isArray(v.tags) && v.tags.length === 0 ? [] : stringList(v.tags, 'actions.tags', say, (s) => s.length <= MAX_TEXT, 'a tag');
    if (tags && tags.length > 0) out.tags = tags;
  }
  if (v.autoAcknowledge !== undefined && v.autoAcknowledge !== null) {
    const ack = v.autoAcknowledge;
    if (isObj(ack) && nonEmpty(ack.text, MAX_ACK)) out.autoAcknowledge = { text: ack.text.trim() };
    else say(`actions.autoAcknowledge needs a text of 1 to ${MAX_ACK} characters.`);
  }
  return out;
}

/**
 * Checks rules that come from outside (an edit form, an import, the database) and returns a clean copy in the same
 * order, or every problem found, in plain English naming the rule and condition: a list of at most 200 rules with
 * unique ids and names, `match` "all" or "any" (default "all"), `enabled` (default true) and `stop` (default false)
 * booleans, conditions with non-empty lists, HH:MM times and known time zones, and at least one action or `stop`.
 */
export function validateRules(raw: unknown): { ok: true; rules: RoutingRule[] } | { ok: false; problems: string[] } {
  if (!Array.isArray(raw)) return { ok: false, problems: ['The routing rules must be a list.'] };
  if (raw.length > MAX_RULES) return { ok: false, problems: [`There are ${raw.length} routing rules, but at most ${MAX_RULES} are allowed.`] };
  const problems: string[] = [];
  const rules: RoutingRule[] = [];
  const ids = new Set<string>();
  raw.forEach((v, index) => {
    const label = isObj(v) && nonEmpty(v.name, MAX_TEXT) ? ` (${quote(v.name.trim())})` : '';
    const say = (m: string) => problems.push(`Rule ${index + 1}${label}: ${m}`);
    if (!isObj(v)) return say('it is not a rule.');
    const id = nonEmpty(v.id, MAX_ID) ? v.id.trim() : null;
    if (!id) say(`id must be a non-empty text of at most ${MAX_ID} characters.`);
    else if (ids.has(id)) say(`id ${quote(id)} is used by an earlier rule; ids must be unique.`);
    else ids.add(id);
    if (!nonEmpty(v.name, MAX_TEXT)) say(`name must be a non-empty text of at most ${MAX_TEXT} characters.`);
    const flag = (f: 'enabled' | 'stop', fallback: boolean) => {
      if (v[f] === undefined) return fallback;
      if (typeof v[f] !== 'boolean') say(`${f} must be true or false.`);
      return v[f] === true;
    };
    const enabled = flag('enabled', true);
    const stop = flag('stop', false);
    const match = v.match === undefined ? 'all' : v.match;
    if (match !== 'all' && match !== 'any') say('match must be "all" or "any".');
    const conditions: Condition[] = [];
    if (!Array.isArray(v.conditions)) say('conditions must be a list (an empty list matches every message).');
    else v.conditions.forEach((c, ci) => {
      const type = isObj(c) && typeof c.type === 'string' ? ` (${c.type})` : '';
      const condition = validCondition(c, (m) => say(`condition ${ci + 1}${type}: ${m}`));
      if (condition) conditions.push(condition);
    });
    const before = problems.length;
    const actions = validActions(v.actions ?? {}, say);
    if (Object.keys(actions).length === 0 && !stop && problems.length === before) say('it does nothing: give it at least one action, or let it stop the evaluation.');
    if (id && nonEmpty(v.name, MAX_TEXT)) rules.push({ id, name: v.name.trim(), enabled, match: match === 'any' ? 'any' : 'all', conditions, actions, stop });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rules };
}
