import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../components/Avatar';
import { ErrorAlert } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { TextAreaField } from '../../components/Field';
import { formatDateTime, formatRelative } from '../../lib/format';
import { briefsApi, type BriefDetail } from './api';

/** The conversation about a brief: questions from the advisor, answers from the organization. */
export function BriefComments({
  workspaceId,
  brief,
  organizationId,
  canWrite,
  onChanged,
}: {
  workspaceId: string;
  brief: BriefDetail;
  /** The workspace's organization: comments from anyone else came through an agency. */
  organizationId: string | null;
  canWrite: boolean;
  onChanged: (b: BriefDetail) => void;
}) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setError(null);
    if (!body.trim()) {
      setMissing(true);
      document.getElementById('brief-comment-body')?.focus();
      return;
    }
    setMissing(false);
    setBusy(true);
    try {
      onChanged(await briefsApi.comment(workspaceId, brief.id, body.trim()));
      setBody('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card brief-comments" aria-labelledby="brief-comments-title" data-testid="brief-comments">
      <h2 id="brief-comments-title" className="card-title">
        {t('briefs.comments.title')}
        <span className="count">{brief.comments.length}</span>
      </h2>
      {brief.comments.length === 0 ? (
        <p className="muted">{canWrite ? t('briefs.comments.empty') : t('briefs.comments.emptyReader')}</p>
      ) : (
        <ol className="brief-comment-list">
          {brief.comments.map((c) => (
            <li key={c.id} className="brief-comment" data-testid="brief-comment">
              <Avatar name={c.author.name} />
              <div className="brief-comment-main">
                <p className="brief-comment-head">
                  <span className="strong">{c.author.name}</span>
                  {organizationId && c.author.orgId !== organizationId && <Badge tone="violet">{t('briefs.comments.viaAgency')}</Badge>}
                  <time className="small muted" dateTime={c.createdAt} title={formatDateTime(c.createdAt)}>
                    {formatRelative(c.createdAt)}
                  </time>
                </p>
                <p className="brief-text">{c.body}</p>
              </div>
            </li>
          ))}
        </ol>
      )}
      {canWrite && (
        <form className="form brief-comment-form" onSubmit={(e) => void submit(e)} noValidate>
          <TextAreaField
            id="brief-comment-body"
            label={t('briefs.comments.label')}
            hint={t('briefs.comments.hint')}
            value={body}
            onChange={setBody}
            maxLength={4000}
            rows={3}
            error={missing ? t('briefs.comments.required') : undefined}
            data-testid="brief-comment-input"
          />
          {error ? <ErrorAlert error={error} /> : null}
          <div className="form-actions">
            <Button type="submit" variant="secondary" loading={busy} data-testid="brief-comment-submit">
              {t('briefs.comments.submit')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
