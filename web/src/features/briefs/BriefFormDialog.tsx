import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../api/types';
import { ErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { TextAreaField, TextField } from '../../components/Field';
import { fieldError } from '../../lib/errors';
import { briefsApi, type BriefDetail, type BriefInput } from './api';
import { attachmentInputs, itemsOf, type AttachmentItem } from './attachments';
import { BriefAttachmentsField } from './BriefAttachmentsField';
import { ChannelChoice } from './ChannelChoice';
import { dateInputToIso, isoToDateInput } from './briefRules';

type Draft = Omit<BriefInput, 'wantedBy' | 'attachments'> & { wantedBy: string; attachments: AttachmentItem[] };

function draftOf(brief: BriefDetail | null): Draft {
  if (!brief) return { title: '', goal: '', audience: '', keyMessage: '', details: '', channelIds: [], timing: '', wantedBy: '', attachments: [] };
  const { title, goal, audience, keyMessage, details, channelIds, timing } = brief;
  return { title, goal, audience, keyMessage, details, channelIds, timing, wantedBy: isoToDateInput(brief.wantedBy), attachments: itemsOf(brief.attachments ?? []) };
}

/** Write a new brief, or change one: what to communicate, why, for whom, where and when, with files attached. */
export function BriefFormDialog({
  workspaceId,
  channels,
  brief = null,
  onClose,
  onSaved,
}: {
  workspaceId: string;
  channels: Channel[];
  brief?: BriefDetail | null;
  onClose: () => void;
  onSaved: (b: BriefDetail) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => draftOf(brief));
  const [missingTitle, setMissingTitle] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [uploading, setUploading] = useState(0);
  const onAttachments = useCallback((f: (items: AttachmentItem[]) => AttachmentItem[]) => setDraft((d) => ({ ...d, attachments: f(d.attachments) })), []);
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setError(null);
    if (uploading > 0) return;
    if (!draft.title.trim()) {
      setMissingTitle(true);
      document.getElementById('brief-title')?.focus();
      return;
    }
    setMissingTitle(false);
    setBusy(true);
    const body: BriefInput = { ...draft, title: draft.title.trim(), wantedBy: dateInputToIso(draft.wantedBy), attachments: attachmentInputs(draft.attachments) };
    try {
      const saved = brief ? await briefsApi.update(workspaceId, brief.id, body) : await briefsApi.create(workspaceId, body);
      onSaved(saved);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  const err = (path: string) => fieldError(error, path);
  const titleError = missingTitle ? t('validation.required') : err('title');
  const shownInFields = ['title', 'goal', 'audience', 'keyMessage', 'details', 'channelIds', 'timing', 'wantedBy', 'attachments'].some((p) => err(p));
  const optional = { optional: true, optionalText: t('common.optional') };

  return (
    <Dialog
      title={brief ? t('briefs.form.editTitle') : t('briefs.form.newTitle')}
      description={brief ? undefined : t('briefs.form.intro')}
      onClose={busy ? () => undefined : onClose}
      testId="brief-form-dialog"
    >
      <form className="form brief-form" onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          id="brief-title"
          label={t('briefs.fields.title')}
          hint={t('briefs.form.titleHint')}
          value={draft.title}
          onChange={set('title')}
          required
          maxLength={200}
          autoComplete="off"
          error={titleError}
          data-testid="brief-title"
          data-autofocus
        />
        <TextAreaField label={t('briefs.fields.goal')} hint={t('briefs.form.goalHint')} value={draft.goal} onChange={set('goal')} maxLength={4000} rows={3} error={err('goal')} data-testid="brief-goal" {...optional} />
        <TextAreaField label={t('briefs.fields.audience')} hint={t('briefs.form.audienceHint')} value={draft.audience} onChange={set('audience')} maxLength={2000} rows={2} error={err('audience')} data-testid="brief-audience" {...optional} />
        <TextAreaField label={t('briefs.fields.keyMessage')} hint={t('briefs.form.keyMessageHint')} value={draft.keyMessage} onChange={set('keyMessage')} maxLength={4000} rows={2} error={err('keyMessage')} data-testid="brief-key-message" {...optional} />
        <TextAreaField label={t('briefs.fields.details')} hint={t('briefs.form.detailsHint')} value={draft.details} onChange={set('details')} maxLength={20000} rows={4} error={err('details')} data-testid="brief-details" {...optional} />
        <ChannelChoice channels={channels} selected={draft.channelIds} onChange={set('channelIds')} error={err('channelIds')} />
        <div className="form-grid">
          <TextField label={t('briefs.fields.timing')} hint={t('briefs.form.timingHint')} value={draft.timing} onChange={set('timing')} maxLength={500} autoComplete="off" error={err('timing')} data-testid="brief-timing" {...optional} />
          <TextField type="date" label={t('briefs.fields.wantedBy')} hint={t('briefs.form.wantedByHint')} value={draft.wantedBy} onChange={set('wantedBy')} error={err('wantedBy')} data-testid="brief-wanted-by" {...optional} />
        </div>
        <BriefAttachmentsField
          workspaceId={workspaceId}
          items={draft.attachments}
          onChange={onAttachments}
          onUploading={setUploading}
          error={err('attachments') ? t('briefs.attachments.errorUnknown') : undefined}
        />
        {error && !shownInFields ? <ErrorAlert error={error} /> : null}
        <div className="dialog-footer">
          {uploading > 0 && (
            <span id="brief-uploading" className="muted small brief-form-wait" data-testid="brief-uploading">
              {t('briefs.attachments.wait')}
            </span>
          )}
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="primary" loading={busy} disabled={uploading > 0} aria-describedby={uploading > 0 ? 'brief-uploading' : undefined} data-testid="brief-submit">
            {brief ? t('common.save') : t('briefs.form.create')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
