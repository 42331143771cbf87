import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { Icon } from '../../components/Icon';
import { formatBytes } from '../posts/composer/media';
import { useUploads } from '../posts/composer/useUploads';
import { AttachmentThumb } from './AttachmentThumb';
import { addAttachment, ATTACHMENT_ACCEPT, kindKey, MAX_ATTACHMENTS, precheckAttachmentBlob, removeAttachment, type AttachmentItem } from './attachments';

export interface BriefAttachmentsFieldProps {
  workspaceId: string;
  items: AttachmentItem[];
  onChange: (f: (items: AttachmentItem[]) => AttachmentItem[]) => void;
  /** Told how many uploads are running, so the form can wait for them before saving. */
  onUploading?: (count: number) => void;
  /** The server's refusal of the attachments, if any. */
  error?: string;
}

/**
 * A brief's attachments in its form: upload by file picker or drag and drop (images, MP4 video, PDF; checked in
 * the browser first, then by the server), progress per file, and remove. Changes are announced to screen readers.
 */
export function BriefAttachmentsField({ workspaceId, items, onChange, onUploading, error }: BriefAttachmentsFieldProps) {
  const { t, i18n } = useTranslation();
  const uid = useId();
  const input = useRef<HTMLInputElement>(null);
  const frame = useRef<HTMLFieldSetElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const [dragging, setDragging] = useState(false);
  const [announce, setAnnounce] = useState('');
  const [focusAfter, setFocusAfter] = useState<string | null>(null);
  const { uploads, full, add, dismiss: drop } = useUploads({
    workspaceId,
    max: MAX_ATTACHMENTS,
    attached: items.length,
    precheck: precheckAttachmentBlob,
    texts: 'briefs.attachments',
    unnamed: () => t('briefs.attachments.unnamed'),
    onStored: (stored) => {
      onChange((l) => addAttachment(l, { mediaId: stored.id, name: stored.fileName, kind: stored.kind, size: stored.size }));
      setAnnounce(t('briefs.attachments.added', { name: stored.fileName }));
    },
    onUploading,
  });

  useEffect(() => {
    if (focusAfter === null) return;
    const next = focusAfter ? list.current?.querySelector<HTMLElement>(`[data-media-id="${focusAfter}"] [data-action="remove"]`) : null;
    (next ?? frame.current?.querySelector<HTMLElement>('[data-testid="brief-attachments-pick"]'))?.focus();
    setFocusAfter(null);
  }, [focusAfter]);

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    if (!full) void add([...e.dataTransfer.files]);
  }

  function remove(a: AttachmentItem, i: number) {
    const next = items[i + 1] ?? items[i - 1];
    onChange((l) => removeAttachment(l, a.mediaId));
    setAnnounce(t('briefs.attachments.removed', { name: a.name }));
    setFocusAfter(next ? next.mediaId : '');
  }

  const describedBy = [`${uid}-hint`, error ? `${uid}-error` : ''].filter(Boolean).join(' ');

  return (
    <fieldset ref={frame} className={`fieldset media-field brief-attachments-field${error ? ' has-error' : ''}`} aria-describedby={describedBy} data-testid="brief-attachments-field">
      <legend>
        {t('briefs.attachments.title')} <span className="field-optional">({t('common.optional')})</span>
      </legend>
      <p id={`${uid}-hint`} className="field-hint">
        {t('briefs.attachments.hint')}
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
        data-testid="brief-attachments-drop"
      >
        {full ? (
          <p className="muted small">{t('briefs.attachments.full', { max: MAX_ATTACHMENTS })}</p>
        ) : (
          <>
            <span className="media-drop-text">{dragging ? t('briefs.attachments.dropActive') : t('briefs.attachments.drop')}</span>
            <Button size="sm" icon={<Icon name="plus" size={16} />} onClick={() => input.current?.click()} aria-describedby={`${uid}-hint`} data-testid="brief-attachments-pick">
              {t('briefs.attachments.pick')}
            </Button>
          </>
        )}
        <input
          ref={input}
          type="file"
          multiple
          accept={ATTACHMENT_ACCEPT}
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          onChange={(e) => {
            void add([...(e.target.files ?? [])]);
            e.target.value = '';
          }}
          data-testid="brief-attachments-input"
        />
      </div>

      {uploads.length > 0 && (
        <ul className="media-uploads" aria-label={t('briefs.attachments.uploadsLabel')} data-testid="brief-attachments-uploads">
          {uploads.map((u) =>
            u.error ? (
              <li key={u.key} className="media-upload is-error" data-testid="brief-attachment-upload-error">
                <Icon name="alert" size={16} />
                <span className="media-upload-text" role="alert">
                  {u.error}
                </span>
                <Button size="sm" variant="ghost" onClick={() => drop(u.key)} aria-label={t('briefs.attachments.dismissLabel', { name: u.name })}>
                  {t('briefs.attachments.dismiss')}
                </Button>
              </li>
            ) : (
              <li key={u.key} className="media-upload" data-testid="brief-attachment-upload">
                <span className="media-upload-text">{u.progress === null ? t('briefs.attachments.checking', { name: u.name }) : `${u.name} · ${formatBytes(u.size, i18n.language)}`}</span>
                <progress className="media-progress" max={1} value={u.progress ?? undefined} aria-label={t('briefs.attachments.uploading', { name: u.name })} />
                <span className="media-upload-percent muted small" aria-hidden="true">
                  {u.progress === null ? '' : `${Math.round(u.progress * 100)}%`}
                </span>
                <Button size="sm" variant="ghost" onClick={() => u.ctl.abort()} aria-label={t('briefs.attachments.cancelLabel', { name: u.name })}>
                  {t('common.cancel')}
                </Button>
              </li>
            ),
          )}
        </ul>
      )}

      {items.length > 0 && (
        <ul ref={list} className="brief-attachment-list is-editing" aria-label={t('briefs.attachments.listLabel')}>
          {items.map((a, i) => (
            <li key={a.mediaId} className="brief-attachment" data-media-id={a.mediaId} data-testid="brief-attachment">
              <AttachmentThumb workspaceId={workspaceId} mediaId={a.mediaId} kind={a.kind} />
              <span className="brief-attachment-text">
                <span className="brief-attachment-name" title={a.name}>
                  {a.name}
                </span>
                <span className="small muted">
                  {t(`briefs.attachments.kind.${kindKey(a.kind)}`)}
                  {a.size !== null && ` · ${formatBytes(a.size, i18n.language)}`}
                </span>
              </span>
              <Button
                size="sm"
                variant="danger-ghost"
                icon={<Icon name="x" size={16} />}
                onClick={() => remove(a, i)}
                aria-label={t('briefs.attachments.removeLabel', { name: a.name })}
                data-action="remove"
                data-testid="brief-attachment-remove"
              >
                {t('briefs.attachments.remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p id={`${uid}-error`} className="field-error" data-testid="brief-attachments-error">
          {error}
        </p>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announce}
      </p>
    </fieldset>
  );
}
