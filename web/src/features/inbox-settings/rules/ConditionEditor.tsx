import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../api/types';
import { Icon } from '../../../components/Icon';
import { TimeZoneField } from '../../publishing/TimeZoneField';
import type { Condition, ConditionType } from '../api';
import { CheckboxGroup } from '../CheckboxGroup';
import { ListInput } from '../ListInput';
import { CONDITION_TYPES, KINDS, LANGUAGES, newCondition, SENTIMENTS, WEEKDAYS } from './ruleDraft';

/** One condition of a rule: its type, and the input that fits the type. */
export function ConditionEditor({
  condition,
  index,
  channels,
  readOnly,
  onChange,
  onRemove,
}: {
  condition: Condition;
  index: number;
  channels: Channel[];
  readOnly: boolean;
  onChange: (c: Condition) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const typeId = useId();
  const name = t('inboxSettings.rules.conditionN', { n: index + 1 });

  return (
    <div className="ibx-condition" role="group" aria-label={name} data-testid="rule-condition" data-type={condition.type}>
      <div className="ibx-condition-head">
        <label htmlFor={typeId} className="field-label">
          {t('inboxSettings.rules.conditionType', { n: index + 1 })}
        </label>
        <select
          id={typeId}
          className="input select input-sm ibx-condition-type"
          value={condition.type}
          onChange={(e) => {
            const type = e.target.value as ConditionType;
            const zone = condition.type === 'time' ? condition.timeZone : undefined;
            onChange(newCondition(type, zone));
          }}
          data-testid="rule-condition-type"
        >
          {CONDITION_TYPES.map((c) => (
            <option key={c} value={c}>
              {t(`inboxSettings.conditions.${c}.label`)}
            </option>
          ))}
        </select>
        {!readOnly && (
          <button
            type="button"
            className="icon-button"
            onClick={onRemove}
            aria-label={t('inboxSettings.rules.removeCondition', { name })}
            data-testid="rule-condition-remove"
          >
            <Icon name="x" size={16} />
          </button>
        )}
      </div>
      <ConditionValue condition={condition} channels={channels} onChange={onChange} />
    </div>
  );
}

function ConditionValue({ condition: c, channels, onChange }: { condition: Condition; channels: Channel[]; onChange: (c: Condition) => void }) {
  const { t } = useTranslation();
  const legend = t(`inboxSettings.conditions.${c.type}.legend`);
  switch (c.type) {
    case 'channel':
      return channels.length === 0 && c.channelIds.length === 0 ? (
        <p className="muted small">{t('inboxSettings.conditions.channel.none')}</p>
      ) : (
        <CheckboxGroup
          legend={legend}
          value={c.channelIds}
          options={[
            ...channels.map((ch) => ({ value: ch.id, label: `${ch.name} (${ch.kindName})` })),
            ...c.channelIds
              .filter((id) => !channels.some((ch) => ch.id === id))
              .map((id) => ({ value: id, label: t('inboxSettings.conditions.channel.gone') })),
          ]}
          onChange={(channelIds) => onChange({ ...c, channelIds })}
          testId="rule-channels"
        />
      );
    case 'kind':
      return (
        <CheckboxGroup
          legend={legend}
          value={c.kinds}
          options={KINDS.map((k) => ({ value: k, label: t(`inboxSettings.kinds.${k}`) }))}
          onChange={(kinds) => onChange({ ...c, kinds })}
          testId="rule-kinds"
        />
      );
    case 'keywords':
      return (
        <ListInput
          label={legend}
          hint={t('inboxSettings.conditions.keywords.hint')}
          value={c.any}
          onChange={(any) => onChange({ ...c, any })}
          testId="rule-keywords"
        />
      );
    case 'language':
      return (
        <CheckboxGroup
          legend={legend}
          value={c.languages}
          options={LANGUAGES.map((l) => ({ value: l, label: t(`inboxSettings.languages.${l}`) }))}
          onChange={(languages) => onChange({ ...c, languages })}
          testId="rule-languages"
        />
      );
    case 'sentiment':
      return (
        <CheckboxGroup
          legend={legend}
          hint={t('inboxSettings.conditions.sentiment.hint')}
          value={c.sentiments}
          options={SENTIMENTS.map((s) => ({ value: s, label: t(`inboxSettings.sentiments.${s}`) }))}
          onChange={(sentiments) => onChange({ ...c, sentiments })}
          testId="rule-sentiments"
        />
      );
    case 'contact_tag':
      return (
        <ListInput
          label={legend}
          hint={t('inboxSettings.conditions.contact_tag.hint')}
          value={c.tags}
          onChange={(tags) => onChange({ ...c, tags })}
          testId="rule-contact-tags"
        />
      );
    case 'vip':
      return <p className="muted small">{t('inboxSettings.conditions.vip.text')}</p>;
    case 'time':
      return <TimeWindow condition={c} onChange={onChange} />;
  }
}

function TimeWindow({ condition: c, onChange }: { condition: Extract<Condition, { type: 'time' }>; onChange: (c: Condition) => void }) {
  const { t } = useTranslation();
  const fromId = useId();
  const toId = useId();
  return (
    <div className="ibx-time-window">
      <CheckboxGroup
        legend={t('inboxSettings.conditions.time.legend')}
        value={c.days}
        options={WEEKDAYS.map((d) => ({ value: d as number, label: t(`inboxSettings.daysShort.${d}`) }))}
        onChange={(days) => onChange({ ...c, days })}
        testId="rule-days"
      />
      <div className="ibx-inline-controls">
        <div className="field">
          <label htmlFor={fromId} className="field-label">
            {t('inboxSettings.conditions.time.from')}
          </label>
          <input
            id={fromId}
            type="time"
            className="input input-sm"
            value={c.from}
            onChange={(e) => onChange({ ...c, from: e.target.value })}
            data-testid="rule-time-from"
          />
        </div>
        <div className="field">
          <label htmlFor={toId} className="field-label">
            {t('inboxSettings.conditions.time.to')}
          </label>
          <input
            id={toId}
            type="time"
            className="input input-sm"
            value={c.to}
            onChange={(e) => onChange({ ...c, to: e.target.value })}
            data-testid="rule-time-to"
          />
        </div>
        <TimeZoneField
          label={t('inboxSettings.conditions.time.zone')}
          value={c.timeZone}
          onChange={(timeZone) => onChange({ ...c, timeZone })}
          testId="rule-time-zone"
        />
      </div>
      <p className="field-hint">{t('inboxSettings.conditions.time.hint')}</p>
    </div>
  );
}
