import { useLocation } from '../../router';
import { useWorkspace } from '../workspace/WorkspaceContext';
import { EditPostPage, NewPostPage } from './composer/ComposerPages';
import { PostsListPage } from './list/PostsListPage';
import { PostPage } from './post/PostPage';
import { PostRefsProvider } from './PostRefs';

/** /w/:ws/posts[/new|/:id[?edit=1]] — the list, the composer (new or on the current version) and one post. */
export function PostsRoutes({ sub }: { sub: string | null }) {
  const ws = useWorkspace();
  const { search } = useLocation();
  let page;
  if (sub === null) page = <PostsListPage />;
  else if (sub === 'new') page = <NewPostPage workspaceId={ws.id} />;
  else if (search.get('edit')) page = <EditPostPage key={sub} workspaceId={ws.id} postId={sub} />;
  else page = <PostPage key={sub} postId={sub} />;
  return <PostRefsProvider workspaceId={ws.id}>{page}</PostRefsProvider>;
}
