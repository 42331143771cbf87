import { useTranslation } from 'react-i18next';
import type { Finding, Severity, ValidationFinding } from '../api';
import { usePostRefs } from '../PostRefs';
import { useLocalized } from './localized';

/** The code's findings on one variant, numbered as the marks in the preview: severity, clause, message, quote. */
export function FindingsList({ findings, idPrefix }: { findings: Finding[]; idPrefix: string }) {
  const { t } = useTranslation();
  const refs = usePostRefs();
  const pick = useLocalized();
  if (findings.length === 0) return null;
  return (
    <ol className="findings" aria-label={t('posts.findings.label')} data-testid="findings-list">
      {findings.map((f, i) => {
        const clause = refs.clause(f.clauseId);
        return (
          <li key={`${f.checkId}-${i}`} id={`${idPrefix}-${i + 1}`} className={`finding sev-${f.severity}`} data-severity={f.severity} data-clause={f.clauseId}>
            <span className="finding-num" aria-hidden="true">
              {i + 1}
            </span>
            <div className="finding-body">
              <div className="finding-head">
                <SeverityLabel severity={f.severity} />
                <span className="finding-clause">{clause ? pick(clause.title) : t('posts.findings.clause', { id: f.clauseId })}</span>
              </div>
              <p className="finding-message">{pick(f.message)}</p>
              {f.match && <p className="finding-match muted small">“{f.match}”</p>}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

/** "Blokkeert" / "Goedkeuring nodig" / "Let op", coloured by severity. */
export function SeverityLabel({ severity }: { severity: Severity }) {
  const { t } = useTranslation();
  return <span className={`severity-label sev-${severity}`}>{t(`posts.severity.${severity}`)}</span>;
}

/** The channel's own checks (length, poll rules), in the UI language where Regie knows the code. */
export function ValidationList({ items }: { items: ValidationFinding[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <ul className="validation-list" aria-label={t('posts.validation.label')} data-testid="validation-list">
      {items.map((v, i) => (
        <li key={`${v.code}-${i}`} className={`validation-item is-${v.severity}`} data-code={v.code}>
          <span className="validation-kind">{t(v.severity === 'error' ? 'posts.validation.error' : 'posts.validation.warning')}</span>{' '}
          {t(`posts.validation.codes.${v.code}`, { defaultValue: v.message })}
          {typeof v.part === 'number' && v.part > 0 && <span className="muted"> · {t('posts.preview.partN', { n: v.part + 1 })}</span>}
        </li>
      ))}
    </ul>
  );
}
