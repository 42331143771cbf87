import { z } from 'zod';
import { deletePost, createPost, updatePostContent } from '../../services/posts.service';
import { getPost, listPosts, previewPost } from '../../services/post-views.service';
import { addReviewNote, approvePost, decideSuggestion, requestChanges, submitForReview } from '../../services/review.service';
import { schedulePost, unschedulePost } from '../../services/schedule.service';
import { resolveVariant } from '../../services/publishing.service';
import { workspaceRoute } from '../define-route';
import { postContent, postInput } from '../content-schemas';
import { id, isoTime, wsParams } from '../schemas';

const postParams = wsParams.extend({ id });
const versionBody = z.object({ version: z.number().int().min(1) });

export const postRoutes = [
  workspaceRoute('content.read', {
    method: 'GET',
    url: '/api/workspaces/:ws/posts',
    tag: 'posts',
    summary: 'Posts for the list and the calendar (filter by time, channel, campaign, author organization, review state, brief)',
    params: wsParams,
    query: z.object({ from: isoTime.optional(), to: isoTime.optional(), channelId: id.optional(), campaignId: id.optional(), authorOrgId: id.optional(), reviewState: z.string().max(40).optional(), briefId: id.optional(), limit: z.coerce.number().int().min(1).max(2000).optional() }),
    handler: async ({ app, scope, query }) => ({ items: await listPosts(app, scope, query) }),
  }),
  workspaceRoute('posts.write', {
    method: 'POST',
    url: '/api/workspaces/:ws/posts',
    tag: 'posts',
    summary: 'Create a post (a draft) with a variant per channel',
    status: 201,
    params: wsParams,
    body: postInput,
    handler: ({ app, actor, scope, body }) => createPost(app, actor, scope, body),
  }),
  workspaceRoute('content.read', {
    method: 'POST',
    url: '/api/workspaces/:ws/posts/preview',
    tag: 'posts',
    summary: 'The composer’s live check: rendered text per channel, the code’s findings and the channel’s rules (as the gate will apply them)',
    params: wsParams,
    body: z.object({ content: postContent, sendAt: isoTime.nullable().default(null) }),
    handler: ({ app, scope, body }) => previewPost(app, scope, body.content, body.sendAt),
  }),
  workspaceRoute('content.read', {
    method: 'GET',
    url: '/api/workspaces/:ws/posts/:id',
    tag: 'posts',
    summary: 'A post with its checks, versions, review notes, variants and attempts',
    params: postParams,
    handler: ({ app, actor, scope, params }) => getPost(app, actor, scope, params.id),
  }),
  workspaceRoute('posts.write', {
    method: 'PUT',
    url: '/api/workspaces/:ws/posts/:id',
    tag: 'posts',
    summary: 'Save a new version (an edit after approval sends it back to review)',
    params: postParams,
    body: postInput.extend({ expectedVersion: z.number().int().min(1) }),
    handler: ({ app, actor, scope, params, body }) => updatePostContent(app, actor, scope, params.id, body),
  }),
  workspaceRoute('posts.write', {
    method: 'DELETE',
    url: '/api/workspaces/:ws/posts/:id',
    tag: 'posts',
    summary: 'Delete a post: nothing of it leaves any more',
    status: 204,
    params: postParams,
    handler: ({ app, actor, scope, params }) => deletePost(app, actor, scope, params.id),
  }),
  workspaceRoute('posts.write', {
    method: 'POST',
    url: '/api/workspaces/:ws/posts/:id/submit',
    tag: 'posts',
    summary: 'Ask for review of this version',
    params: postParams,
    body: versionBody,
    handler: ({ app, actor, scope, params, body }) => submitForReview(app, actor, scope, params.id, body.version),
  }),
  workspaceRoute('posts.review', {
    method: 'POST',
    url: '/api/workspaces/:ws/posts/:id/approve',
    tag: 'posts',
    summary: 'Approve exactly this version',
    params: postParams,
    body: versionBody.extend({ note: z.string().max(2000).nullable().default(null) }),
    handler: ({ app, actor, scope, params, body }) => approvePost(app, actor, scope, params.id, body.version, body.note),
  }),
  workspaceRoute('posts.review', {
    method: 'POST',
    url: '/api/workspaces/:ws/posts/:id/request-changes',
    tag: 'posts',
    summary: 'Send the post back to its author with a note',
    params: postParams,
    body: versionBody.extend({ note: z.string().trim().min(1, 'say what should change').max(4000), clauseId: z.string().max(100).nullable().default(null) }),
    handler: ({ app, actor, scope, params, body }) => requestChanges(app, actor, scope, params.id, body.version, body.note, body.clauseId),
  }),
  workspaceRoute('content.read', {
    method: 'POST',
    url: '/api/workspaces/:ws/posts/:id/notes',
    tag: 'posts',
    summary: 'Comment, coaching note (linked to a clause) or suggested edit on the current version',
    status: 201,
    params: postParams,
    body: z.object({
      kind: z.enum(['comment', 'coaching', 'suggestion']),
      body: z.string().trim().max(4000).default(''),
      clauseId: z.string().max(100).nullable().default(null),
      suggestion: z.object({ channelId: id.nullable(), part: z.number().int().min(0).max(24), text: z.string().max(20_000) }).nullable().default(null),
    }),
    handler: ({ app, actor, scope, params, body }) => addReviewNote(app, actor, scope, params.id, body),
  }),
  workspaceRoute('posts.write', {
    method: 'POST',
    url: '/api/workspaces/:ws/posts/:id/notes/:noteId/decide',
    tag: 'posts',
    summary: 'The author accepts (a new version) or rejects a suggested edit',
    params: postParams.extend({ noteId: id }),
    body: z.object({ accept: z.boolean() }),
    handler: ({ app, actor, scope, params, body }) => decideSuggestion(app, actor, scope, params.id, params.noteId, body.accept),
  }),
  workspaceRoute('posts.write', {
    method: 'POST',
    url: '/api/workspaces/:ws/posts/:id/schedule',
    tag: 'posts',
    summary: 'Give the post a time (or null: now); it goes out when approved',
    params: postParams,
    body: versionBody.extend({ at: isoTime.nullable() }),
    handler: ({ app, actor, scope, params, body }) => schedulePost(app, actor, scope, params.id, body.at, body.version),
  }),
  workspaceRoute('posts.write', {
    method: 'POST',
    url: '/api/workspaces/:ws/posts/:id/unschedule',
    tag: 'posts',
    summary: 'Take the post out of the schedule',
    status: 204,
    params: postParams,
    handler: ({ app, actor, scope, params }) => unschedulePost(app, actor, scope, params.id),
  }),
  workspaceRoute('posts.write', {
    method: 'POST',
    url: '/api/workspaces/:ws/variants/:id/resolve',
    tag: 'posts',
    summary: 'For a variant that waits for a person: confirm it is on the platform, or send it again',
    status: 204,
    params: postParams,
    body: z.object({ action: z.enum(['confirm', 'resend']), url: z.string().max(2000).nullable().default(null) }),
    handler: ({ app, actor, scope, params, body }) => resolveVariant(app, actor, scope, params.id, body.action, body.url),
  }),
];
