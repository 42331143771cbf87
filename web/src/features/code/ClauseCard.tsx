import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { describeCheck } from '../../../../src/core/code/document';
import type { Clause } from './api';
import { SeverityBadge } from './SeverityBadge';
import { useLocale } from './useLocale';

/** One clause as people read it: title, plain text, why, and each check in words with its severity. */
export function ClauseCard({ clause, index }: { clause: Clause; index: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = useId();
  return (
    <article className="card code-clause" aria-labelledby={headingId} data-testid="code-clause" data-clause-id={clause.id}>
      <div className="code-clause-head">
        <span className="code-clause-number" aria-hidden="true">
          {index + 1}
        </span>
        <h3 id={headingId} className="card-title">
          {clause.title[locale]}
        </h3>
      </div>
      <p className="code-clause-text">{clause.text[locale]}</p>
      {clause.explanation[locale] && (
        <p className="code-clause-why">
          <span className="strong">{t('code.clause.why')}</span> {clause.explanation[locale]}
        </p>
      )}
      {clause.checks.length > 0 ? (
        <div>
          <h4 className="code-checks-title">{t('code.clause.checksTitle')}</h4>
          <ul className="code-checks">
            {clause.checks.map((k) => (
              <li key={k.id} className="code-check" data-check-id={k.id}>
                <SeverityBadge severity={k.severity} />
                <span>{describeCheck(k.spec, k.severity, locale)}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="muted small">{t('code.clause.noChecks')}</p>
      )}
    </article>
  );
}

/** The clauses of one version of the code, read-only. */
export function ClauseList({ clauses }: { clauses: readonly Clause[] }) {
  const { t } = useTranslation();
  if (clauses.length === 0) return <p className="muted">{t('code.clause.none')}</p>;
  return (
    <div className="code-clauses" data-testid="code-clauses">
      {clauses.map((c, i) => (
        <ClauseCard key={c.id} clause={c} index={i} />
      ))}
    </div>
  );
}
