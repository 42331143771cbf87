import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { Icon } from '../../components/Icon';
import type { Check, CheckKind, Clause, Localized, Severity } from './api';
import { CHECK_KINDS, newCheck } from './draft';
import { SEVERITIES } from './SeverityBadge';
import { SpecFields } from './SpecFields';

/** Edits one clause of a draft: its texts in Dutch and English and its checks. */

function CheckEditor({ check, onChange, onRemove }: { check: Check; onChange: (c: Check) => void; onRemove: () => void }) {
  const { t } = useTranslation();
  const kindName = t(`code.kind.${check.spec.kind}`);
  return (
    <div className="code-edit-check" data-testid="code-edit-check" data-kind={check.spec.kind}>
      <div className="code-edit-check-head">
        <div>
          <p className="strong">{kindName}</p>
          <p className="muted small">{t(`code.kindHint.${check.spec.kind}`)}</p>
        </div>
        <Button size="sm" variant="danger-ghost" icon={<Icon name="x" size={14} />} onClick={onRemove} aria-label={t('code.editor.removeCheckNamed', { kind: kindName })}>
          {t('code.editor.removeCheck')}
        </Button>
      </div>
      <SelectField
        label={t('code.editor.severity')}
        value={check.severity}
        onChange={(v) => onChange({ ...check, severity: v as Severity })}
        options={SEVERITIES.map((s) => ({ value: s, label: t(`code.severity.${s}`) }))}
        data-testid="check-severity"
      />
      <SpecFields spec={check.spec} onChange={(spec) => onChange({ ...check, spec })} />
    </div>
  );
}

function LangPair({ label, value, onChange, multiline, optional, testId }: { label: string; value: Localized; onChange: (v: Localized) => void; multiline?: boolean; optional?: boolean; testId: string }) {
  const { t } = useTranslation();
  const common = { optional, optionalText: t('common.optional') };
  return (
    <div className="code-lang-pair">
      {(['nl', 'en'] as const).map((lang) =>
        multiline ? (
          <TextAreaField key={lang} label={`${label} (${t(`code.lang.${lang}`)})`} value={value[lang]} onChange={(v) => onChange({ ...value, [lang]: v })} rows={3} maxLength={4000} data-testid={`${testId}-${lang}`} {...common} />
        ) : (
          <TextField key={lang} label={`${label} (${t(`code.lang.${lang}`)})`} value={value[lang]} onChange={(v) => onChange({ ...value, [lang]: v })} maxLength={200} data-testid={`${testId}-${lang}`} {...common} />
        ),
      )}
    </div>
  );
}

export function ClauseEditor({
  clause,
  index,
  count,
  problems,
  startOpen,
  onChange,
  onRemove,
  onMove,
}: {
  clause: Clause;
  index: number;
  count: number;
  problems: string[];
  startOpen: boolean;
  onChange: (c: Clause) => void;
  onRemove: () => void;
  onMove: (delta: -1 | 1) => void;
}) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(startOpen);
  const [kind, setKind] = useState<CheckKind>('forbidden_words');
  const bodyId = useId();
  const lang = i18n.language === 'nl' ? 'nl' : 'en';
  const title = clause.title[lang].trim() || clause.title.nl.trim() || clause.title.en.trim() || t('code.editor.untitled');

  useEffect(() => {
    if (problems.length) setOpen(true);
  }, [problems.length]);

  return (
    <section className={problems.length ? 'card code-edit-clause has-problems' : 'card code-edit-clause'} data-testid="code-edit-clause" data-clause-id={clause.id} aria-label={title}>
      <div className="code-edit-head">
        <button type="button" className="code-edit-toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen((o) => !o)} data-testid="clause-toggle">
          <Icon name={open ? 'chevronDown' : 'chevronRight'} size={16} />
          <span className="code-clause-number" aria-hidden="true">
            {index + 1}
          </span>
          <span className="code-edit-title">{title}</span>
        </button>
        <span className="code-edit-meta small muted">
          {t('code.editor.checkCount', { count: clause.checks.length })} · <span className="mono">{clause.id}</span>
        </span>
        <div className="code-edit-actions">
          <Button size="sm" variant="ghost" disabled={index === 0} onClick={() => onMove(-1)} aria-label={t('code.editor.moveUp', { title })} icon={<Icon name="chevronDown" size={14} />} className="code-flip" />
          <Button size="sm" variant="ghost" disabled={index === count - 1} onClick={() => onMove(1)} aria-label={t('code.editor.moveDown', { title })} icon={<Icon name="chevronDown" size={14} />} />
          <Button size="sm" variant="danger-ghost" onClick={onRemove} aria-label={t('code.editor.removeClauseNamed', { title })} data-testid="clause-remove">
            {t('code.editor.removeClause')}
          </Button>
        </div>
      </div>
      {problems.length > 0 && (
        <ul className="code-problems" role="list" aria-label={t('code.editor.problemsFor', { title })}>
          {problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      )}
      <div id={bodyId} className="code-edit-body" hidden={!open}>
        <LangPair label={t('code.editor.title')} value={clause.title} onChange={(title) => onChange({ ...clause, title })} testId="clause-title" />
        <LangPair label={t('code.editor.text')} value={clause.text} onChange={(text) => onChange({ ...clause, text })} multiline testId="clause-text" />
        <LangPair label={t('code.editor.explanation')} value={clause.explanation} onChange={(explanation) => onChange({ ...clause, explanation })} multiline optional testId="clause-explanation" />
        <div className="code-edit-checks">
          <h4 className="code-checks-title">{t('code.clause.checksTitle')}</h4>
          {clause.checks.length === 0 && <p className="muted small">{t('code.editor.noChecks')}</p>}
          {clause.checks.map((k, j) => (
            <CheckEditor
              key={j}
              check={k}
              onChange={(next) => onChange({ ...clause, checks: clause.checks.map((x, i) => (i === j ? next : x)) })}
              onRemove={() => onChange({ ...clause, checks: clause.checks.filter((_, i) => i !== j) })}
            />
          ))}
          <div className="code-add-check">
            <SelectField label={t('code.editor.newCheckKind')} value={kind} onChange={(v) => setKind(v as CheckKind)} options={CHECK_KINDS.map((k) => ({ value: k, label: t(`code.kind.${k}`) }))} data-testid="add-check-kind" />
            <Button icon={<Icon name="plus" size={14} />} onClick={() => onChange({ ...clause, checks: [...clause.checks, newCheck(kind, clause.checks)] })} data-testid="add-check">
              {t('code.editor.addCheck')}
            </Button>
          </div>
        </div>
      </div>
    </section>
  );
}
