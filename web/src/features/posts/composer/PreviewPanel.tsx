import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/Alert';
import { EmptyState } from '../../../components/EmptyState';
import { Loading } from '../../../components/Loading';
import { PreviewCard } from '../shared/PreviewCard';
import type { PreviewState } from '../shared/usePreview';

/** The live check's answer per chosen channel, in the order the channels were chosen. */
export function PreviewPanel({ preview, channelIds }: { preview: PreviewState; channelIds: string[] }) {
  const { t } = useTranslation();
  const byChannel = new Map((preview.data?.variants ?? []).map((v) => [v.channelId, v]));

  return (
    <section className="preview-panel" tabIndex={0} aria-labelledby="preview-title" aria-busy={preview.pending || undefined} data-testid="preview-panel">
      <div className="preview-panel-head">
        <h2 id="preview-title" className="section-title">
          {t('posts.preview.title')}
        </h2>
        <span className="preview-status muted small" role="status">
          {preview.pending ? t('posts.preview.checking') : preview.data ? (preview.data.codeVersion > 0 ? t('posts.preview.codeVersion', { v: preview.data.codeVersion }) : t('posts.preview.starterCode')) : ''}
        </span>
      </div>
      {preview.error ? <ErrorAlert error={preview.error} /> : null}
      {channelIds.length === 0 ? (
        <EmptyState icon="monitor" title={t('posts.preview.noChannels')}>
          {t('posts.preview.noChannelsText')}
        </EmptyState>
      ) : !preview.data && preview.pending ? (
        <Loading block label={t('posts.preview.checking')} />
      ) : (
        channelIds.map((id) => {
          const v = byChannel.get(id);
          return v ? <PreviewCard key={id} channelId={id} parts={v.parts} firstComment={v.firstComment} findings={v.findings} validation={v.validation} /> : null;
        })
      )}
    </section>
  );
}
