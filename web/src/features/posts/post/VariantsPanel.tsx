import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/Field';
import { formatDateTime } from '../../../lib/format';
import { safeLinkUrl } from '../../channels/channelFormat';
import { postsApi, type PostVariant } from '../api';
import { usePostRefs } from '../PostRefs';
import { ChannelName } from '../shared/ChannelName';
import { StateBadge } from '../shared/StateBadge';
import { useAction } from './useAction';

/**
 * Where each channel's variant is: state, time, a link to the published post, why it waits or failed, its attempts,
 * and what a person can do: confirm a post whose arrival is unclear, send it again, or try a failed one again.
 */
export function VariantsPanel({ workspaceId, variants, canAct, onDone }: { workspaceId: string; variants: PostVariant[]; canAct: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="variants-state-title" data-testid="variants-panel">
      <h2 id="variants-state-title" className="card-title">
        {t('posts.variants.title')}
      </h2>
      {variants.length === 0 ? (
        <p className="muted">{t('posts.variants.none')}</p>
      ) : (
        <ul className="variant-states">
          {variants.map((v) => (
            <VariantRow key={v.id} workspaceId={workspaceId} variant={v} canAct={canAct} onDone={onDone} />
          ))}
        </ul>
      )}
    </section>
  );
}

function VariantRow({ workspaceId, variant: v, canAct, onDone }: { workspaceId: string; variant: PostVariant; canAct: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const refs = usePostRefs();
  const { busy, error, run } = useAction(onDone);
  const [url, setUrl] = useState('');
  const link = safeLinkUrl(v.url);
  const unclear = v.state === 'held' && v.reasonCode === 'unclear_attempt';

  return (
    <li className="variant-state" data-testid={`variant-${v.channelId}`} data-state={v.state} data-reason={v.reasonCode ?? ''}>
      <div className="variant-state-head">
        <ChannelName channel={refs.channel(v.channelId)} size={20} />
        <StateBadge state={v.state} />
      </div>
      <p className="small muted">
        {v.publishedAt
          ? t('posts.variants.publishedAt', { at: formatDateTime(v.publishedAt) })
          : v.dueAt
            ? t('posts.variants.dueAt', { at: formatDateTime(v.dueAt) })
            : t('posts.variants.noTime')}
        {v.version ? ` · ${t('posts.variants.version', { n: v.version })}` : ''}
      </p>
      {link && (
        <a href={link} target="_blank" rel="noopener noreferrer" className="text-link small" data-testid="variant-link">
          {t('posts.variants.open')} <span className="visually-hidden">{t('common.newWindow')}</span>
        </a>
      )}
      {v.reasonCode && (v.state === 'held' || v.state === 'failed' || v.state === 'draft') && (
        <div className={`variant-reason${v.state === 'failed' ? ' is-failed' : ''}`} data-testid="variant-reason">
          <p className="strong small">{t(`posts.reasons.${v.reasonCode}`, { defaultValue: v.reasonCode })}</p>
          {v.reasonText && <p className="small">{v.reasonText}</p>}
        </div>
      )}
      {v.attempts.length > 0 && (
        <details className="attempts">
          <summary className="small">{t('posts.variants.attempts', { count: v.attempts.length })}</summary>
          <ol className="attempt-list small">
            {v.attempts.map((a) => (
              <li key={a.n}>
                <span className="strong">#{a.n}</span> <time dateTime={a.startedAt}>{formatDateTime(a.startedAt)}</time>
                {a.outcome && <> · {t(`posts.outcome.${a.outcome}`, { defaultValue: a.outcome })}</>}
                {a.detail && <span className="muted"> · {a.detail}</span>}
              </li>
            ))}
          </ol>
        </details>
      )}
      {canAct && unclear && (
        <div className="stack">
          <p className="small">{t('posts.variants.unclearHint')}</p>
          <TextField label={t('posts.variants.confirmUrl')} optional optionalText={t('common.optional')} type="url" placeholder="https://" value={url} onChange={setUrl} data-testid="variant-confirm-url" />
          <div className="button-row start">
            <Button variant="primary" size="sm" loading={busy === 'confirm'} disabled={!!busy} onClick={() => void run('confirm', () => postsApi.resolve(workspaceId, v.id, 'confirm', url.trim() || null))} data-testid="variant-confirm">
              {t('posts.variants.confirm')}
            </Button>
            <Button size="sm" loading={busy === 'resend'} disabled={!!busy} onClick={() => void run('resend', () => postsApi.resolve(workspaceId, v.id, 'resend', null))} data-testid="variant-resend">
              {t('posts.variants.resend')}
            </Button>
          </div>
        </div>
      )}
      {canAct && v.state === 'failed' && (
        <div>
          <Button size="sm" loading={busy === 'retry'} disabled={!!busy} onClick={() => void run('retry', () => postsApi.resolve(workspaceId, v.id, 'resend', null))} data-testid="variant-retry">
            {t('posts.variants.retry')}
          </Button>
        </div>
      )}
      <ErrorAlert error={error} />
    </li>
  );
}
