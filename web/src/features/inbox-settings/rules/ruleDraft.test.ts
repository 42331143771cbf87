import { describe, expect, it } from 'vitest';
import type { RoutingRule } from '../api';
import {
  cleanActions,
  cleanRules,
  conditionIsEmpty,
  localRuleProblems,
  moveItem,
  newCondition,
  newRule,
  parseList,
  problemsByRule,
} from './ruleDraft';

const rule = (id: string, patch: Partial<RoutingRule> = {}): RoutingRule => ({ ...newRule(`Rule ${id}`, id), ...patch });

describe('parseList', () => {
  it('splits on commas and lines, trims, drops empties and repeats', () => {
    expect(parseList(' storing, Afval\n\nafval ,  grof   vuil ,')).toEqual(['storing', 'Afval', 'grof vuil']);
  });
  it('gives an empty list for blank text', () => {
    expect(parseList(' , \n ')).toEqual([]);
  });
});

describe('moveItem', () => {
  it('moves up and down', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
  });
  it('leaves the list alone past either end', () => {
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moveItem(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
    expect(moveItem(['a'], 5, -1)).toEqual(['a']);
  });
});

describe('cleanActions', () => {
  it('drops blank fields and trims the acknowledgement', () => {
    expect(cleanActions({ teamId: '', assigneeId: 'u1', tags: [], autoAcknowledge: { text: '  ' } })).toEqual({ assigneeId: 'u1' });
    expect(cleanActions({ priority: 'high', tags: ['x'], autoAcknowledge: { text: ' Dank! ' } })).toEqual({
      priority: 'high',
      tags: ['x'],
      autoAcknowledge: { text: 'Dank!' },
    });
  });
  it('cleanRules trims names too', () => {
    expect(cleanRules([rule('a', { name: '  Pers ', actions: { teamId: '' } })])[0]).toMatchObject({ name: 'Pers', actions: {} });
  });
});

describe('problemsByRule', () => {
  it('files "Rule N" and "rules[i]" lines under the rule, the rest as general', () => {
    const rules = [rule('a'), rule('b')];
    const { byId, general } = problemsByRule(
      ['Rule 2 ("B"): name must be…', 'rules[0].conditions[0]: bad', 'Rule 9: gone', 'The routing rules must be a list.'],
      rules,
    );
    expect(byId.get('b')).toEqual(['Rule 2 ("B"): name must be…']);
    expect(byId.get('a')).toEqual(['rules[0].conditions[0]: bad']);
    expect(general).toEqual(['Rule 9: gone', 'The routing rules must be a list.']);
  });
});

describe('local checks', () => {
  it('flags a nameless rule without actions and an empty condition', () => {
    const r = rule('a', { name: ' ', conditions: [newCondition('keywords')] });
    expect(localRuleProblems([r]).get('a')).toEqual(['nameRequired', 'noAction', 'emptyCondition']);
  });
  it('accepts a stop-only rule and a VIP condition', () => {
    expect(localRuleProblems([rule('a', { stop: true, conditions: [newCondition('vip')] })]).size).toBe(0);
  });
  it('knows when a time window lacks days', () => {
    expect(conditionIsEmpty(newCondition('time'))).toBe(false);
    expect(conditionIsEmpty({ type: 'time', days: [], from: '09:00', to: '17:00', timeZone: 'UTC' })).toBe(true);
  });
});
