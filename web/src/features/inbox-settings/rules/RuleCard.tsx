import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel, Member } from '../../../api/types';
import { Button } from '../../../components/Button';
import { TextField, Toggle } from '../../../components/Field';
import { Icon } from '../../../components/Icon';
import type { RoutingRule, Team } from '../api';
import { ActionsEditor } from './ActionsEditor';
import { ConditionEditor } from './ConditionEditor';
import { newCondition } from './ruleDraft';

/** One routing rule: order buttons, on/off, name, all/any, conditions, actions and "stop after this rule". */
export function RuleCard({
  rule,
  index,
  count,
  channels,
  teams,
  people,
  problems,
  readOnly,
  focusAfterMove,
  onChange,
  onMove,
  onRemove,
}: {
  rule: RoutingRule;
  index: number;
  count: number;
  channels: Channel[];
  teams: Team[];
  people: Member[];
  problems: string[];
  /** Hides the order, remove and add buttons (the surrounding fieldset disables the rest). */
  readOnly: boolean;
  /** Set (with a changing token) right after this rule moved, so focus stays on its order buttons. */
  focusAfterMove: { token: number; dir: -1 | 1 } | null;
  onChange: (r: RoutingRule) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const up = useRef<HTMLButtonElement>(null);
  const down = useRef<HTMLButtonElement>(null);
  const label = rule.name.trim() || t('inboxSettings.rules.unnamed');

  useEffect(() => {
    if (!focusAfterMove) return;
    const preferred = focusAfterMove.dir === -1 ? up.current : down.current;
    const other = focusAfterMove.dir === -1 ? down.current : up.current;
    (preferred && !preferred.disabled ? preferred : other)?.focus();
  }, [focusAfterMove?.token]);

  const set = (patch: Partial<RoutingRule>) => onChange({ ...rule, ...patch });

  return (
    <li
      className={`card ibx-rule${rule.enabled ? '' : ' is-off'}${problems.length ? ' has-problems' : ''}`}
      aria-labelledby={titleId}
      data-testid="rule-card"
      data-rule-id={rule.id}
    >
      <div className="ibx-rule-head">
        <span className="ibx-rule-number" aria-hidden="true">
          {index + 1}
        </span>
        <h3 id={titleId} className="ibx-rule-title">
          <span className="visually-hidden">{t('inboxSettings.rules.position', { n: index + 1, count })} </span>
          {label}
        </h3>
        {!readOnly && (
          <div className="ibx-rule-order">
            <button
              ref={up}
              type="button"
              className="icon-button ibx-up"
              disabled={index === 0}
              onClick={() => onMove(-1)}
              aria-label={t('inboxSettings.rules.moveUp', { name: label })}
              data-testid="rule-move-up"
            >
              <Icon name="chevronDown" size={18} />
            </button>
            <button
              ref={down}
              type="button"
              className="icon-button"
              disabled={index === count - 1}
              onClick={() => onMove(1)}
              aria-label={t('inboxSettings.rules.moveDown', { name: label })}
              data-testid="rule-move-down"
            >
              <Icon name="chevronDown" size={18} />
            </button>
            <Button
              size="sm"
              variant="danger-ghost"
              onClick={onRemove}
              aria-label={t('inboxSettings.rules.removeNamed', { name: label })}
              data-testid="rule-remove"
            >
              {t('inboxSettings.rules.remove')}
            </Button>
          </div>
        )}
      </div>
      {problems.length > 0 && (
        <ul className="ibx-problem-list ibx-rule-problems" aria-label={t('inboxSettings.rules.problemsFor', { name: label })}>
          {problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      )}
      <div className="ibx-rule-basics">
        <TextField
          label={t('inboxSettings.rules.name')}
          value={rule.name}
          onChange={(name) => set({ name })}
          maxLength={120}
          required
          data-testid="rule-name"
        />
        <Toggle label={t('inboxSettings.rules.enabled')} checked={rule.enabled} onChange={(enabled) => set({ enabled })} testId="rule-enabled" />
      </div>
      <fieldset className="fieldset" data-testid="rule-conditions">
        <legend>{t('inboxSettings.rules.when')}</legend>
        <div className="ibx-match" role="radiogroup" aria-label={t('inboxSettings.rules.matchLabel')}>
          {(['all', 'any'] as const).map((m) => (
            <label key={m} className="radio-row">
              <input
                type="radio"
                name={`match-${rule.id}`}
                checked={rule.match === m}
                onChange={() => set({ match: m })}
                data-testid={`rule-match-${m}`}
              />
              <span>{t(`inboxSettings.rules.match.${m}`)}</span>
            </label>
          ))}
        </div>
        {rule.conditions.length === 0 && <p className="muted small">{t('inboxSettings.rules.noConditions')}</p>}
        {rule.conditions.map((c, i) => (
          <ConditionEditor
            key={i}
            condition={c}
            index={i}
            channels={channels}
            readOnly={readOnly}
            onChange={(next) => set({ conditions: rule.conditions.map((x, j) => (j === i ? next : x)) })}
            onRemove={() => set({ conditions: rule.conditions.filter((_, j) => j !== i) })}
          />
        ))}
        {!readOnly && (
          <div>
            <Button
              size="sm"
              icon={<Icon name="plus" size={14} />}
              onClick={() => set({ conditions: [...rule.conditions, newCondition('keywords')] })}
              data-testid="rule-condition-add"
            >
              {t('inboxSettings.rules.addCondition')}
            </Button>
          </div>
        )}
      </fieldset>
      <ActionsEditor actions={rule.actions} teams={teams} people={people} onChange={(actions) => set({ actions })} />
      <label className="radio-row">
        <input
          type="checkbox"
          className="ibx-checkbox"
          checked={rule.stop}
          onChange={(e) => set({ stop: e.target.checked })}
          data-testid="rule-stop"
        />
        <span>
          <span className="strong">{t('inboxSettings.rules.stop')}</span>
          <span className="muted small ibx-block">{t('inboxSettings.rules.stopHint')}</span>
        </span>
      </label>
    </li>
  );
}
