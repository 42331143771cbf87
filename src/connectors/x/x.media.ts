import { ConnectorError } from '../errors';
import type { OutboundMedia } from '../types';
import type { XApi } from './x.http';

/** Raw bytes per APPEND segment (sent base64 in JSON, as the v2 spec allows). */
export const X_CHUNK_BYTES = 2 * 1024 * 1024;
/** How long publish waits for X to finish processing a video or GIF before giving up (transient). */
export const X_PROCESSING_TIMEOUT_MS = 5 * 60 * 1000;

interface ProcessingInfo {
  state?: 'succeeded' | 'in_progress' | 'pending' | 'failed';
  check_after_secs?: number;
}
interface UploadAnswer {
  data?: { id?: string; processing_info?: ProcessingInfo };
}

/** X's media category for a kind of media. Pure. */
export const mediaCategory = (kind: OutboundMedia['kind']) => (kind === 'video' ? 'tweet_video' : kind === 'gif' ? 'tweet_gif' : 'tweet_image');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Uploads one medium through the v2 chunked upload (initialize → append segments → finalize), waits while X
 * processes a video or GIF (bounded by {@link X_PROCESSING_TIMEOUT_MS}), then sets the alt text through the media
 * metadata endpoint. Returns the media id to attach to a post. A re-run uploads again (unused uploads expire).
 */
export async function uploadXMedia(api: XApi, m: OutboundMedia, now: () => Date): Promise<string> {
  const init = await api.post<UploadAnswer>('/2/media/upload/initialize', {
    media_type: m.mimeType,
    total_bytes: m.bytes.byteLength,
    media_category: mediaCategory(m.kind),
  });
  const id = init?.data?.id;
  if (!id) throw new ConnectorError('transient', 'X did not return a media id for the upload.');
  const path = `/2/media/upload/${encodeURIComponent(id)}`;
  for (let seg = 0, off = 0; off < m.bytes.byteLength; seg++, off += X_CHUNK_BYTES) {
    const chunk = Buffer.from(m.bytes.buffer, m.bytes.byteOffset + off, Math.min(X_CHUNK_BYTES, m.bytes.byteLength - off));
    await api.post(`${path}/append`, { media: chunk.toString('base64'), segment_index: seg });
  }
  let info = (await api.post<UploadAnswer>(`${path}/finalize`))?.data?.processing_info;
  const deadline = now().getTime() + X_PROCESSING_TIMEOUT_MS;
  while (info && (info.state === 'pending' || info.state === 'in_progress')) {
    if (now().getTime() > deadline) throw new ConnectorError('transient', 'X is still processing the video; try again later.');
    await sleep(Math.min(Math.max(info.check_after_secs ?? 1, 1), 10) * 1000);
    info = (await api.get<UploadAnswer>('/2/media/upload', { media_id: id, command: 'STATUS' }))?.data?.processing_info;
  }
  if (info?.state === 'failed') throw new ConnectorError('rejected', 'X could not process this media file.', { platformReason: 'processing failed' });
  if (m.altText?.trim()) await api.post('/2/media/metadata', { id, metadata: { alt_text: { text: m.altText.trim().slice(0, 1000) } } });
  return id;
}
