import type { Condition, ConditionType, MessageKind, Priority, RoutingRule, RuleActions, Sentiment } from '../api';

/** Pure helpers for editing routing rules in the browser: new rules and conditions, lists, order, clean-up. */

export const CONDITION_TYPES: readonly ConditionType[] = ['channel', 'kind', 'keywords', 'language', 'sentiment', 'contact_tag', 'vip', 'time'];
export const KINDS: readonly MessageKind[] = ['mention', 'reply', 'comment', 'quote', 'direct_message', 'email', 'form', 'chat'];
export const PRIORITY_LIST: readonly Priority[] = ['low', 'normal', 'high', 'urgent'];
export const SENTIMENTS: readonly Sentiment[] = ['negative', 'neutral', 'positive'];
export const LANGUAGES = ['nl', 'en'] as const;
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** A fresh id for a rule made in this browser (works without a secure context too). */
export function newRuleId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  return `rule-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** An enabled rule with no conditions (matches every message) and no actions yet. */
export function newRule(name: string, id: string = newRuleId()): RoutingRule {
  return { id, name, enabled: true, match: 'all', conditions: [], actions: {}, stop: false };
}

/** The empty condition of a type; a time window starts as office hours on weekdays in the given zone. */
export function newCondition(type: ConditionType, timeZone = 'Europe/Amsterdam'): Condition {
  switch (type) {
    case 'channel':
      return { type, channelIds: [] };
    case 'kind':
      return { type, kinds: [] };
    case 'keywords':
      return { type, any: [] };
    case 'language':
      return { type, languages: [] };
    case 'sentiment':
      return { type, sentiments: [] };
    case 'contact_tag':
      return { type, tags: [] };
    case 'vip':
      return { type };
    case 'time':
      return { type, days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00', timeZone };
  }
}

/** Splits a typed list on commas and line breaks; trims, drops empties and repeats (case-insensitive), keeps order. */
export function parseList(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(/[,\n]/)) {
    const item = raw.trim().replace(/\s+/g, ' ');
    const key = item.toLocaleLowerCase();
    if (!item || seen.has(key)) continue;
    seen.add(key);
    out.push(item);
  }
  return out;
}

/** A copy of `items` with the item at `index` moved by `delta` places; unchanged when that falls outside the list. */
export function moveItem<T>(items: readonly T[], index: number, delta: number): T[] {
  const to = index + delta;
  if (index < 0 || index >= items.length || to < 0 || to >= items.length) return [...items];
  const next = [...items];
  const [item] = next.splice(index, 1);
  next.splice(to, 0, item);
  return next;
}

/** Actions without empty fields: no blank team/assignee, no empty tag list, no blank acknowledgement. */
export function cleanActions(a: RuleActions): RuleActions {
  const out: RuleActions = {};
  if (a.teamId) out.teamId = a.teamId;
  if (a.assigneeId) out.assigneeId = a.assigneeId;
  if (a.priority) out.priority = a.priority;
  if (a.tags && a.tags.length > 0) out.tags = a.tags;
  if (a.autoAcknowledge && a.autoAcknowledge.text.trim()) out.autoAcknowledge = { text: a.autoAcknowledge.text.trim() };
  return out;
}

/** Rules as the server wants them: trimmed names and cleaned actions. */
export function cleanRules(rules: readonly RoutingRule[]): RoutingRule[] {
  return rules.map((r) => ({ ...r, name: r.name.trim(), actions: cleanActions(r.actions) }));
}

/**
 * Sorts the server's validation lines by rule: lines starting "Rule N" or "rules[N-1]" go to that rule's id, the
 * rest are general.
 */
export function problemsByRule(problems: readonly string[], rules: readonly RoutingRule[]): { byId: Map<string, string[]>; general: string[] } {
  const byId = new Map<string, string[]>();
  const general: string[] = [];
  for (const p of problems) {
    const named = /^Rule (\d+)\b/.exec(p);
    const indexed = /^rules\[(\d+)\]/.exec(p);
    const index = named ? Number(named[1]) - 1 : indexed ? Number(indexed[1]) : -1;
    const rule = index >= 0 ? rules[index] : undefined;
    if (rule) byId.set(rule.id, [...(byId.get(rule.id) ?? []), p]);
    else general.push(p);
  }
  return { byId, general };
}

/** Problems the browser can see before saving, as translation keys per rule id. */
export function localRuleProblems(rules: readonly RoutingRule[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of rules) {
    const keys: string[] = [];
    if (!r.name.trim()) keys.push('nameRequired');
    if (Object.keys(cleanActions(r.actions)).length === 0 && !r.stop) keys.push('noAction');
    for (const c of r.conditions) {
      if (conditionIsEmpty(c)) {
        keys.push('emptyCondition');
        break;
      }
    }
    if (keys.length) out.set(r.id, keys);
  }
  return out;
}

/** Whether a condition still lacks the values it needs (an empty list, or a time window without days). */
export function conditionIsEmpty(c: Condition): boolean {
  switch (c.type) {
    case 'channel':
      return c.channelIds.length === 0;
    case 'kind':
      return c.kinds.length === 0;
    case 'keywords':
      return c.any.length === 0;
    case 'language':
      return c.languages.length === 0;
    case 'sentiment':
      return c.sentiments.length === 0;
    case 'contact_tag':
      return c.tags.length === 0;
    case 'vip':
      return false;
    case 'time':
      return c.days.length === 0 || !c.from || !c.to;
  }
}
