import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Button } from '../../components/Button';
import { formatDateTime } from '../../lib/format';
import { expertApi } from './api';

/** The expert's draft answer: written here, sent to the team as a suggestion (it can be sent again until taken over). */
export function ExpertAnswerForm({
  token,
  organizationName,
  initialDraft,
  answeredAt,
  onGone,
}: {
  token: string;
  organizationName: string;
  initialDraft: string | null;
  answeredAt: string | null;
  onGone: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(initialDraft ?? '');
  const [sentAt, setSentAt] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    if (!text.trim()) {
      setMissing(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const r = await expertApi.send(token, text);
      setSentAt(r.answeredAt);
    } catch (err) {
      if (isApiError(err) && err.status === 404) onGone();
      else setError(err);
    } finally {
      setBusy(false);
    }
  }

  const takenOver = isApiError(error) && (error.code === 'ERR_INVALID_STATE' || error.status === 409);
  return (
    <section className="expert-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="expert-heading">
        {t('expert.answerTitle')}
      </h2>
      {answeredAt && !sentAt && (
        <Notice tone="info" testId="expert-earlier">
          {t('expert.earlier', { at: formatDateTime(answeredAt) })}
        </Notice>
      )}
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <div className={missing ? 'field has-error' : 'field'}>
          <label htmlFor={id} className="field-label">
            {t('expert.draftLabel')}
          </label>
          <textarea
            id={id}
            className="input textarea expert-draft"
            rows={8}
            maxLength={10000}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              if (e.target.value.trim()) setMissing(false);
            }}
            aria-describedby={`${id}-hint${missing ? ` ${id}-error` : ''}`}
            aria-invalid={missing || undefined}
            data-testid="expert-draft"
          />
          <p id={`${id}-hint`} className="field-hint">
            {t('expert.draftHint', { org: organizationName })}
          </p>
          {missing && (
            <p id={`${id}-error`} className="field-error">
              {t('expert.draftRequired')}
            </p>
          )}
        </div>
        {sentAt && (
          <Notice testId="expert-done">
            <span className="strong">{t('expert.doneTitle')}</span> {t('expert.doneText', { org: organizationName })}
          </Notice>
        )}
        {takenOver ? (
          <div className="alert alert-info" role="alert" data-testid="expert-taken">
            <div className="alert-body">{t('expert.takenOver', { org: organizationName })}</div>
          </div>
        ) : error ? (
          <ErrorAlert error={error} />
        ) : null}
        <div className="form-actions">
          <Button type="submit" variant="primary" loading={busy} data-testid="expert-submit">
            {sentAt ? t('expert.sendAgain', { org: organizationName }) : t('expert.send', { org: organizationName })}
          </Button>
        </div>
      </form>
    </section>
  );
}
