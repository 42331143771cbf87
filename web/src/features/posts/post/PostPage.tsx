import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Icon } from '../../../components/Icon';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { useApi } from '../../../lib/useApi';
import { Link, navigate } from '../../../router';
import { useSignedIn } from '../../../session/SessionContext';
import { useWorkspace } from '../../workspace/WorkspaceContext';
import { postsApi, type PostDetail } from '../api';
import { BackToPosts } from '../composer/ComposerPages';
import { usePostRefs } from '../PostRefs';
import { AuthorLine } from '../shared/AuthorLine';
import { StateBadge } from '../shared/StateBadge';
import { postsPath, REVIEWER_ROLES, WRITER_ROLES } from '../shared/states';
import { ApprovalBox } from './ApprovalBox';
import { CurrentVersion } from './CurrentVersion';
import { NoteForm } from './NoteForm';
import { PostActions } from './PostActions';
import { ReviewThread } from './ReviewThread';
import { VariantsPanel } from './VariantsPanel';
import { VersionHistory } from './VersionHistory';

/** /w/:ws/posts/:id — one post: its state, the current version per channel, approval, review, versions, variants. */
export function PostPage({ postId }: { postId: string }) {
  const ws = useWorkspace();
  const post = useApi(() => postsApi.get(ws.id, postId), [ws.id, postId]);
  const p = post.data;

  if (post.loading && !p) return <Loading block />;
  if (!p) {
    return (
      <div className="page">
        <BackToPosts workspaceId={ws.id} />
        <ErrorAlert error={post.error} onRetry={() => void post.reload()} />
      </div>
    );
  }
  return <PostView post={p} error={post.error} reload={() => void post.reload()} />;
}

function PostView({ post: p, error, reload }: { post: PostDetail; error: unknown; reload: () => void }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const refs = usePostRefs();
  const { user } = useSignedIn();
  const [deleting, setDeleting] = useState(false);
  const role = ws.role ?? 'viewer';
  const canWrite = WRITER_ROLES.has(role);
  const author = p.versions.find((v) => v.version === 1)?.createdBy;
  const campaign = refs.campaigns.find((c) => c.id === p.campaignId);
  const allOut = p.variants.length > 0 && p.variants.every((v) => v.state === 'published');
  const order = (channelId: string) => {
    const i = p.content.variants.findIndex((v) => v.channelId === channelId);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const variants = [...p.variants].sort((a, b) => order(a.channelId) - order(b.channelId));

  const actions = canWrite ? (
    <>
      {!allOut && (
        <Button icon={<Icon name="edit" size={16} />} onClick={() => navigate(`${postsPath(ws.id, p.id)}?edit=1`)} data-testid="post-edit">
          {t('posts.page.edit')}
        </Button>
      )}
      <Button variant="danger-ghost" onClick={() => setDeleting(true)} data-testid="post-delete">
        {t('posts.page.delete')}
      </Button>
    </>
  ) : undefined;

  return (
    <div className="page page-wide" data-testid="post-page" data-post-id={p.id} data-state={p.state} data-version={p.version}>
      <BackToPosts workspaceId={ws.id} />
      <PageHeader
        eyebrow={<StateBadge state={p.state} testId="post-state" />}
        title={p.content.title || t('posts.untitled')}
        lead={
          <span className="post-meta">
            {author && <AuthorLine name={author.name} orgId={author.orgId} viaAgency={p.authorViaAgency} />}
            <span>{t('posts.page.versionN', { n: p.version })}</span>
            <span>{t(`posts.instrument.${p.content.instrument}`)}</span>
            {campaign && <span>{t('posts.page.campaign', { name: campaign.name })}</span>}
            {p.briefId && (
              <Link to={`/w/${encodeURIComponent(ws.id)}/briefs/${encodeURIComponent(p.briefId)}`} className="text-link">
                {t('posts.page.brief')}
              </Link>
            )}
          </span>
        }
        actions={actions}
      />
      {error ? <ErrorAlert error={error} onRetry={reload} /> : null}

      <div className="post-layout">
        <div className="post-area-current">
          <CurrentVersion workspaceId={ws.id} post={p} />
        </div>
        <div className="post-side">
          <ApprovalBox workspaceId={ws.id} post={p} canReview={REVIEWER_ROLES.has(role)} orgName={ws.workspace?.organization.name ?? ''} onDone={reload} />
          {canWrite && <PostActions key={p.version} workspaceId={ws.id} post={p} onDone={reload} />}
          <VariantsPanel workspaceId={ws.id} variants={variants} canAct={canWrite} onDone={reload} />
        </div>
        <section className="card post-area-review" aria-labelledby="review-title">
          <h2 id="review-title" className="card-title">
            {t('posts.review.title')}
          </h2>
          <ReviewThread workspaceId={ws.id} post={p} mayDecide={p.authorId === user.id || ws.isOwner} onDone={reload} />
          <NoteForm key={p.version} workspaceId={ws.id} post={p} onDone={reload} />
        </section>
        <div className="post-area-history">
          <VersionHistory versions={p.versions} />
        </div>
      </div>

      {deleting && (
        <ConfirmDialog
          title={t('posts.page.deleteTitle')}
          description={p.variants.some((v) => v.state === 'published') ? t('posts.page.deletePublished') : t('posts.page.deleteText')}
          confirmLabel={t('posts.page.deleteConfirm')}
          onConfirm={async () => {
            await postsApi.remove(ws.id, p.id);
            navigate(postsPath(ws.id), { replace: true });
          }}
          onClose={() => setDeleting(false)}
          testId="post-delete-dialog"
        />
      )}
    </div>
  );
}
