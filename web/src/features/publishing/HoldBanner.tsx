import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { Link, useLocation } from '../../router';
import { useOptionalWorkspace } from '../workspace/WorkspaceContext';
import { onHoldChanged, publishingApi, type Hold } from './api';

/**
 * A compact line on workspace pages while publishing is paused: why, and a link to the publishing page. Renders
 * nothing outside a workspace, when publishing runs, or on the publishing page itself (it has the big banner).
 * Re-checks on focus and whenever this page holds or resumes.
 */
export function HoldBanner() {
  const { t } = useTranslation();
  const ws = useOptionalWorkspace();
  const { pathname } = useLocation();
  const id = ws && ws.status === 'ready' ? ws.id : null;
  const [hold, setHold] = useState<Hold | null>(null);

  const load = useCallback(async () => {
    if (!id) return;
    try {
      const s = await publishingApi.settings(id);
      setHold(s.hold);
    } catch {
      /* the banner is a hint; the pages themselves show errors */
    }
  }, [id]);

  useEffect(() => {
    setHold(null);
    void load();
    const onFocus = () => void load();
    window.addEventListener('focus', onFocus);
    const off = onHoldChanged((wsId) => {
      if (wsId === id) void load();
    });
    return () => {
      window.removeEventListener('focus', onFocus);
      off();
    };
  }, [id, load]);

  if (!id || !hold || pathname.endsWith('/publishing')) return null;
  return (
    <div className="hold-banner" role="status" data-testid="hold-banner">
      <Icon name="alert" size={16} />
      <span>
        <span className="strong">{t('publishing.banner.title')}</span> <span className="hold-banner-reason">{hold.reason}</span>
      </span>
      <Link to={`/w/${encodeURIComponent(id)}/publishing`} className="hold-banner-link">
        {t('publishing.banner.link')}
      </Link>
    </div>
  );
}
