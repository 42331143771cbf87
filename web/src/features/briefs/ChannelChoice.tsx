import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../api/types';
import { PlatformIcon } from '../channels/PlatformIcon';

/**
 * The wished channels as checkboxes: the workspace's connected channels, plus any already chosen channel that has
 * since been disconnected (so an edit does not silently drop it).
 */
export function ChannelChoice({
  channels,
  selected,
  onChange,
  error,
}: {
  channels: Channel[];
  selected: string[];
  onChange: (ids: string[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const hintId = useId();
  const errorId = useId();
  const shown = channels.filter((c) => c.status !== 'disconnected' || selected.includes(c.id));

  function toggle(id: string, on: boolean): void {
    onChange(on ? [...selected.filter((x) => x !== id), id] : selected.filter((x) => x !== id));
  }

  return (
    <fieldset
      className={error ? 'fieldset brief-channels has-error' : 'fieldset brief-channels'}
      aria-describedby={[hintId, error ? errorId : ''].filter(Boolean).join(' ')}
      data-testid="brief-channels"
    >
      <legend>
        {t('briefs.fields.channels')} <span className="field-optional">({t('common.optional')})</span>
      </legend>
      <p id={hintId} className="field-hint">
        {shown.length ? t('briefs.form.channelsHint') : t('briefs.form.noChannelsYet')}
      </p>
      {shown.length > 0 && (
        <ul className="brief-channel-options" role="list">
          {shown.map((c) => (
            <li key={c.id}>
              <label className="brief-check">
                <input
                  type="checkbox"
                  checked={selected.includes(c.id)}
                  onChange={(e) => toggle(c.id, e.target.checked)}
                  data-testid={`brief-channel-${c.id}`}
                />
                <PlatformIcon kind={c.kind} size={22} />
                <span className="brief-check-text">
                  <span className="brief-check-name">{c.name}</span>
                  <span className="small muted">{c.kindName}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
