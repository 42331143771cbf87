import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/Alert';
import { Loading } from '../../components/Loading';
import { usePopover } from '../../components/usePopover';
import { formatDateTime, formatRelative } from '../../lib/format';
import { navigate } from '../../router';
import { useSignedIn } from '../../session/SessionContext';
import { notificationsApi, type NotificationItem, type NotificationList } from './api';
import { notificationDetail, notificationHref, notificationTitle } from './notificationText';

/**
 * The bell in the top bar: the unread count (polled every 30 s and when the window gets focus) and a list that
 * opens on click. Choosing an item marks it read and goes to what it is about; "Alles gelezen" clears the count.
 */

const POLL_MS = 30_000;

function BellIcon() {
  return (
    <svg className="icon" width={20} height={20} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M12 3.5a5.5 5.5 0 0 0-5.5 5.5v3.6L4.8 16.5h14.4l-1.7-3.9V9A5.5 5.5 0 0 0 12 3.5ZM9.8 19.5a2.3 2.3 0 0 0 4.4 0" />
    </svg>
  );
}

export function NotificationsBell() {
  const { t } = useTranslation();
  const session = useSignedIn();
  const pop = usePopover();
  const listId = useId();
  const headingId = useId();
  const [data, setData] = useState<NotificationList | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const inFlight = useRef<AbortController | null>(null);

  const load = useCallback(async () => {
    inFlight.current?.abort();
    const ctl = new AbortController();
    inFlight.current = ctl;
    setLoading(true);
    try {
      const list = await notificationsApi.list(ctl.signal);
      setData(list);
      setError(null);
    } catch (e) {
      if (!(e instanceof DOMException && e.name === 'AbortError')) setError(e);
    } finally {
      if (inFlight.current === ctl) {
        inFlight.current = null;
        setLoading(false);
      }
    }
  }, []);

  useEffect(() => {
    void load();
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') void load();
    }, POLL_MS);
    const onFocus = () => void load();
    const onVisible = () => {
      if (document.visibilityState === 'visible') void load();
    };
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onVisible);
      inFlight.current?.abort();
    };
  }, [load]);

  useEffect(() => {
    if (pop.open) void load();
  }, [pop.open, load]);

  const unread = data?.unread ?? 0;

  function markLocally(ids: string[] | null): void {
    setData((d) => {
      if (!d) return d;
      const items = d.items.map((n) => (ids === null || ids.includes(n.id) ? { ...n, read: true } : n));
      const cleared = ids === null ? d.unread : d.items.filter((n) => ids.includes(n.id) && !n.read).length;
      return { unread: Math.max(0, d.unread - cleared), items };
    });
  }

  function open(n: NotificationItem): void {
    if (!n.read) {
      markLocally([n.id]);
      void notificationsApi.read([n.id]).catch(() => undefined);
    }
    pop.close();
    navigate(notificationHref(n));
  }

  async function readAll(): Promise<void> {
    markLocally(null);
    try {
      await notificationsApi.read(null);
    } catch (e) {
      setError(e);
      void load();
    }
  }

  const workspaceName = (id: string) => {
    if (session.workspaces.length < 2) return null;
    const w = session.workspaces.find((x) => x.id === id);
    return w ? w.organization.name : null;
  };

  return (
    <div className="notif" ref={pop.root}>
      <button
        ref={pop.button}
        type="button"
        className="icon-button notif-button"
        aria-expanded={pop.open}
        aria-controls={listId}
        aria-label={unread > 0 ? t('notifications.buttonUnread', { count: unread }) : t('notifications.button')}
        onClick={pop.toggle}
        data-testid="notifications-bell"
      >
        <BellIcon />
        {unread > 0 && (
          <span className="notif-badge" aria-hidden="true" data-testid="notifications-count">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      <div id={listId} className="popover popover-right notif-popover" hidden={!pop.open} role="region" aria-labelledby={headingId} data-testid="notifications-popover">
        <div className="notif-head">
          <h2 id={headingId} className="notif-heading">
            {t('notifications.title')}
          </h2>
          <button type="button" className="link-button notif-read-all" onClick={() => void readAll()} disabled={unread === 0} data-testid="notifications-read-all">
            {t('notifications.readAll')}
          </button>
        </div>
        {error ? <ErrorAlert error={error} onRetry={() => void load()} /> : null}
        {!data ? (
          loading ? <Loading /> : null
        ) : data.items.length === 0 ? (
          <p className="popover-empty" data-testid="notifications-empty">
            {t('notifications.empty')}
          </p>
        ) : (
          <ul className="notif-list">
            {data.items.map((n) => {
              const detail = notificationDetail(n);
              const org = workspaceName(n.workspaceId);
              return (
                <li key={n.id}>
                  <button type="button" className={n.read ? 'notif-item' : 'notif-item is-unread'} onClick={() => open(n)} data-testid="notification-item" data-kind={n.kind} data-read={n.read}>
                    <span className="notif-dot" aria-hidden="true" />
                    <span className="notif-text">
                      {!n.read && <span className="visually-hidden">{t('notifications.unread')}: </span>}
                      <span className="notif-title">{notificationTitle(t, n)}</span>
                      {detail && <span className="notif-detail">{detail}</span>}
                      <span className="notif-time">
                        <time dateTime={n.createdAt} title={formatDateTime(n.createdAt)}>
                          {formatRelative(n.createdAt)}
                        </time>
                        {org && <> · {org}</>}
                      </span>
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </div>
  );
}
