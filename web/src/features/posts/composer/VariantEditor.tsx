import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Icon } from '../../../components/Icon';
import { usePostRefs } from '../PostRefs';
import { ChannelName } from '../shared/ChannelName';
import { adaptChannel, followCore, partsFor, updateVariant, type Draft } from './draft';

const MAX_PARTS = 25;

/**
 * One channel's text. It follows the core message until someone adapts it ("Aanpassen per kanaal"); a thread has
 * several parts that can be added and removed. The first comment is optional, per channel.
 */
export function VariantEditor({ draft, channelId, onChange }: { draft: Draft; channelId: string; onChange: (f: (d: Draft) => Draft) => void }) {
  const { t } = useTranslation();
  const refs = usePostRefs();
  const uid = useId();
  const v = draft.variants[channelId];
  const custom = v?.custom === true;
  const thread = draft.instrument === 'thread';
  const parts = partsFor(draft, channelId);
  const comment = v?.firstComment ?? null;
  const channelName = refs.channel(channelId)?.name ?? '';

  const setPart = (i: number, text: string) => onChange((d) => updateVariant(d, channelId, (x) => ({ ...x, parts: partsFor(d, channelId).map((p, k) => (k === i ? text : p)) })));
  const addPart = () => onChange((d) => updateVariant(d, channelId, () => ({ ...(d.variants[channelId] ?? { firstComment: null }), custom: true, parts: [...partsFor(d, channelId), ''] })));
  const removePart = (i: number) => onChange((d) => updateVariant(d, channelId, (x) => ({ ...x, parts: partsFor(d, channelId).filter((_, k) => k !== i) })));
  const setComment = (text: string | null) => onChange((d) => ({ ...d, variants: { ...d.variants, [channelId]: { ...(d.variants[channelId] ?? { custom: false, parts: [d.core] }), firstComment: text } } }));

  return (
    <section className={`variant-editor${custom ? ' is-custom' : ''}`} data-testid={`variant-editor-${channelId}`} aria-labelledby={`${uid}-title`}>
      <div className="variant-head">
        <h3 id={`${uid}-title`} className="variant-title">
          <ChannelName channel={refs.channel(channelId)} size={22} />
        </h3>
        {custom ? (
          <Button size="sm" variant="ghost" onClick={() => onChange((d) => followCore(d, channelId))} data-testid={`variant-follow-${channelId}`}>
            {t('posts.variant.followCore')}
          </Button>
        ) : (
          <Button size="sm" variant="secondary" icon={<Icon name="edit" size={16} />} onClick={() => onChange((d) => adaptChannel(d, channelId))} data-testid={`variant-adapt-${channelId}`}>
            {t('posts.variant.adapt')}
          </Button>
        )}
      </div>

      {!custom ? (
        <p className="variant-follows muted small">{t('posts.variant.follows')}</p>
      ) : (
        parts.map((p, i) => (
          <div key={i} className="field variant-part">
            <div className="variant-part-head">
              <label htmlFor={`${uid}-part-${i}`} className="field-label">
                {thread ? t('posts.variant.partLabel', { n: i + 1 }) : t('posts.variant.textFor', { name: channelName })}
              </label>
              {thread && parts.length > 1 && (
                <Button size="sm" variant="danger-ghost" onClick={() => removePart(i)} aria-label={t('posts.variant.removePartN', { n: i + 1 })} data-testid={`variant-remove-part-${channelId}-${i}`}>
                  {t('posts.variant.removePart')}
                </Button>
              )}
            </div>
            <textarea id={`${uid}-part-${i}`} className="input textarea" rows={4} value={p} onChange={(e) => setPart(i, e.target.value)} data-testid={`variant-text-${channelId}-${i}`} />
          </div>
        ))
      )}

      {thread && parts.length < MAX_PARTS && (
        <div>
          <Button size="sm" variant="ghost" icon={<Icon name="plus" size={16} />} onClick={addPart} data-testid={`variant-add-part-${channelId}`}>
            {t('posts.variant.addPart')}
          </Button>
        </div>
      )}

      {comment === null ? (
        <div>
          <Button size="sm" variant="ghost" icon={<Icon name="plus" size={16} />} onClick={() => setComment('')} data-testid={`variant-add-comment-${channelId}`}>
            {t('posts.variant.addFirstComment')}
          </Button>
        </div>
      ) : (
        <div className="field">
          <div className="variant-part-head">
            <label htmlFor={`${uid}-comment`} className="field-label">
              {t('posts.variant.firstComment')}
            </label>
            <Button size="sm" variant="danger-ghost" onClick={() => setComment(null)}>
              {t('posts.variant.removeFirstComment')}
            </Button>
          </div>
          <textarea id={`${uid}-comment`} className="input textarea" rows={2} maxLength={5000} value={comment} onChange={(e) => setComment(e.target.value)} data-testid={`variant-comment-${channelId}`} />
        </div>
      )}
    </section>
  );
}
