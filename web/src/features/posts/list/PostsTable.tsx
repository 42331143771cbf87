import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { DataTable } from '../../../components/DataTable';
import { EmptyState } from '../../../components/EmptyState';
import { formatDateTime, formatRelative } from '../../../lib/format';
import { Link } from '../../../router';
import type { PostListItem } from '../api';
import { usePostRefs } from '../PostRefs';
import { AuthorLine } from '../shared/AuthorLine';
import { ChannelName } from '../shared/ChannelName';
import { StateBadge } from '../shared/StateBadge';
import { postsPath } from '../shared/states';

/** The posts as rows: title (a link to the post), channels, state, the time that matters now, author. */
export function PostsTable({ workspaceId, posts, filtered, newButton, onClearFilter }: { workspaceId: string; posts: PostListItem[]; filtered: boolean; newButton?: ReactNode; onClearFilter: () => void }) {
  const { t } = useTranslation();
  const refs = usePostRefs();

  if (posts.length === 0) {
    return filtered ? (
      <EmptyState icon="list" title={t('posts.list.noneFiltered')} testId="posts-empty" action={<Button onClick={onClearFilter}>{t('posts.list.clearFilter')}</Button>} />
    ) : (
      <EmptyState icon="edit" title={t('posts.list.empty')} testId="posts-empty" action={newButton}>
        {t('posts.list.emptyText')}
      </EmptyState>
    );
  }

  return (
    <DataTable label={t('posts.list.heading')} testId="posts-table" columns={[t('posts.list.cols.post'), t('posts.list.cols.channels'), t('posts.list.cols.state'), t('posts.list.cols.time'), t('posts.list.cols.author')]}>
      {posts.map((p) => (
        <tr key={p.id} data-testid="post-row" data-post-id={p.id} data-state={p.state}>
          <td className="post-cell-title">
            <Link to={postsPath(workspaceId, p.id)} className="post-title-link" data-testid="post-link">
              {p.title || t('posts.untitled')}
            </Link>
            {p.excerpt && p.excerpt !== p.title && <p className="post-excerpt muted small">{p.excerpt}</p>}
          </td>
          <td>
            <ul className="post-channels">
              {p.variants.map((v) => (
                <li key={v.id}>
                  <ChannelName channel={refs.channel(v.channelId)} size={18} />
                </li>
              ))}
            </ul>
          </td>
          <td>
            <StateBadge state={p.state} />
          </td>
          <td className="nowrap small">
            <PostTime post={p} />
          </td>
          <td className="small">
            <AuthorLine name={p.author.name} orgId={p.author.orgId} viaAgency={p.author.viaAgency} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

function PostTime({ post }: { post: PostListItem }) {
  const { t } = useTranslation();
  const published = post.variants.map((v) => v.publishedAt).filter((x): x is string => !!x).sort().pop();
  if (published) return <Timed label={t('posts.time.published')} at={published} />;
  if (post.scheduledAt) return <Timed label={t('posts.time.scheduled')} at={post.scheduledAt} />;
  return (
    <span>
      <span className="muted">{t('posts.time.updated')} </span>
      <time dateTime={post.updatedAt} title={formatDateTime(post.updatedAt)}>
        {formatRelative(post.updatedAt)}
      </time>
    </span>
  );
}

function Timed({ label, at }: { label: string; at: string }) {
  return (
    <span className="post-time">
      <span className="muted">{label}</span>
      <time dateTime={at}>{formatDateTime(at)}</time>
    </span>
  );
}
