import { useTranslation } from 'react-i18next';
import { Spinner } from '../../../components/Loading';
import type { CheckVerdict, ReplyFinding } from '../api';

const ORDER = { block: 0, needs_approval: 1, warn: 2 } as const;

/**
 * What the organization's code says about the text being typed: the verdict in a sentence and each finding with its
 * severity, the clause's message in the UI language and the words it is about.
 */
export function ReplyFindings({
  verdict,
  findings,
  text,
  checking,
}: {
  verdict: CheckVerdict | null;
  findings: ReplyFinding[];
  text: string;
  checking: boolean;
}) {
  const { t, i18n } = useTranslation();
  const nl = i18n.language === 'nl';
  if (!verdict && !checking) return null;
  const sorted = [...findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  const v = verdict === 'pass' ? 'ok' : verdict;
  return (
    <div className={`reply-findings verdict-${v ?? 'pending'}`} data-testid="reply-findings" data-verdict={v ?? ''}>
      <p className="reply-verdict small" aria-live="polite">
        {checking && <Spinner />}
        {v ? t(`inbox.reply.verdict.${v}`) : t('inbox.reply.verdict.checking')}
      </p>
      {sorted.length > 0 && (
        <ul className="reply-finding-list">
          {sorted.map((f, i) => {
            const quote = f.match ?? (f.span ? text.slice(f.span[0], f.span[1]) : '');
            return (
              <li key={`${f.clauseId}-${i}`} className={`reply-finding is-${f.severity}`} data-severity={f.severity}>
                <span className={`inbox-sev is-${f.severity}`}>{t(`inbox.severity.${f.severity}`)}</span>{' '}
                <span>{nl ? f.message.nl || f.message.en : f.message.en || f.message.nl}</span>
                {quote && <span className="muted"> “{quote}”</span>}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
