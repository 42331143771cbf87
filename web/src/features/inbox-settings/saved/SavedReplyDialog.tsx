import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SAVED_REPLY_VARIABLES } from '../../../../../src/core/inbox/saved-reply';
import { ErrorAlert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { Dialog } from '../../../components/Dialog';
import { SelectField, TextField } from '../../../components/Field';
import { inboxSettingsApi, type SavedReply, type SavedReplyInput } from '../api';
import { ServerProblems } from '../ServerProblems';
import { exampleVars, insertVariable, previewOf } from './savedPreview';

/** Create or edit a saved reply: title, language, body with a variables helper, and a live preview with example values. */
export function SavedReplyDialog({
  workspaceId,
  reply,
  agentName,
  organizationName,
  onClose,
  onSaved,
}: {
  workspaceId: string;
  reply: SavedReply | null;
  agentName: string;
  organizationName: string;
  onClose: () => void;
  onSaved: (r: SavedReply) => void;
}) {
  const { t } = useTranslation();
  const bodyId = useId();
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const [title, setTitle] = useState(reply?.title ?? '');
  const [body, setBody] = useState(reply?.body ?? '');
  const [language, setLanguage] = useState<string>(reply?.language ?? '');
  const [missing, setMissing] = useState<{ title?: boolean; body?: boolean }>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const preview = previewOf(body, exampleVars(agentName, organizationName, t('inboxSettings.saved.exampleContact')));

  function insert(name: string): void {
    const el = bodyRef.current;
    const start = el ? el.selectionStart : body.length;
    const end = el ? el.selectionEnd : body.length;
    const next = insertVariable(body, name, start, end);
    setBody(next.text);
    requestAnimationFrame(() => {
      if (!el) return;
      el.focus();
      el.setSelectionRange(next.caret, next.caret);
    });
  }

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    const m = { title: !title.trim(), body: !body.trim() };
    setMissing(m);
    if (m.title || m.body) return;
    const input: SavedReplyInput = { title: title.trim(), body, language: language === 'nl' || language === 'en' ? language : null };
    setBusy(true);
    setError(null);
    try {
      onSaved(
        reply ? await inboxSettingsApi.updateSavedReply(workspaceId, reply.id, input) : await inboxSettingsApi.createSavedReply(workspaceId, input),
      );
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={reply ? t('inboxSettings.saved.edit') : t('inboxSettings.saved.new')}
      onClose={busy ? () => undefined : onClose}
      testId="saved-dialog"
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" form="saved-form" variant="primary" loading={busy} data-testid="saved-save">
            {t('inboxSettings.saved.save')}
          </Button>
        </>
      }
    >
      <form id="saved-form" className="form" onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          label={t('inboxSettings.saved.titleLabel')}
          value={title}
          onChange={setTitle}
          maxLength={120}
          required
          error={missing.title ? t('inboxSettings.saved.titleRequired') : null}
          data-testid="saved-title"
          data-autofocus
        />
        <SelectField
          label={t('inboxSettings.saved.language')}
          value={language}
          placeholder={t('inboxSettings.saved.anyLanguage')}
          options={[
            { value: 'nl', label: t('inboxSettings.languages.nl') },
            { value: 'en', label: t('inboxSettings.languages.en') },
          ]}
          onChange={setLanguage}
          data-testid="saved-language"
        />
        <div className={missing.body ? 'field has-error' : 'field'}>
          <label htmlFor={bodyId} className="field-label">
            {t('inboxSettings.saved.body')}
          </label>
          <div className="ibx-variables" role="group" aria-label={t('inboxSettings.saved.variables')}>
            <span className="small muted">{t('inboxSettings.saved.insert')}</span>
            {SAVED_REPLY_VARIABLES.map((v) => (
              <button key={v} type="button" className="ibx-variable" onClick={() => insert(v)} data-testid={`saved-var-${v}`}>
                {t(`inboxSettings.saved.vars.${v.replace('.', '_')}`)}
              </button>
            ))}
          </div>
          <textarea
            id={bodyId}
            ref={bodyRef}
            className="input textarea"
            rows={6}
            maxLength={5000}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            aria-invalid={missing.body || undefined}
            aria-describedby={`${bodyId}-hint${missing.body ? ` ${bodyId}-error` : ''}`}
            data-testid="saved-body"
          />
          <p id={`${bodyId}-hint`} className="field-hint">
            {t('inboxSettings.saved.bodyHint')}
          </p>
          {missing.body && (
            <p id={`${bodyId}-error`} className="field-error">
              {t('inboxSettings.saved.bodyRequired')}
            </p>
          )}
        </div>
        <div className="ibx-preview" data-testid="saved-preview">
          <p className="field-label">{t('inboxSettings.saved.preview')}</p>
          <p className="ibx-pre">{preview.text || <span className="muted">{t('inboxSettings.saved.previewEmpty')}</span>}</p>
          {preview.unknown.length > 0 && (
            <p className="field-error" data-testid="saved-unknown">
              {t('inboxSettings.saved.unknown', { names: preview.unknown.map((u) => `{{${u}}}`).join(', ') })}
            </p>
          )}
        </div>
        <ServerProblems error={error} />
        {error && !ServerProblems.handles(error) ? <ErrorAlert error={error} /> : null}
      </form>
    </Dialog>
  );
}
