import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/Alert';
import { Icon } from '../../../components/Icon';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { useApi } from '../../../lib/useApi';
import { Link, navigate, useLocation } from '../../../router';
import { postsApi } from '../api';
import { usePostRefs } from '../PostRefs';
import { Composer } from './Composer';
import { draftFromContent, emptyDraft } from './draft';

const postsPath = (ws: string) => `/w/${encodeURIComponent(ws)}/posts`;

/** /w/:ws/posts/new[?brief=<id>] — a new post; from a brief it starts with the key message and the wished channels. */
export function NewPostPage({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const refs = usePostRefs();
  const briefId = useLocation().search.get('brief');
  const brief = useApi(briefId ? () => postsApi.brief(workspaceId, briefId) : null, [workspaceId, briefId]);

  let body;
  if (refs.channelsLoading || (briefId && brief.loading && !brief.data)) body = <Loading block />;
  else if (briefId && brief.error) body = <ErrorAlert error={brief.error} onRetry={() => void brief.reload()} />;
  else {
    const b = brief.data;
    const connected = new Set(refs.channels.filter((c) => c.status !== 'disconnected' && !c.disconnectedAt).map((c) => c.id));
    const initial = emptyDraft(b ? { briefId: b.id, keyMessage: b.keyMessage, channelIds: b.channelIds.filter((id) => connected.has(id)) } : undefined);
    body = (
      <Composer
        key={b?.id ?? 'blank'}
        workspaceId={workspaceId}
        initial={initial}
        briefTitle={b?.title ?? null}
        onSaved={(id) => navigate(`${postsPath(workspaceId)}/${encodeURIComponent(id)}`)}
        onCancel={() => navigate(postsPath(workspaceId))}
      />
    );
  }

  return (
    <div className="page page-wide">
      <BackToPosts workspaceId={workspaceId} />
      <PageHeader title={t('posts.composer.newTitle')} lead={t('posts.composer.newLead')} />
      {body}
    </div>
  );
}

/** /w/:ws/posts/:id?edit=1 — the composer on the post's current version. */
export function EditPostPage({ workspaceId, postId }: { workspaceId: string; postId: string }) {
  const { t } = useTranslation();
  const post = useApi(() => postsApi.get(workspaceId, postId), [workspaceId, postId]);
  const back = `${postsPath(workspaceId)}/${encodeURIComponent(postId)}`;
  const p = post.data;

  return (
    <div className="page page-wide">
      <BackToPosts workspaceId={workspaceId} />
      <PageHeader title={t('posts.composer.editTitle')} lead={p ? t('posts.composer.editLead', { version: p.version }) : undefined} />
      {post.loading && !p ? (
        <Loading block />
      ) : post.error || !p ? (
        <ErrorAlert error={post.error} onRetry={() => void post.reload()} />
      ) : (
        <Composer
          key={p.version}
          workspaceId={workspaceId}
          initial={draftFromContent(p.content, p.briefId, p.campaignId)}
          editing={{ id: p.id, version: p.version, scheduledAt: p.scheduledAt }}
          onSaved={() => navigate(back)}
          onCancel={() => navigate(back)}
          onReload={() => void post.reload()}
        />
      )}
    </div>
  );
}

export function BackToPosts({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  return (
    <Link to={postsPath(workspaceId)} className="back-link">
      <Icon name="arrowLeft" size={16} />
      {t('posts.backToList')}
    </Link>
  );
}
