import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { SelectField } from '../../../components/Field';
import { Icon } from '../../../components/Icon';
import { SkeletonRows } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { useApi } from '../../../lib/useApi';
import { navigate, useLocation } from '../../../router';
import { useWorkspace } from '../../workspace/WorkspaceContext';
import { postsApi } from '../api';
import { DISPLAY_STATES, postsPath, WRITER_ROLES } from '../shared/states';
import { PostsTable } from './PostsTable';

/** /w/:ws/posts — every post with its channels, state, time and author; filter by state (kept in ?state=). */
export function PostsListPage() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const { search, pathname } = useLocation();
  const state = search.get('state') ?? '';
  const posts = useApi(() => postsApi.list(ws.id), [ws.id]);
  const canWrite = ws.role !== null && WRITER_ROLES.has(ws.role);
  const all = posts.data?.items ?? [];
  const shown = state ? all.filter((p) => p.state === state) : all;

  const setState = (v: string) => navigate(v ? `${pathname}?state=${encodeURIComponent(v)}` : pathname, { replace: true });
  const newButton = (testId: string) =>
    canWrite ? (
      <Button variant="primary" icon={<Icon name="plus" size={16} />} onClick={() => navigate(`${postsPath(ws.id)}/new`)} data-testid={testId}>
        {t('posts.list.new')}
      </Button>
    ) : undefined;

  return (
    <div className="page">
      <PageHeader title={t('posts.list.title')} lead={t('posts.list.lead')} actions={newButton('posts-new')} />
      <section className="section" aria-labelledby="posts-list-title">
        <div className="posts-toolbar">
          <h2 id="posts-list-title" className="section-title">
            {t('posts.list.heading')}
            {posts.data && <span className="count">{shown.length}</span>}
          </h2>
          <div className="posts-filter">
            <SelectField
              label={t('posts.list.filterState')}
              value={state}
              placeholder={t('posts.list.allStates')}
              options={DISPLAY_STATES.map((s) => ({ value: s, label: t(`posts.state.${s}`) }))}
              onChange={setState}
              data-testid="posts-filter-state"
            />
          </div>
        </div>
        {posts.loading && !posts.data ? (
          <SkeletonRows rows={4} />
        ) : posts.error ? (
          <ErrorAlert error={posts.error} onRetry={() => void posts.reload()} />
        ) : (
          <PostsTable workspaceId={ws.id} posts={shown} filtered={state !== '' && all.length > 0} newButton={newButton('posts-new-empty')} onClearFilter={() => setState('')} />
        )}
      </section>
    </div>
  );
}
