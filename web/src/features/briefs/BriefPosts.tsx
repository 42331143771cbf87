import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { SkeletonRows } from '../../components/Loading';
import { formatDateTime } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { Link } from '../../router';
import { briefsApi } from './api';

const STATE_TONE: Record<string, string> = {
  draft: 'neutral',
  in_review: 'blue',
  changes_requested: 'amber',
  approved: 'teal',
  scheduled: 'violet',
  held: 'amber',
  publishing: 'blue',
  published: 'green',
  partly_published: 'amber',
  failed: 'red',
  cancelled: 'neutral',
};

/** The posts made from a brief (GET /posts?briefId=…): title, state, a link to each; `newPostHref` when one may be made. */
export function BriefPosts({ workspaceId, briefId, newPostHref }: { workspaceId: string; briefId: string; newPostHref: string | null }) {
  const { t } = useTranslation();
  const posts = useApi(() => briefsApi.postsOf(workspaceId, briefId), [workspaceId, briefId]);
  const items = posts.data?.items ?? [];
  const base = `/w/${encodeURIComponent(workspaceId)}/posts`;

  return (
    <section className="card brief-posts" aria-labelledby="brief-posts-title" data-testid="brief-posts">
      <h2 id="brief-posts-title" className="card-title">
        {t('briefs.posts.title')}
        {posts.data && <span className="count">{items.length}</span>}
      </h2>
      {posts.loading && !posts.data ? (
        <SkeletonRows rows={2} />
      ) : posts.error ? (
        <ErrorAlert error={posts.error} onRetry={() => void posts.reload()} />
      ) : items.length === 0 ? (
        <div className="brief-posts-empty">
          <p className="muted">{t('briefs.posts.empty')}</p>
          {newPostHref && (
            <Link to={newPostHref} className="text-link" data-testid="brief-make-post-empty">
              {t('briefs.posts.makeFirst')}
            </Link>
          )}
        </div>
      ) : (
        <ul className="brief-post-list" role="list">
          {items.map((p) => (
            <li key={p.id} className="brief-post" data-testid="brief-post" data-post-id={p.id}>
              <Link to={`${base}/${encodeURIComponent(p.id)}`} className="brief-post-link">
                {p.title.trim() || t('briefs.posts.untitled')}
              </Link>
              <span className="brief-post-meta">
                <Badge tone={STATE_TONE[p.state] ?? 'neutral'}>{t(`briefs.postState.${p.state}`, { defaultValue: p.state })}</Badge>
                <span className="small muted">
                  {p.author.name}
                  {p.scheduledAt ? ` · ${formatDateTime(p.scheduledAt)}` : ''}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
