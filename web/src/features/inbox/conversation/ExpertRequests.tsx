import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Notice } from '../../../components/Alert';
import { Badge } from '../../../components/Badge';
import { Button } from '../../../components/Button';
import { TextAreaField, TextField } from '../../../components/Field';
import { fieldError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { inboxApi, type ExpertRequest } from '../api';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function stateOf(r: ExpertRequest, now: number): 'answered' | 'expired' | 'waiting' {
  if (r.answeredAt) return 'answered';
  return Date.parse(r.expiresAt) <= now ? 'expired' : 'waiting';
}

const TONE = { answered: 'green', expired: 'neutral', waiting: 'blue' } as const;

/**
 * Asking an expert (someone outside Regie) for help: they get an e-mail with a one-time link; their answer comes
 * back as a draft reply an agent takes over. Lists the earlier questions with their state.
 */
export function ExpertRequests({
  ws,
  conversationId,
  requests,
  canAsk,
  now,
  onAsked,
}: {
  ws: string;
  conversationId: string;
  requests: ExpertRequest[];
  canAsk: boolean;
  now: number;
  onAsked: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [question, setQuestion] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  const [sent, setSent] = useState<string | null>(null);

  async function submit(): Promise<void> {
    const problems: Record<string, string> = {};
    if (!name.trim()) problems.name = t('validation.required');
    if (!EMAIL.test(email.trim())) problems.email = t('validation.email');
    if (!question.trim()) problems.question = t('validation.required');
    setInvalid(problems);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const r = await inboxApi.askExpert(ws, conversationId, { name: name.trim(), email: email.trim(), question: question.trim() });
      setSent(r.expertName);
      setName('');
      setEmail('');
      setQuestion('');
      setOpen(false);
      onAsked();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="side-section" aria-labelledby="expert-title" data-testid="expert-requests">
      <h3 id="expert-title" className="side-title">
        {t('inbox.expert.title')}
      </h3>
      {requests.length === 0 ? (
        <p className="small muted">{t('inbox.expert.none')}</p>
      ) : (
        <ul className="expert-list">
          {requests.map((r) => {
            const state = stateOf(r, now);
            return (
              <li key={r.id} className="expert-item" data-testid="expert-request" data-state={state}>
                <div className="expert-head">
                  <strong>{r.expertName}</strong>
                  <Badge tone={TONE[state]}>{t(`inbox.expert.state.${state}`)}</Badge>
                </div>
                <p className="small">{r.question}</p>
                <p className="small muted">
                  {state === 'answered'
                    ? t('inbox.expert.answeredAt', { when: formatDateTime(r.answeredAt) })
                    : state === 'expired'
                      ? t('inbox.expert.expiredAt', { when: formatDateTime(r.expiresAt) })
                      : t('inbox.expert.expiresAt', { when: formatDateTime(r.expiresAt) })}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      {sent && (
        <Notice onDismiss={() => setSent(null)} testId="expert-sent">
          {t('inbox.expert.sent', { name: sent })}
        </Notice>
      )}
      {canAsk && !open && (
        <Button size="sm" onClick={() => setOpen(true)} data-testid="expert-open">
          {t('inbox.expert.ask')}
        </Button>
      )}
      {canAsk && open && (
        <form
          className="expert-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <p className="small muted">{t('inbox.expert.lead')}</p>
          <TextField
            label={t('inbox.expert.name')}
            value={name}
            onChange={setName}
            error={invalid.name ?? fieldError(error, 'name')}
            maxLength={120}
            autoComplete="off"
            data-testid="expert-name"
          />
          <TextField
            label={t('inbox.expert.email')}
            type="email"
            value={email}
            onChange={setEmail}
            error={invalid.email ?? fieldError(error, 'email')}
            maxLength={254}
            autoComplete="off"
            data-testid="expert-email"
          />
          <TextAreaField
            label={t('inbox.expert.question')}
            value={question}
            onChange={setQuestion}
            error={invalid.question ?? fieldError(error, 'question')}
            rows={3}
            maxLength={2000}
            data-testid="expert-question"
          />
          {error && !fieldError(error, 'name') && !fieldError(error, 'email') && !fieldError(error, 'question') ? <ErrorAlert error={error} /> : null}
          <div className="inbox-actions">
            <Button type="submit" variant="primary" size="sm" loading={busy} data-testid="expert-send">
              {t('inbox.expert.send')}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setOpen(false)} disabled={busy}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
