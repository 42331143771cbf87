import { useTranslation } from 'react-i18next';
import { countText } from '../../../../../src/connectors/text';
import { useOptionalWorkspace } from '../../workspace/WorkspaceContext';
import type { Finding, PreviewMedia, RenderedPart, ValidationFinding } from '../api';
import { usePostRefs } from '../PostRefs';
import { ChannelName } from './ChannelName';
import { FindingsList, ValidationList } from './FindingsList';
import { blocksOf, piecesOf, sortFindings, worstSeverity, type TextBlock } from './highlight';
import { MediaThumb } from './MediaThumb';

export interface PreviewCardProps {
  channelId: string;
  parts: RenderedPart[];
  firstComment: string | null;
  findings: Finding[];
  validation: ValidationFinding[];
}

/**
 * One channel's variant as the platform will show it: the rendered parts (thread parts numbered), poll options and
 * link card, the first comment, a character counter per part against the channel's limit, the channel's own checks,
 * and the code's findings marked in the text and listed under it with the same numbers.
 */
export function PreviewCard({ channelId, parts, firstComment, findings, validation }: PreviewCardProps) {
  const { t } = useTranslation();
  const refs = usePostRefs();
  const channel = refs.channel(channelId);
  const limit = channel ? refs.limitOf(channel.kind) : null;
  const sorted = sortFindings(findings);
  const idPrefix = `finding-${channelId}`;
  const blocks = blocksOf(parts.map((p) => p.text), firstComment);
  const worst = worstSeverity(findings.map((f) => f.severity));
  const hasError = validation.some((v) => v.severity === 'error');

  return (
    <article className={`preview-card${worst ? ` has-${worst}` : ''}${hasError ? ' has-error' : ''}`} data-testid={`preview-${channelId}`} data-channel={channelId} aria-label={t('posts.preview.cardLabel', { name: channel?.name ?? '' })}>
      <header className="preview-head">
        <ChannelName channel={channel} size={24} showHandle />
      </header>
      <div className="preview-body">
        {blocks.map((b) => {
          const part = b.kind === 'part' ? parts[b.index] : undefined;
          return (
            <div key={`${b.kind}-${b.index}`} className={`preview-block is-${b.kind}`}>
              {(b.kind === 'firstComment' || parts.length > 1) && (
                <p className="preview-block-label muted small">{b.kind === 'firstComment' ? t('posts.preview.firstComment') : t('posts.preview.partN', { n: b.index + 1 })}</p>
              )}
              <p className="preview-text">
                <MarkedText block={b} findings={sorted} idPrefix={idPrefix} />
                {b.text === '' && <span className="muted">{t('posts.preview.empty')}</span>}
              </p>
              {part?.media && part.media.length > 0 && <PreviewMediaList media={part.media} />}
              {part?.poll && (
                <ul className="preview-poll" aria-label={t('posts.preview.poll')}>
                  {part.poll.options.map((o, i) => (
                    <li key={i}>{o}</li>
                  ))}
                </ul>
              )}
              {part?.link && <p className="preview-link small">{t('posts.preview.linkCard', { url: part.link })}</p>}
              {limit && <Counter text={b.text} limit={limit} />}
            </div>
          );
        })}
      </div>
      <ValidationList items={validation} />
      <FindingsList findings={sorted} idPrefix={idPrefix} />
    </article>
  );
}

/** The files that go with a part, as thumbnails with their alt text (or a note that it is missing). */
function PreviewMediaList({ media }: { media: PreviewMedia[] }) {
  const { t } = useTranslation();
  const ws = useOptionalWorkspace()?.id;
  if (!ws) return null;
  return (
    <ul className={`preview-media${media.length === 1 ? ' is-single' : ''}`} aria-label={t('posts.media.previewLabel')} data-testid="preview-media">
      {media.map((m, i) => (
        <li key={`${m.mediaId}-${i}`} className="preview-media-item">
          <MediaThumb workspaceId={ws} mediaId={m.mediaId} kind={m.kind} alt={m.altText} size="sm" />
          {!m.altText.trim() && <span className="preview-media-noalt small">{t('posts.media.noAlt')}</span>}
        </li>
      ))}
    </ul>
  );
}

function Counter({ text, limit }: { text: string; limit: { maxLength: number; counting: 'graphemes' | 'x-weighted' | 'utf16' } }) {
  const { t } = useTranslation();
  const n = countText(text, limit.counting);
  const over = n > limit.maxLength;
  return (
    <p className={`char-counter${over ? ' is-over' : n > limit.maxLength * 0.9 ? ' is-near' : ''}`} data-testid="char-counter">
      {t('posts.preview.counter', { n, max: limit.maxLength })}
    </p>
  );
}

function MarkedText({ block, findings, idPrefix }: { block: TextBlock; findings: Finding[]; idPrefix: string }) {
  const { t } = useTranslation();
  return (
    <>
      {piecesOf(block, findings).map((p, i) => {
        if (p.findings.length === 0) return <span key={i}>{p.text}</span>;
        const sev = worstSeverity(p.findings.map((k) => findings[k].severity))!;
        const nums = p.findings.map((k) => k + 1);
        return (
          <mark key={i} className={`finding-mark sev-${sev}`} data-severity={sev}>
            {p.text}
            <span className="visually-hidden"> ({t('posts.findings.ref', { n: nums.join(', ') })})</span>
            <sup className="finding-ref" aria-hidden="true">
              {nums.join(',')}
            </sup>
          </mark>
        );
      })}
    </>
  );
}
