import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { ErrorAlert } from '../../components/Alert';
import { Loading } from '../../components/Loading';
import { formatDateTime } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { expertApi } from './api';
import { ExpertAnswerForm } from './ExpertAnswerForm';
import { ExpertConversation } from './ExpertConversation';
import { ExpertLayout } from './ExpertLayout';

/**
 * /expert/:token — the page for an expert outside Regie (HR, legal) who got a link by e-mail: the question, the
 * conversation, and a draft answer that goes to the team. No sign-in and no app shell; the link is the key.
 */
export function ExpertPage({ token }: { token: string }) {
  const { t } = useTranslation();
  const req = useApi(() => expertApi.get(token), [token]);
  const [gone, setGone] = useState(false);
  const data = req.data;

  if (req.loading && !data) {
    return (
      <ExpertLayout title={t('expert.title')}>
        <Loading />
      </ExpertLayout>
    );
  }
  const notFound = gone || (isApiError(req.error) && (req.error.status === 404 || req.error.code === 'ERR_NOT_FOUND'));
  if (notFound || (!data && req.error)) {
    return (
      <ExpertLayout title={notFound ? t('expert.goneTitle') : t('expert.title')}>
        <div data-testid="expert-gone">
          {notFound ? <p>{t('expert.goneText')}</p> : <ErrorAlert error={req.error} onRetry={() => void req.reload()} />}
        </div>
      </ExpertLayout>
    );
  }
  if (!data) return null;

  return (
    <ExpertLayout
      title={t('expert.titleFor', { org: data.organizationName })}
      lead={t('expert.lead', { name: data.expertName, askedBy: data.askedBy, org: data.organizationName })}
    >
      <section className="expert-section" aria-labelledby="expert-question-title">
        <h2 id="expert-question-title" className="expert-heading">
          {t('expert.question', { askedBy: data.askedBy })}
        </h2>
        <blockquote className="quote expert-question" data-testid="expert-question">
          {data.question}
        </blockquote>
      </section>
      <ExpertConversation messages={data.messages} organizationName={data.organizationName} />
      <ExpertAnswerForm
        token={token}
        organizationName={data.organizationName}
        initialDraft={data.draft}
        answeredAt={data.answeredAt}
        onGone={() => setGone(true)}
      />
      <p className="muted small" data-testid="expert-expires">
        {t('expert.confidential', { at: formatDateTime(data.expiresAt) })}
      </p>
    </ExpertLayout>
  );
}
