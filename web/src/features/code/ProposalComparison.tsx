import { useTranslation } from 'react-i18next';
import { describeCheck } from '../../../../src/core/code/document';
import { diffWords } from '../../../../src/core/content/text-diff';
import type { Clause } from './api';
import { compareCodes, isSameCode, type ClauseChange } from './compare';
import { useLocale } from './useLocale';

/** What a proposal changes compared with the code in force, clause by clause, in words. */

function DiffText({ before, after }: { before: string; after: string }) {
  const { t } = useTranslation();
  return (
    <p className="code-diff">
      {diffWords(before, after).map((op, i) =>
        op.op === 'eq' ? (
          <span key={i}>{op.text}</span>
        ) : op.op === 'ins' ? (
          <ins key={i}>
            <span className="visually-hidden">{t('code.compare.inserted')} </span>
            {op.text}
          </ins>
        ) : (
          <del key={i}>
            <span className="visually-hidden">{t('code.compare.deleted')} </span>
            {op.text}
          </del>
        ),
      )}
    </p>
  );
}

function rules(c: Clause, locale: 'nl' | 'en'): string[] {
  return c.checks.map((k) => describeCheck(k.spec, k.severity, locale));
}

function Changed({ change }: { change: ClauseChange }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { before, after, parts } = change;
  const oldRules = rules(before, locale);
  const newRules = rules(after, locale);
  const gone = oldRules.filter((r) => !newRules.includes(r));
  const came = newRules.filter((r) => !oldRules.includes(r));
  return (
    <li className="code-compare-item" data-testid="compare-changed">
      <p>
        <span className="strong">{after.title[locale]}</span>{' '}
        <span className="muted small">({parts.map((p) => t(`code.compare.part.${p}`)).join(', ')})</span>
      </p>
      {parts.includes('title') && before.title[locale] !== after.title[locale] && <DiffText before={before.title[locale]} after={after.title[locale]} />}
      {parts.includes('text') && <DiffText before={before.text[locale]} after={after.text[locale]} />}
      {parts.includes('explanation') && <DiffText before={before.explanation[locale]} after={after.explanation[locale]} />}
      {parts.includes('checks') && (gone.length > 0 || came.length > 0) && (
        <ul className="code-rule-changes">
          {gone.map((r, i) => (
            <li key={`g${i}`} className="code-rule-gone">
              <span className="code-rule-sign">{t('code.compare.ruleGone')}</span> {r}
            </li>
          ))}
          {came.map((r, i) => (
            <li key={`c${i}`} className="code-rule-new">
              <span className="code-rule-sign">{t('code.compare.ruleNew')}</span> {r}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

export function ProposalComparison({ current, proposed }: { current: readonly Clause[]; proposed: readonly Clause[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const cmp = compareCodes(current, proposed);
  if (isSameCode(cmp)) return <p className="muted" data-testid="compare-same">{t('code.compare.same')}</p>;
  return (
    <div className="code-compare" data-testid="proposal-comparison">
      <p className="small muted">
        {t('code.compare.summary', { added: cmp.added.length, removed: cmp.removed.length, changed: cmp.changed.length, unchanged: cmp.unchanged })}
      </p>
      {cmp.added.length > 0 && (
        <div>
          <h4 className="code-compare-title code-compare-added">{t('code.compare.added')}</h4>
          <ul className="code-compare-list">
            {cmp.added.map((c) => (
              <li key={c.id} className="code-compare-item" data-testid="compare-added">
                <p className="strong">{c.title[locale]}</p>
                <p>{c.text[locale]}</p>
                {rules(c, locale).length > 0 && (
                  <ul className="code-rule-changes">
                    {rules(c, locale).map((r, i) => (
                      <li key={i}>{r}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {cmp.removed.length > 0 && (
        <div>
          <h4 className="code-compare-title code-compare-removed">{t('code.compare.removed')}</h4>
          <ul className="code-compare-list">
            {cmp.removed.map((c) => (
              <li key={c.id} className="code-compare-item" data-testid="compare-removed">
                <p className="strong">{c.title[locale]}</p>
                <p className="muted">{c.text[locale]}</p>
              </li>
            ))}
          </ul>
        </div>
      )}
      {cmp.changed.length > 0 && (
        <div>
          <h4 className="code-compare-title code-compare-changed">{t('code.compare.changed')}</h4>
          <ul className="code-compare-list">
            {cmp.changed.map((c) => (
              <Changed key={c.after.id} change={c} />
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
