import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { TextAreaField, TextField } from '../../components/Field';
import { Icon } from '../../components/Icon';
import { TimeZoneField } from '../publishing/TimeZoneField';
import type { CheckSpec, PersonalDataType } from './api';
import { linesOf } from './draft';

/** The inputs that fit each kind of check: word lists one per line, checkboxes, numbers, times and a time zone. */

type Props<K extends CheckSpec['kind']> = {
  spec: Extract<CheckSpec, { kind: K }>;
  onChange: (spec: Extract<CheckSpec, { kind: K }>) => void;
};

function ListArea({ label, hint, value, onChange, testId, rows = 4 }: { label: string; hint?: string; value: string[]; onChange: (v: string[]) => void; testId?: string; rows?: number }) {
  return (
    <TextAreaField
      label={label}
      hint={hint}
      value={value.join('\n')}
      onChange={(v) => onChange(linesOf(v))}
      rows={rows}
      spellCheck={false}
      data-testid={testId}
    />
  );
}

function CheckboxGroup<T extends string>({ legend, options, value, onChange, testId }: { legend: string; options: Array<{ value: T; label: string }>; value: T[]; onChange: (v: T[]) => void; testId?: string }) {
  return (
    <fieldset className="fieldset code-checkboxes" data-testid={testId}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="radio-row">
          <input
            type="checkbox"
            checked={value.includes(o.value)}
            onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((x) => x !== o.value))}
            data-value={o.value}
          />
          <span>{o.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

function ForbiddenWords({ spec, onChange }: Props<'forbidden_words'>) {
  const { t } = useTranslation();
  return (
    <>
      <CheckboxGroup
        legend={t('code.spec.starterLists')}
        options={[
          { value: 'nl' as const, label: t('code.spec.starterNl') },
          { value: 'en' as const, label: t('code.spec.starterEn') },
        ]}
        value={spec.starterLists}
        onChange={(starterLists) => onChange({ ...spec, starterLists })}
        testId="spec-starter-lists"
      />
      <ListArea label={t('code.spec.words')} hint={t('code.spec.wordsHint')} value={spec.words} onChange={(words) => onChange({ ...spec, words })} testId="spec-words" />
    </>
  );
}

function SensitiveTopics({ spec, onChange }: Props<'sensitive_topics'>) {
  const { t } = useTranslation();
  const set = (i: number, topic: { name: string; terms: string[] }) => onChange({ ...spec, topics: spec.topics.map((x, j) => (j === i ? topic : x)) });
  return (
    <div className="code-topics">
      {spec.topics.map((topic, i) => (
        <fieldset key={i} className="fieldset" data-testid="spec-topic">
          <legend>{t('code.spec.topicN', { n: i + 1 })}</legend>
          <TextField label={t('code.spec.topicName')} value={topic.name} onChange={(name) => set(i, { ...topic, name })} maxLength={100} />
          <ListArea label={t('code.spec.topicTerms')} hint={t('code.spec.wordsHint')} value={topic.terms} onChange={(terms) => set(i, { ...topic, terms })} />
          {spec.topics.length > 1 && (
            <div>
              <Button size="sm" variant="danger-ghost" icon={<Icon name="x" size={14} />} onClick={() => onChange({ ...spec, topics: spec.topics.filter((_, j) => j !== i) })}>
                {t('code.spec.removeTopic', { n: i + 1 })}
              </Button>
            </div>
          )}
        </fieldset>
      ))}
      <div>
        <Button size="sm" icon={<Icon name="plus" size={14} />} onClick={() => onChange({ ...spec, topics: [...spec.topics, { name: '', terms: [] }] })} data-testid="spec-add-topic">
          {t('code.spec.addTopic')}
        </Button>
      </div>
    </div>
  );
}

function Disclosure({ spec, onChange }: Props<'disclosure'>) {
  const { t } = useTranslation();
  return (
    <div className="code-spec-grid">
      <ListArea label={t('code.spec.triggers')} hint={t('code.spec.triggersHint')} value={spec.triggers} onChange={(triggers) => onChange({ ...spec, triggers })} testId="spec-triggers" />
      <ListArea label={t('code.spec.disclosures')} hint={t('code.spec.disclosuresHint')} value={spec.disclosures} onChange={(disclosures) => onChange({ ...spec, disclosures })} testId="spec-disclosures" />
    </div>
  );
}

function LinkDomains({ spec, onChange }: Props<'link_domains'>) {
  const { t } = useTranslation();
  return (
    <div className="code-spec-grid">
      <ListArea label={t('code.spec.allow')} hint={t('code.spec.allowHint')} value={spec.allow} onChange={(allow) => onChange({ ...spec, allow })} testId="spec-allow" />
      <ListArea label={t('code.spec.deny')} hint={t('code.spec.denyHint')} value={spec.deny} onChange={(deny) => onChange({ ...spec, deny })} testId="spec-deny" />
    </div>
  );
}

const PII: PersonalDataType[] = ['bsn', 'iban', 'phone', 'email'];

function PersonalData({ spec, onChange }: Props<'personal_data'>) {
  const { t } = useTranslation();
  return (
    <CheckboxGroup
      legend={t('code.spec.personalData')}
      options={PII.map((p) => ({ value: p, label: t(`code.spec.pii.${p}`) }))}
      value={spec.types}
      onChange={(types) => onChange({ ...spec, types })}
      testId="spec-pii"
    />
  );
}

function NumberField({ label, hint, value, onChange, min, max, step, testId }: { label: string; hint?: string; value: number; onChange: (n: number) => void; min: number; max?: number; step?: number; testId?: string }) {
  return (
    <TextField
      label={label}
      hint={hint}
      type="number"
      inputMode="numeric"
      min={min}
      max={max}
      step={step ?? 1}
      value={Number.isFinite(value) ? String(value) : ''}
      onChange={(v) => onChange(v.trim() === '' ? Number.NaN : Number(v))}
      data-testid={testId}
    />
  );
}

function Tone({ spec, onChange }: Props<'tone'>) {
  const { t } = useTranslation();
  const pct = Number.isFinite(spec.maxCapsRatio) ? Math.round(spec.maxCapsRatio * 100) : Number.NaN;
  return (
    <div className="code-spec-grid code-spec-grid-3">
      <NumberField label={t('code.spec.maxCaps')} hint={t('code.spec.maxCapsHint')} value={pct} min={1} max={100} onChange={(n) => onChange({ ...spec, maxCapsRatio: n / 100 })} testId="spec-max-caps" />
      <NumberField label={t('code.spec.minLetters')} hint={t('code.spec.minLettersHint')} value={spec.minLettersForCaps} min={1} onChange={(n) => onChange({ ...spec, minLettersForCaps: n })} testId="spec-min-letters" />
      <NumberField label={t('code.spec.maxExclamations')} value={spec.maxExclamations} min={0} onChange={(n) => onChange({ ...spec, maxExclamations: n })} testId="spec-max-exclamations" />
    </div>
  );
}

function QuietHours({ spec, onChange }: Props<'quiet_hours'>) {
  const { t } = useTranslation();
  return (
    <div className="code-spec-grid code-spec-grid-3">
      <TextField label={t('code.spec.from')} type="time" value={spec.from} onChange={(from) => onChange({ ...spec, from })} data-testid="spec-from" />
      <TextField label={t('code.spec.to')} type="time" value={spec.to} onChange={(to) => onChange({ ...spec, to })} data-testid="spec-to" />
      <TimeZoneField label={t('code.spec.timeZone')} value={spec.timeZone} onChange={(timeZone) => onChange({ ...spec, timeZone })} testId="spec-time-zone" />
    </div>
  );
}

function Competitors({ spec, onChange }: Props<'competitors'>) {
  const { t } = useTranslation();
  return <ListArea label={t('code.spec.names')} hint={t('code.spec.namesHint')} value={spec.names} onChange={(names) => onChange({ ...spec, names })} testId="spec-names" />;
}

/** The fields for `spec`, by its kind. */
export function SpecFields({ spec, onChange }: { spec: CheckSpec; onChange: (spec: CheckSpec) => void }) {
  const { t } = useTranslation();
  switch (spec.kind) {
    case 'forbidden_words':
      return <ForbiddenWords spec={spec} onChange={onChange} />;
    case 'sensitive_topics':
      return <SensitiveTopics spec={spec} onChange={onChange} />;
    case 'disclosure':
      return <Disclosure spec={spec} onChange={onChange} />;
    case 'link_domains':
      return <LinkDomains spec={spec} onChange={onChange} />;
    case 'personal_data':
      return <PersonalData spec={spec} onChange={onChange} />;
    case 'tone':
      return <Tone spec={spec} onChange={onChange} />;
    case 'quiet_hours':
      return <QuietHours spec={spec} onChange={onChange} />;
    case 'competitors':
      return <Competitors spec={spec} onChange={onChange} />;
    case 'language':
      return (
        <p className="muted small">
          {t('code.spec.languageNote')}
        </p>
      );
  }
}
