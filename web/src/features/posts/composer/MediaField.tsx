import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { TextAreaField } from '../../../components/Field';
import { Icon } from '../../../components/Icon';
import { MediaThumb } from '../shared/MediaThumb';
import type { MediaItem } from './draft';
import { formatBytes, MAX_MEDIA, MEDIA_ACCEPT, moveMedia, needsAltText, precheckBlob, removeMedia, setAltText } from './media';
import { mediaInfo } from './mediaApi';
import { useUploads } from './useUploads';
import type { MediaKind } from '../../../../../src/core/content/media-types';

export interface MediaFieldProps {
  workspaceId: string;
  items: MediaItem[];
  onChange: (f: (items: MediaItem[]) => MediaItem[]) => void;
  /** Told how many uploads are running, so the composer can wait for them before saving. */
  onUploading?: (count: number) => void;
}

/**
 * The post's images and video: upload by file picker or drag and drop (checked in the browser first, then by the
 * server), progress per file, thumbnails, a description (alt text) per item with a warning while it is empty,
 * and remove / move up / move down. Changes are announced to screen readers.
 */
export function MediaField({ workspaceId, items, onChange, onUploading }: MediaFieldProps) {
  const { t, i18n } = useTranslation();
  const uid = useId();
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const [dragging, setDragging] = useState(false);
  const [announce, setAnnounce] = useState('');
  const [focusAfter, setFocusAfter] = useState<{ id: string; action: string } | null>(null);
  const [info, setInfo] = useState<Record<string, { fileName: string | null; kind: MediaKind | null }>>({});
  const { uploads, full, add, dismiss: drop } = useUploads({
    workspaceId,
    max: MAX_MEDIA,
    attached: items.length,
    precheck: precheckBlob,
    texts: 'posts.media',
    unnamed: () => t('posts.media.itemN', { n: items.length + 1 }),
    onStored: (stored) => {
      onChange((list) => [...list, { mediaId: stored.id, altText: '', kind: stored.kind, fileName: stored.fileName }]);
      setAnnounce(t('posts.media.added', { name: stored.fileName }));
    },
    onUploading,
  });
  const nameOf = (m: MediaItem, i: number) => m.fileName ?? info[m.mediaId]?.fileName ?? t('posts.media.itemN', { n: i + 1 });
  const unknown = items.filter((m) => !m.fileName && !(m.mediaId in info)).map((m) => m.mediaId);
  const unknownKey = unknown.join(',');

  useEffect(() => {
    if (!focusAfter) return;
    const item = list.current?.querySelector<HTMLElement>(`[data-media-id="${focusAfter.id}"]`);
    const other = focusAfter.action === 'up' ? 'down' : 'up';
    const target =
      item?.querySelector<HTMLElement>(`[data-action="${focusAfter.action}"]:not(:disabled)`) ??
      item?.querySelector<HTMLElement>(`[data-action="${other}"]:not(:disabled)`) ??
      item?.querySelector<HTMLElement>('textarea') ??
      input.current?.closest('.media-field')?.querySelector<HTMLElement>('[data-testid="media-pick"]');
    target?.focus();
    setFocusAfter(null);
  }, [focusAfter]);
  useEffect(() => {
    if (!unknownKey) return;
    const ctl = new AbortController();
    for (const id of unknownKey.split(',')) {
      mediaInfo(workspaceId, id, ctl.signal)
        .then((i) => setInfo((s) => ({ ...s, [id]: i })))
        .catch(() => undefined);
    }
    return () => ctl.abort();
  }, [workspaceId, unknownKey]);

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    if (full) return;
    void add([...e.dataTransfer.files]);
  }

  function move(m: MediaItem, i: number, delta: -1 | 1) {
    onChange((l) => moveMedia(l, i, delta));
    setAnnounce(t('posts.media.moved', { name: nameOf(m, i), n: i + delta + 1 }));
    setFocusAfter({ id: m.mediaId, action: delta < 0 ? 'up' : 'down' });
  }

  function remove(m: MediaItem, i: number) {
    const next = items[i + 1] ?? items[i - 1];
    onChange((l) => removeMedia(l, m.mediaId));
    setAnnounce(t('posts.media.removed', { name: nameOf(m, i) }));
    setFocusAfter(next ? { id: next.mediaId, action: 'remove' } : { id: '', action: 'pick' });
  }

  return (
    <fieldset className="fieldset media-field" data-testid="media-field">
      <legend>{t('posts.media.title')}</legend>
      <p id={`${uid}-hint`} className="field-hint">
        {t('posts.media.hint')}
      </p>

      <div
        className={`media-drop${dragging ? ' is-dragging' : ''}${full ? ' is-full' : ''}`}
        onDragEnter={(e) => {
          e.preventDefault();
          if (!full) setDragging(true);
        }}
        onDragOver={(e) => e.preventDefault()}
        onDragLeave={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={onDrop}
        data-testid="media-drop"
      >
        {full ? (
          <p className="muted small">{t('posts.media.full')}</p>
        ) : (
          <>
            <span className="media-drop-text">{dragging ? t('posts.media.dropActive') : t('posts.media.drop')}</span>
            <Button size="sm" icon={<Icon name="plus" size={16} />} onClick={() => input.current?.click()} aria-describedby={`${uid}-hint`} data-testid="media-pick">
              {t('posts.media.pick')}
            </Button>
          </>
        )}
        <input
          ref={input}
          type="file"
          multiple
          accept={MEDIA_ACCEPT}
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          onChange={(e) => {
            void add([...(e.target.files ?? [])]);
            e.target.value = '';
          }}
          data-testid="media-input"
        />
      </div>

      {uploads.length > 0 && (
        <ul className="media-uploads" aria-label={t('posts.media.uploadsLabel')} data-testid="media-uploads">
          {uploads.map((u) =>
            u.error ? (
              <li key={u.key} className="media-upload is-error">
                <Icon name="alert" size={16} />
                <span className="media-upload-text" role="alert">
                  {u.error}
                </span>
                <Button size="sm" variant="ghost" onClick={() => drop(u.key)} aria-label={t('posts.media.dismissLabel', { name: u.name })}>
                  {t('posts.media.dismiss')}
                </Button>
              </li>
            ) : (
              <li key={u.key} className="media-upload">
                <span className="media-upload-text">
                  {u.progress === null ? t('posts.media.checking', { name: u.name }) : `${u.name} · ${formatBytes(u.size, i18n.language)}`}
                </span>
                <progress className="media-progress" max={1} value={u.progress ?? undefined} aria-label={t('posts.media.uploading', { name: u.name })} />
                <span className="media-upload-percent muted small" aria-hidden="true">
                  {u.progress === null ? '' : t('posts.media.percent', { percent: Math.round(u.progress * 100) })}
                </span>
                <Button size="sm" variant="ghost" onClick={() => u.ctl.abort()} aria-label={t('posts.media.cancelLabel', { name: u.name })}>
                  {t('posts.media.cancel')}
                </Button>
              </li>
            ),
          )}
        </ul>
      )}

      {items.length > 0 && (
        <ol ref={list} className="media-list" aria-label={t('posts.media.listLabel')} data-testid="media-list">
          {items.map((m, i) => {
            const fid = `${uid}-alt-${m.mediaId}`;
            const warn = needsAltText(m);
            const name = nameOf(m, i);
            return (
              <li key={m.mediaId} className={`media-item${warn ? ' needs-alt' : ''}`} data-media-id={m.mediaId} data-testid={`media-item-${i}`}>
                <MediaThumb workspaceId={workspaceId} mediaId={m.mediaId} kind={m.kind ?? info[m.mediaId]?.kind ?? undefined} alt="" />
                <div className="media-item-body">
                  <p className="media-item-name" title={name}>
                    <span className="media-item-num">{i + 1}.</span> {name}
                  </p>
                  <TextAreaField
                    id={fid}
                    label={
                      <>
                        {t('posts.media.altLabel')}
                        <span className="media-required" aria-hidden="true">
                          {' '}
                          *
                        </span>
                      </>
                    }
                    hint={t('posts.media.altHint')}
                    rows={2}
                    maxLength={1500}
                    value={m.altText}
                    onChange={(v) => onChange((l) => setAltText(l, m.mediaId, v))}
                    aria-describedby={warn ? `${fid}-hint ${fid}-warn` : `${fid}-hint`}
                    data-testid={`media-alt-${i}`}
                  />
                  {warn && (
                    <p id={`${fid}-warn`} className="media-alt-warning" data-testid={`media-alt-warning-${i}`}>
                      <Icon name="alert" size={16} />
                      <span>{t('posts.media.altMissing')}</span>
                    </p>
                  )}
                  <div className="media-item-actions">
                    <Button size="sm" variant="ghost" disabled={i === 0} onClick={() => move(m, i, -1)} aria-label={t('posts.media.moveUpLabel', { name })} data-action="up" data-testid={`media-up-${i}`}>
                      {t('posts.media.moveUp')}
                    </Button>
                    <Button size="sm" variant="ghost" disabled={i === items.length - 1} onClick={() => move(m, i, 1)} aria-label={t('posts.media.moveDownLabel', { name })} data-action="down" data-testid={`media-down-${i}`}>
                      {t('posts.media.moveDown')}
                    </Button>
                    <Button size="sm" variant="danger-ghost" icon={<Icon name="x" size={16} />} onClick={() => remove(m, i)} aria-label={t('posts.media.removeLabel', { name })} data-action="remove" data-testid={`media-remove-${i}`}>
                      {t('posts.media.remove')}
                    </Button>
                  </div>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announce}
      </p>
    </fieldset>
  );
}
