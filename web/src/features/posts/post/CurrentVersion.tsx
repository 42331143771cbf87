import { useTranslation } from 'react-i18next';
import type { PostDetail } from '../api';
import { PreviewCard } from '../shared/PreviewCard';
import { usePreview } from '../shared/usePreview';
import { VerdictBanner } from '../shared/VerdictBanner';

/**
 * The current version as each channel will show it, with the code's findings marked. The rendered parts come from
 * the same live check the composer uses; until it answers (or if it fails) the checked text is shown as one block.
 */
export function CurrentVersion({ workspaceId, post }: { workspaceId: string; post: PostDetail }) {
  const { t } = useTranslation();
  const preview = usePreview(workspaceId, post.content, post.scheduledAt);
  const rendered = new Map((preview.data?.variants ?? []).map((v) => [v.channelId, v]));
  const invalid = post.checks.some((c) => c.validation.some((v) => v.severity === 'error'));

  return (
    <section className="section" aria-labelledby="current-title" data-testid="current-version">
      <h2 id="current-title" className="section-title">
        {t('posts.page.current', { n: post.version })}
      </h2>
      <VerdictBanner verdict={post.verdict} invalid={invalid} />
      {post.checks.length === 0 ? (
        <p className="muted">{t('posts.variants.none')}</p>
      ) : (
        <div className="preview-grid">
          {post.checks.map((c) => {
            const r = rendered.get(c.channelId);
            return (
              <PreviewCard
                key={c.channelId}
                channelId={c.channelId}
                parts={r ? r.parts : [{ text: c.text }]}
                firstComment={r ? r.firstComment : null}
                findings={r ? r.findings : c.findings}
                validation={r ? r.validation : c.validation}
              />
            );
          })}
        </div>
      )}
    </section>
  );
}
