import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/Alert';
import { Badge } from '../../../components/Badge';
import { Button } from '../../../components/Button';
import { formatDateTime } from '../../../lib/format';
import { postsApi, type PostDetail, type ReviewNote } from '../api';
import { usePostRefs } from '../PostRefs';
import { useLocalized } from '../shared/localized';
import { suggestionBase, suggestionTarget } from './suggestion';
import { useAction } from './useAction';
import { WordDiff } from './WordDiff';

const KIND_TONE: Record<string, string> = { comment: 'neutral', coaching: 'teal', suggestion: 'violet', approval: 'green', changes_requested: 'amber' };
const STATUS_TONE: Record<string, string> = { open: 'blue', accepted: 'green', rejected: 'neutral' };

/**
 * The review thread, oldest first: comments, coaching notes with their clause, approvals, requests for changes and
 * suggestions (with what they would change); the author (or an owner) takes a suggestion over or rejects it.
 */
export function ReviewThread({ workspaceId, post, mayDecide, onDone }: { workspaceId: string; post: PostDetail; mayDecide: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const notes = [...post.reviews].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  if (notes.length === 0) return <p className="muted" data-testid="review-empty">{t('posts.review.empty')}</p>;
  return (
    <ol className="review-thread" data-testid="review-thread">
      {notes.map((n) => (
        <Note key={n.id} workspaceId={workspaceId} post={post} note={n} mayDecide={mayDecide} onDone={onDone} />
      ))}
    </ol>
  );
}

function Note({ workspaceId, post, note: n, mayDecide, onDone }: { workspaceId: string; post: PostDetail; note: ReviewNote; mayDecide: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const refs = usePostRefs();
  const pick = useLocalized();
  const { busy, error, run } = useAction(onDone);
  const clause = refs.clause(n.clauseId);
  const s = n.suggestion;

  return (
    <li className={`review-note kind-${n.kind}`} data-testid="review-note" data-kind={n.kind} data-status={n.status}>
      <div className="review-note-head">
        <Badge tone={KIND_TONE[n.kind] ?? 'neutral'}>{t(`posts.review.kinds.${n.kind}`, { defaultValue: n.kind })}</Badge>
        <span className="strong">{n.author.name}</span>
        <span className="muted small">
          <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time> · {t('posts.review.atVersion', { n: n.version })}
        </span>
        {n.kind === 'suggestion' && <Badge tone={STATUS_TONE[n.status] ?? 'neutral'}>{t(`posts.review.status.${n.status}`, { defaultValue: n.status })}</Badge>}
      </div>
      {n.clauseId && (
        <p className="review-clause small" data-clause={n.clauseId}>
          {t('posts.review.aboutClause', { clause: clause ? pick(clause.title) : n.clauseId })}
        </p>
      )}
      {n.body && <p className="review-body">{n.body}</p>}
      {s && (
        <div className="suggestion-box">
          <p className="small muted">{suggestionTarget(t, refs, s)}</p>
          <WordDiff before={suggestionBase(post, n)} after={s.text} testId="suggestion-diff" />
          {n.status === 'open' && mayDecide && (
            <div className="button-row start">
              <Button size="sm" variant="primary" loading={busy === 'accept'} disabled={!!busy} onClick={() => void run('accept', () => postsApi.decide(workspaceId, post.id, n.id, true))} data-testid="suggestion-accept">
                {t('posts.review.accept')}
              </Button>
              <Button size="sm" loading={busy === 'reject'} disabled={!!busy} onClick={() => void run('reject', () => postsApi.decide(workspaceId, post.id, n.id, false))} data-testid="suggestion-reject">
                {t('posts.review.reject')}
              </Button>
            </div>
          )}
          {n.decidedBy && <p className="small muted">{t('posts.review.decidedBy', { name: n.decidedBy.name })}</p>}
        </div>
      )}
      <ErrorAlert error={error} />
    </li>
  );
}
