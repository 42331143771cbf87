import { useTranslation } from 'react-i18next';
import type { LiveState } from './useLiveInbox';

/** A small dot and word: live, connecting, reconnecting, or not live (the list then refreshes only on actions). */
export function LiveIndicator({ state }: { state: LiveState }) {
  const { t } = useTranslation();
  return (
    <span className={`live-indicator is-${state}`} role="status" data-testid="inbox-live" data-state={state} title={t(`inbox.live.${state}Hint`)}>
      <span className="live-dot" aria-hidden="true" />
      {t(`inbox.live.${state}`)}
    </span>
  );
}
