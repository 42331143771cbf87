import { cleanFileName, kindOfMimeType, type MediaKind } from '../core/content/media-types';
import { AppError } from '../core/shared/errors';
import { mediaByIds } from '../db/repos/media.repo';
import type { Q } from '../db/repos/types';
import type { MediaTable } from '../db/schema';

/**
 * A brief's attachments: files already uploaded to the workspace's media (images, video, PDF documents), named as
 * the writer chose. Stored on the brief as a JSON array of {@link BriefAttachment}.
 */

/** One attachment as a brief stores it. */
export interface BriefAttachment {
  mediaId: string;
  name: string;
}

/** One attachment as the brief view shows it: what the file is and how large, next to its name. */
export interface BriefAttachmentView extends BriefAttachment {
  kind: MediaKind;
  mimeType: string;
  size: number;
}

/** How many ids one query asks for at most, well inside both databases' parameter limits. */
const CHUNK = 500;

/**
 * The attachments stored in a brief's `attachments` column: null (a brief from before attachments) and anything
 * that is not a JSON array of `{mediaId, name}` read as none; malformed entries are left out.
 */
export function parseAttachments(stored: string | null): BriefAttachment[] {
  if (!stored) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(stored);
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((a: unknown) => {
    const r = a as Partial<BriefAttachment> | null;
    return r && typeof r.mediaId === 'string' && typeof r.name === 'string' ? [{ mediaId: r.mediaId, name: r.name }] : [];
  });
}

async function rowsByIds(q: Q, workspaceId: string, ids: string[]): Promise<Map<string, MediaTable>> {
  const unique = [...new Set(ids)];
  const out = new Map<string, MediaTable>();
  for (let i = 0; i < unique.length; i += CHUNK) for (const r of await mediaByIds(q, workspaceId, unique.slice(i, i + CHUNK))) out.set(r.id, r);
  return out;
}

/**
 * The attachments to store for a brief: each must name a file stored in this workspace (an unknown or another
 * workspace's file is refused alike with ERR_VALIDATION naming it, path `attachments.<i>.mediaId`). A repeated
 * file is kept once, at its first place; a name is cleaned like an uploaded file's name, and an empty one becomes
 * the stored file's name.
 */
export async function checkedAttachments(q: Q, workspaceId: string, input: readonly BriefAttachment[]): Promise<BriefAttachment[]> {
  const rows = await rowsByIds(q, workspaceId, input.map((a) => a.mediaId));
  const seen = new Set<string>();
  const out: BriefAttachment[] = [];
  input.forEach((a, i) => {
    const row = rows.get(a.mediaId);
    if (!row) {
      const name = cleanFileName(a.name, a.mediaId);
      throw new AppError('ERR_VALIDATION', `The attachment “${name}” is not a file in this workspace. Upload it again, or remove it from the brief.`, [{ path: `attachments.${i}.mediaId`, message: `“${name}” is not a file in this workspace` }]);
    }
    if (seen.has(a.mediaId)) return;
    seen.add(a.mediaId);
    out.push({ mediaId: a.mediaId, name: cleanFileName(a.name, row.file_name) });
  });
  return out;
}

/**
 * The views of several briefs' attachments (one list per brief, in the same order), read with as few queries as
 * the ids allow. An attachment whose file is no longer stored, or is of a type Regie does not recognise, is left out.
 */
export async function attachmentViews(q: Q, workspaceId: string, lists: readonly BriefAttachment[][]): Promise<BriefAttachmentView[][]> {
  const rows = await rowsByIds(q, workspaceId, lists.flat().map((a) => a.mediaId));
  return lists.map((list) =>
    list.flatMap((a) => {
      const row = rows.get(a.mediaId);
      const kind = row ? kindOfMimeType(row.mime_type) : null;
      return row && kind ? [{ mediaId: a.mediaId, name: a.name, kind, mimeType: row.mime_type, size: Number(row.size) }] : [];
    }),
  );
}
