import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/Alert';
import { SkeletonRows } from '../../../components/Loading';
import { Link } from '../../../router';
import { PlatformIcon } from '../../channels/PlatformIcon';
import { usePostRefs } from '../PostRefs';

/**
 * Which channels the post goes to: the workspace's connected channels as checkboxes. A channel that is already in the
 * post but no longer connected stays listed (so it can be taken out).
 */
export function ChannelPicker({ workspaceId, selected, onToggle, error }: { workspaceId: string; selected: string[]; onToggle: (id: string, on: boolean) => void; error?: string }) {
  const { t } = useTranslation();
  const refs = usePostRefs();
  const usable = refs.channels.filter((c) => (c.status !== 'disconnected' && !c.disconnectedAt) || selected.includes(c.id));

  return (
    <fieldset className="fieldset channel-picker" data-testid="channel-picker" aria-describedby={error ? 'channel-picker-error' : undefined}>
      <legend>{t('posts.composer.channels')}</legend>
      {refs.channelsLoading ? (
        <SkeletonRows rows={2} />
      ) : refs.channelsError ? (
        <ErrorAlert error={refs.channelsError} onRetry={refs.reloadChannels} />
      ) : usable.length === 0 ? (
        <p className="muted">
          {t('posts.composer.noChannels')}{' '}
          <Link to={`/w/${encodeURIComponent(workspaceId)}/channels`} className="text-link">
            {t('posts.composer.connectChannel')}
          </Link>
        </p>
      ) : (
        <div className="channel-options">
          {usable.map((c) => {
            const on = selected.includes(c.id);
            const id = `pick-${c.id}`;
            return (
              <div key={c.id} className={`channel-option${on ? ' is-on' : ''}`}>
                <input id={id} type="checkbox" checked={on} onChange={(e) => onToggle(c.id, e.target.checked)} data-testid={`channel-option-${c.id}`} />
                <label htmlFor={id}>
                  <PlatformIcon kind={c.kind} size={22} />
                  <span className="channel-option-text">
                    <span className="strong">{c.name}</span>
                    <span className="muted small">
                      {c.kindName}
                      {c.status === 'needs_reconnect' && ` · ${t('posts.composer.needsReconnect')}`}
                      {c.status === 'disconnected' && ` · ${t('posts.composer.disconnected')}`}
                    </span>
                  </span>
                </label>
              </div>
            );
          })}
        </div>
      )}
      {error && (
        <p id="channel-picker-error" className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
