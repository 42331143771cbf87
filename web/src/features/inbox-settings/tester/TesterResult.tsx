import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/Badge';
import type { TestRouteAnswer } from '../api';

/** The tester's answer: language and sentiment, where the message goes, and per rule in order whether it matched and why. */
export function TesterResult({ answer }: { answer: TestRouteAnswer }) {
  const { t } = useTranslation();
  const r = answer.result;
  const none = t('inboxSettings.tester.none');
  const score = answer.sentiment.score.toFixed(2);

  return (
    <section className="card ibx-tester-result" aria-labelledby="ibx-result-title" data-testid="tester-result" aria-live="polite">
      <h2 id="ibx-result-title" className="card-title">
        {t('inboxSettings.tester.resultTitle')}
      </h2>
      <dl className="ibx-facts">
        <div>
          <dt>{t('inboxSettings.tester.language')}</dt>
          <dd data-testid="tester-language">
            {answer.language ? t(`inboxSettings.languages.${answer.language}`) : t('inboxSettings.tester.unknownLanguage')}
          </dd>
        </div>
        <div>
          <dt>{t('inboxSettings.tester.sentiment')}</dt>
          <dd data-testid="tester-sentiment" data-value={answer.sentiment.label}>
            {t(`inboxSettings.sentiments.${answer.sentiment.label}`)}{' '}
            <span className="muted small">({t('inboxSettings.tester.score', { score })})</span>
          </dd>
        </div>
        <div>
          <dt>{t('inboxSettings.tester.team')}</dt>
          <dd data-testid="tester-team">{r.teamName ?? none}</dd>
        </div>
        <div>
          <dt>{t('inboxSettings.tester.assignee')}</dt>
          <dd data-testid="tester-assignee">{r.assigneeName ?? none}</dd>
        </div>
        <div>
          <dt>{t('inboxSettings.tester.priority')}</dt>
          <dd data-testid="tester-priority" data-value={r.priority}>
            {t(`inboxSettings.priority.${r.priority}`)}
          </dd>
        </div>
        <div>
          <dt>{t('inboxSettings.tester.resultTags')}</dt>
          <dd data-testid="tester-result-tags">{r.tags.length ? r.tags.join(', ') : none}</dd>
        </div>
        <div className="ibx-fact-wide">
          <dt>{t('inboxSettings.tester.ack')}</dt>
          <dd data-testid="tester-ack">{r.autoAcknowledge ? <span className="ibx-pre">{r.autoAcknowledge.text}</span> : none}</dd>
        </div>
      </dl>
      <h3 className="ibx-subtitle">{t('inboxSettings.tester.trace')}</h3>
      {r.trace.length === 0 ? (
        <p className="muted">{t('inboxSettings.tester.noRules')}</p>
      ) : (
        <ol className="ibx-trace" data-testid="tester-trace">
          {r.trace.map((step) => (
            <li
              key={step.ruleId}
              className={step.matched ? 'ibx-trace-step is-match' : 'ibx-trace-step'}
              data-testid="tester-trace-step"
              data-matched={step.matched}
            >
              <div className="ibx-trace-head">
                <span className="strong">{step.name}</span>
                <Badge tone={step.matched ? 'green' : 'neutral'}>
                  {t(step.matched ? 'inboxSettings.tester.matched' : 'inboxSettings.tester.notMatched')}
                </Badge>
              </div>
              {step.because.length > 0 && (
                <ul className="ibx-because" lang="en">
                  {step.because.map((b, i) => (
                    <li key={i}>{b}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
