import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { ErrorAlert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { SelectField, TextAreaField, TextField, Toggle } from '../../../components/Field';
import { postsApi } from '../api';
import { usePostRefs } from '../PostRefs';
import { StaleVersionAlert } from '../shared/StaleVersionAlert';
import { usePreview } from '../shared/usePreview';
import { VerdictBanner } from '../shared/VerdictBanner';
import { ChannelPicker } from './ChannelPicker';
import { contentOf, setInstrument, toggleChannel, type Draft } from './draft';
import { errorAt } from './fieldErrors';
import { InstrumentFields } from './InstrumentFields';
import { MediaField } from './MediaField';
import { PreviewPanel } from './PreviewPanel';
import { VariantEditor } from './VariantEditor';

export interface ComposerProps {
  workspaceId: string;
  initial: Draft;
  /** Editing: the post and the version this copy was made from. */
  editing?: { id: string; version: number; scheduledAt: string | null };
  briefTitle?: string | null;
  onSaved: (id: string) => void;
  onCancel: () => void;
  /** Editing: discard this copy and load the newest version. */
  onReload?: () => void;
}

/**
 * The composer: title, channels, core message, instrument, a text per channel, first comments, paid partnership
 * and campaign, with the live check beside it. Saving creates a draft (POST) or a new version (PUT with the version
 * it was made from, so a newer save by someone else is not overwritten).
 */
export function Composer({ workspaceId, initial, editing, briefTitle, onSaved, onCancel, onReload }: ComposerProps) {
  const { t } = useTranslation();
  const refs = usePostRefs();
  const [draft, setDraft] = useState<Draft>(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [uploading, setUploading] = useState(0);
  const change = (f: (d: Draft) => Draft) => setDraft(f);

  const live = useMemo(() => (draft.channelIds.length ? contentOf(draft, { strict: false }) : null), [draft]);
  const preview = usePreview(workspaceId, live, editing?.scheduledAt ?? null);
  const invalid = (preview.data?.variants ?? []).some((v) => v.validation.some((f) => f.severity === 'error'));
  const stale = isApiError(error) && error.code === 'ERR_STALE_VERSION';

  async function save(e: FormEvent): Promise<void> {
    e.preventDefault();
    if (uploading > 0) return;
    setBusy(true);
    setError(null);
    const body = { content: contentOf(draft, { strict: true }), briefId: draft.briefId, campaignId: draft.campaignId };
    try {
      const saved = editing ? await postsApi.update(workspaceId, editing.id, { ...body, expectedVersion: editing.version }) : await postsApi.create(workspaceId, body);
      onSaved(saved.id);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <div className="composer" data-testid="composer">
      <form className="composer-form" onSubmit={(e) => void save(e)} noValidate>
        <div className="card">
          <TextField
            label={t('posts.composer.title')}
            hint={t('posts.composer.titleHint')}
            value={draft.title}
            maxLength={200}
            error={errorAt(error, 'content.title')}
            onChange={(v) => change((d) => ({ ...d, title: v }))}
            data-testid="composer-title"
          />
          {briefTitle && <p className="composer-brief small">{t('posts.composer.fromBrief', { title: briefTitle })}</p>}
          <ChannelPicker workspaceId={workspaceId} selected={draft.channelIds} onToggle={(id, on) => change((d) => toggleChannel(d, id, on))} error={errorAt(error, 'content.variants')} />
          <TextAreaField
            label={t('posts.composer.core')}
            hint={t('posts.composer.coreHint')}
            rows={5}
            maxLength={20000}
            value={draft.core}
            error={errorAt(error, 'content.core')}
            onChange={(v) => change((d) => ({ ...d, core: v }))}
            data-testid="composer-core"
          />
        </div>

        <MediaField workspaceId={workspaceId} items={draft.media} onChange={(f) => change((d) => ({ ...d, media: f(d.media) }))} onUploading={setUploading} />

        <InstrumentFields draft={draft} onChange={change} onInstrument={(i) => change((d) => setInstrument(d, i))} error={error} />

        {draft.channelIds.length > 0 && (
          <section className="card" aria-labelledby="variants-title">
            <h2 id="variants-title" className="card-title">
              {t('posts.composer.perChannel')}
            </h2>
            {draft.channelIds.map((id) => (
              <VariantEditor key={id} draft={draft} channelId={id} onChange={change} />
            ))}
          </section>
        )}

        <div className="card">
          <Toggle label={t('posts.composer.paid')} description={t('posts.composer.paidHint')} checked={draft.paidPartnership} onChange={(v) => change((d) => ({ ...d, paidPartnership: v }))} testId="composer-paid" />
          <SelectField
            label={t('posts.composer.campaign')}
            optional
            optionalText={t('common.optional')}
            value={draft.campaignId ?? ''}
            placeholder={t('posts.composer.noCampaign')}
            options={refs.campaigns.map((c) => ({ value: c.id, label: c.pillar ? `${c.name} · ${c.pillar}` : c.name }))}
            onChange={(v) => change((d) => ({ ...d, campaignId: v || null }))}
            data-testid="composer-campaign"
          />
        </div>

        <div className="composer-footer">
          <VerdictBanner verdict={live ? (preview.data?.verdict ?? null) : null} pending={preview.pending} invalid={invalid} />
          {stale ? <StaleVersionAlert onReload={onReload} /> : <ErrorAlert error={error} />}
          <div className="form-actions">
            {uploading > 0 && (
              <span className="muted small" role="status" data-testid="composer-wait-uploads">
                {t('posts.media.waitForUploads')}
              </span>
            )}
            <Button onClick={onCancel} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" variant="primary" loading={busy} disabled={uploading > 0} data-testid="composer-save">
              {t('posts.composer.save')}
            </Button>
          </div>
        </div>
      </form>
      <PreviewPanel preview={preview} channelIds={draft.channelIds} />
    </div>
  );
}
