import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { SelectField, TextAreaField } from '../../components/Field';
import { Icon } from '../../components/Icon';
import { codeApi, type CheckResult, type Clause, type Finding, type Severity } from './api';
import { SeverityBadge } from './SeverityBadge';
import { useLocale } from './useLocale';

/** "Test een tekst": runs the same check as the gate on a text and shows the findings at their place in it. */

const RANK: Record<Severity, number> = { warn: 1, needs_approval: 2, block: 3 };

interface Segment {
  text: string;
  severity: Severity | null;
  /** 1-based numbers of the findings that end here. */
  endsHere: number[];
}

/** Cuts `text` at every finding's start and end; each piece carries the worst severity covering it. */
function segments(text: string, findings: readonly Finding[]): Segment[] {
  const spans = findings
    .map((f, i) => ({ n: i + 1, severity: f.severity, from: Math.max(0, Math.min(text.length, f.span?.[0] ?? -1)), to: Math.max(0, Math.min(text.length, f.span?.[1] ?? -1)), has: !!f.span }))
    .filter((s) => s.has && s.to > s.from);
  const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => [s.from, s.to])])].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const [a, b] = [cuts[i], cuts[i + 1]];
    const covering = spans.filter((s) => s.from <= a && s.to >= b);
    const worst = covering.reduce<Severity | null>((w, s) => (!w || RANK[s.severity] > RANK[w] ? s.severity : w), null);
    out.push({ text: text.slice(a, b), severity: worst, endsHere: spans.filter((s) => s.to === b).map((s) => s.n) });
  }
  return out;
}

function Highlighted({ text, findings }: { text: string; findings: readonly Finding[] }) {
  const { t } = useTranslation();
  return (
    <div className="code-highlighted" data-testid="code-check-highlighted">
      {segments(text, findings).map((s, i) => (
        <span key={i}>
          {s.severity ? <mark className={`code-mark code-mark-${s.severity}`}>{s.text}</mark> : s.text}
          {s.endsHere.map((n) => (
            <sup key={n} className="code-mark-ref">
              <span className="visually-hidden">{t('code.test.findingRef')} </span>
              {n}
            </sup>
          ))}
        </span>
      ))}
    </div>
  );
}

export function TestTextBox({ workspaceId, clauses }: { workspaceId: string; clauses: readonly Clause[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [text, setText] = useState('');
  const [context, setContext] = useState<'post' | 'reply' | 'message'>('post');
  const [paid, setPaid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<{ text: string; answer: CheckResult } | null>(null);
  const [missing, setMissing] = useState(false);

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    if (!text.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    setError(null);
    try {
      const answer = await codeApi.check(workspaceId, text, context, paid);
      setResult({ text, answer });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const titleOf = (id: string) => clauses.find((c) => c.id === id)?.title[locale] ?? id;

  return (
    <section className="card code-test" aria-labelledby="code-test-title" data-testid="code-test">
      <div>
        <h2 id="code-test-title" className="card-title">
          {t('code.test.title')}
        </h2>
        <p className="muted">{t('code.test.lead')}</p>
      </div>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <TextAreaField label={t('code.test.text')} value={text} onChange={setText} rows={4} maxLength={100_000} error={missing ? t('code.test.textRequired') : null} data-testid="code-test-text" />
        <div className="code-test-options">
          <SelectField
            label={t('code.test.context')}
            value={context}
            onChange={(v) => setContext(v as typeof context)}
            options={(['post', 'reply', 'message'] as const).map((c) => ({ value: c, label: t(`code.test.contexts.${c}`) }))}
            data-testid="code-test-context"
          />
          <label className="radio-row code-test-paid">
            <input type="checkbox" checked={paid} onChange={(e) => setPaid(e.target.checked)} data-testid="code-test-paid" />
            <span>{t('code.test.paid')}</span>
          </label>
          <Button type="submit" variant="primary" loading={busy} icon={<Icon name="check" size={16} />} data-testid="code-test-run">
            {t('code.test.run')}
          </Button>
        </div>
      </form>
      {error ? <ErrorAlert error={error} /> : null}
      <div aria-live="polite">
        {result && (
          <div className="code-test-result" data-testid="code-test-result" data-verdict={result.answer.verdict}>
            <p className={`code-verdict code-verdict-${result.answer.verdict}`}>{t(`code.test.verdict.${result.answer.verdict}`)}</p>
            {result.answer.findings.length > 0 && (
              <>
                <Highlighted text={result.text} findings={result.answer.findings} />
                <ol className="code-findings">
                  {result.answer.findings.map((f, i) => (
                    <li key={i} className="code-finding" data-testid="code-finding" data-severity={f.severity} data-clause-id={f.clauseId}>
                      <span className="code-finding-number" aria-hidden="true">
                        {i + 1}
                      </span>
                      <div>
                        <div className="code-finding-head">
                          <SeverityBadge severity={f.severity} />
                          <span className="strong">{titleOf(f.clauseId)}</span>
                        </div>
                        <p>{f.message[locale]}</p>
                        {f.match && <p className="small muted">{t('code.test.match', { match: f.match })}</p>}
                      </div>
                    </li>
                  ))}
                </ol>
              </>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
