import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { ErrorAlert, Notice } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/Field';
import { formatDateTime } from '../../../lib/format';
import { postsApi, type PostDetail } from '../api';
import { isoToLocalInput, localInputToIso } from '../composer/draft';
import { StaleVersionAlert } from '../shared/StaleVersionAlert';
import { useAction } from './useAction';

/** Nothing of the post can change any more once every variant is out. */
function allOut(post: PostDetail): boolean {
  return post.variants.length > 0 && post.variants.every((v) => v.state === 'published');
}

/**
 * The writer's next steps: submit for review, give a time (local time; or publish now), take it out of the
 * schedule. What the server refuses (blocked by the code, not valid for a channel, paused) is shown in words.
 */
export function PostActions({ workspaceId, post, onDone }: { workspaceId: string; post: PostDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const [at, setAt] = useState(() => isoToLocalInput(post.scheduledAt));
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => setAt(isoToLocalInput(post.scheduledAt)), [post.scheduledAt]);
  const { busy, error, run } = useAction(onDone);
  const stale = isApiError(error) && error.code === 'ERR_STALE_VERSION';
  const canSubmit = post.approval.needed && (post.reviewState === 'draft' || post.reviewState === 'changes_requested');
  const sending = post.variants.some((v) => v.state === 'publishing');

  if (allOut(post)) return null;

  async function schedule(when: string | null): Promise<void> {
    setNotice(null);
    let waiting = false;
    const ok = await run(when ? 'schedule' : 'now', async () => {
      waiting = (await postsApi.schedule(workspaceId, post.id, post.version, when)).waitingForApproval;
    });
    if (ok) setNotice(waiting ? t('posts.actions.waitingForApproval') : when ? t('posts.actions.scheduledAt', { at: formatDateTime(when) }) : t('posts.actions.sentNow'));
  }

  return (
    <section className="card" aria-labelledby="actions-title" data-testid="post-actions">
      <h2 id="actions-title" className="card-title">
        {t('posts.actions.title')}
      </h2>
      {canSubmit && (
        <div className="action-block">
          <p className="small muted">{t('posts.actions.submitHint')}</p>
          <div>
            <Button variant="primary" loading={busy === 'submit'} disabled={!!busy || sending} onClick={() => void run('submit', () => postsApi.submit(workspaceId, post.id, post.version))} data-testid="post-submit">
              {t('posts.actions.submit')}
            </Button>
          </div>
        </div>
      )}
      {post.reviewState === 'in_review' && <p className="small" data-testid="in-review-note">{t('posts.actions.inReview')}</p>}

      <form
        className="action-block"
        onSubmit={(e) => {
          e.preventDefault();
          const iso = localInputToIso(at);
          if (iso) void schedule(iso);
        }}
      >
        {post.scheduledAt && (
          <p className="small" data-testid="scheduled-at">
            {t('posts.actions.currentTime', { at: formatDateTime(post.scheduledAt) })}
          </p>
        )}
        <TextField label={t('posts.actions.time')} hint={t('posts.actions.timeHint', { zone: Intl.DateTimeFormat().resolvedOptions().timeZone })} type="datetime-local" value={at} onChange={setAt} data-testid="schedule-at" />
        <div className="button-row start">
          <Button type="submit" variant="primary" loading={busy === 'schedule'} disabled={!!busy || sending || !localInputToIso(at)} data-testid="schedule-submit">
            {post.scheduledAt ? t('posts.actions.reschedule') : t('posts.actions.schedule')}
          </Button>
          <Button loading={busy === 'now'} disabled={!!busy || sending} onClick={() => void schedule(null)} data-testid="publish-now">
            {t('posts.actions.now')}
          </Button>
          {post.scheduledAt && (
            <Button variant="ghost" loading={busy === 'unschedule'} disabled={!!busy || sending} onClick={() => void run('unschedule', () => postsApi.unschedule(workspaceId, post.id)).then((ok) => ok && setNotice(t('posts.actions.unscheduled')))} data-testid="unschedule">
              {t('posts.actions.unschedule')}
            </Button>
          )}
        </div>
      </form>
      {notice && (
        <Notice onDismiss={() => setNotice(null)} testId="action-notice">
          {notice}
        </Notice>
      )}
      {stale ? <StaleVersionAlert onReload={onDone} /> : <ErrorAlert error={error} />}
    </section>
  );
}
