import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { errorText } from '../../../lib/errors';
import { useSession } from '../../../session/SessionContext';
import { uploadMedia, type UploadedMedia } from './mediaApi';

/** One file on its way up. */
export interface Upload {
  key: string;
  name: string;
  size: number;
  /** null while the file is checked; then the fraction sent. */
  progress: number | null;
  error: string | null;
  ctl: AbortController;
}

export interface UploadOptions {
  workspaceId: string;
  /** How many files fit in all (already attached ones count). */
  max: number;
  attached: number;
  /** The browser's own check of type and size before anything is sent. */
  precheck: (file: File) => Promise<{ ok: true } | { ok: false; reason: 'type' | 'size' }>;
  /** Key prefix of the texts: `<prefix>.errorType`, `.errorSize`, `.errorOther`, `.errorTooMany` (with `name`, `max`, `reason`). */
  texts: string;
  /** The name of a file without one. */
  unnamed: () => string;
  onStored: (stored: UploadedMedia) => void;
  /** Told how many uploads are running, so a form can wait for them before saving. */
  onUploading?: (count: number) => void;
}

let uploadSeq = 0;

/**
 * The upload queue the composer and the brief form share: checks each file in the browser, sends it with progress
 * (renewing the CSRF token once when it expired), keeps refusals as per-file errors, and cancels what runs when
 * the form goes away.
 */
export function useUploads(o: UploadOptions) {
  const { t } = useTranslation();
  const { state, refresh } = useSession();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const live = useRef<Upload[]>([]);
  live.current = uploads;
  const running = uploads.filter((u) => !u.error).length;
  const { onUploading } = o;

  useEffect(() => onUploading?.(running), [running, onUploading]);
  useEffect(() => () => live.current.forEach((u) => u.ctl.abort()), []);

  const patch = (key: string, p: Partial<Upload>) => setUploads((us) => us.map((u) => (u.key === key ? { ...u, ...p } : u)));
  const dismiss = (key: string) => setUploads((us) => us.filter((u) => u.key !== key));
  const failure = (code: 'type' | 'size', name: string) => t(`${o.texts}.${code === 'type' ? 'errorType' : 'errorSize'}`, { name, max: o.max });

  async function send(u: Upload, file: File, retried = false): Promise<void> {
    const csrf = state.status === 'signedIn' ? state.session.csrf : null;
    try {
      const stored = await uploadMedia(o.workspaceId, file, { csrf, signal: u.ctl.signal, onProgress: (p) => patch(u.key, { progress: p }) });
      dismiss(u.key);
      o.onStored(stored);
    } catch (err) {
      if (err instanceof DOMException && err.name === 'AbortError') return dismiss(u.key);
      if (isApiError(err) && err.code === 'ERR_CSRF' && !retried && (await refresh().catch(() => null))) return send(u, file, true);
      const code = isApiError(err) ? err.code : '';
      const text =
        code === 'ERR_UNSUPPORTED_MEDIA_TYPE' ? failure('type', u.name) : code === 'ERR_PAYLOAD_TOO_LARGE' ? failure('size', u.name) : t(`${o.texts}.errorOther`, { name: u.name, reason: errorText(t, err) });
      patch(u.key, { error: text });
    }
  }

  /** Checks and sends `files`; those beyond the room left are listed as refused. */
  async function add(files: File[]): Promise<void> {
    let room = o.max - o.attached - running;
    for (const file of files) {
      const u: Upload = { key: `up${++uploadSeq}`, name: file.name || o.unnamed(), size: file.size, progress: null, error: null, ctl: new AbortController() };
      if (room <= 0) {
        setUploads((us) => [...us, { ...u, error: t(`${o.texts}.errorTooMany`, { name: u.name, max: o.max }) }]);
        continue;
      }
      room--;
      setUploads((us) => [...us, u]);
      const check = await o.precheck(file).catch(() => null);
      if (check && !check.ok) {
        patch(u.key, { error: failure(check.reason, u.name) });
        continue;
      }
      patch(u.key, { progress: 0 });
      void send(u, file);
    }
  }

  return { uploads, running, full: o.attached + running >= o.max, add, dismiss };
}
