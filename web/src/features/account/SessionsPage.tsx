import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import type { SessionItem } from '../../api/types';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Toggle } from '../../components/Field';
import { Icon } from '../../components/Icon';
import { SkeletonRows } from '../../components/Loading';
import { formatDateTime, formatRelative } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { useSession } from '../../session/SessionContext';
import { navigate } from '../../router';
import { describeUserAgent } from './userAgent';
import { DataTable } from '../../components/DataTable';

/** /account/sessions — where you are signed in; end one, or log out everywhere. */
export function SessionsPage() {
  const { t } = useTranslation();
  const sessions = useApi(() => endpoints.sessions(), []);
  const { signOut } = useSession();
  const [revoking, setRevoking] = useState<SessionItem | null>(null);
  const [everywhere, setEverywhere] = useState(false);
  const [includeCurrent, setIncludeCurrent] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const items = sessions.data?.items ?? [];
  function device(s: SessionItem): string {
    const d = describeUserAgent(s.userAgent);
    if (!d) return t('account.sessions.unknownDevice');
    return d.os ? t('account.sessions.browserOn', { browser: d.browser, os: d.os }) : d.browser;
  }

  return (
    <section className="card" aria-labelledby="sessions-title">
      <div className="card-head">
        <div>
          <h2 id="sessions-title" className="card-title">
            {t('account.sessions.title')}
          </h2>
          <p className="muted card-lead">{t('account.sessions.lead')}</p>
        </div>
        <Button variant="danger" onClick={() => setEverywhere(true)} data-testid="logout-everywhere">
          {t('account.sessions.everywhere')}
        </Button>
      </div>
      {notice && <Notice onDismiss={() => setNotice(null)}>{notice}</Notice>}
      {sessions.loading && !sessions.data ? (
        <SkeletonRows />
      ) : sessions.error ? (
        <ErrorAlert error={sessions.error} onRetry={() => void sessions.reload()} />
      ) : (
        <DataTable label={t('account.sessions.title')} testId="sessions-table" columns={[t('account.sessions.device'), t('account.sessions.ip'), t('account.sessions.started'), t('account.sessions.lastSeen')]} actions>
              {items.map((s) => (
                <tr key={s.id} data-testid={s.current ? 'session-current' : 'session-row'}>
                  <td>
                    <div className="person">
                      <span className="device-icon">
                        <Icon name="monitor" size={18} />
                      </span>
                      <div className="device-text">
                        <span className="strong">{device(s)}</span>
                        {s.current && <Badge tone="green">{t('account.sessions.current')}</Badge>}
                      </div>
                    </div>
                  </td>
                  <td className="mono small">{s.ip ?? '—'}</td>
                  <td className="nowrap">{formatDateTime(s.createdAt)}</td>
                  <td className="nowrap">{formatRelative(s.lastSeenAt ?? s.createdAt)}</td>
                  <td className="col-actions">
                    {!s.current && (
                      <Button size="sm" variant="danger-ghost" onClick={() => setRevoking(s)}>
                        {t('account.sessions.revoke')}
                        <span className="visually-hidden"> {device(s)}</span>
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </DataTable>
      )}
      {revoking && (
        <ConfirmDialog
          testId="revoke-session-dialog"
          title={t('account.sessions.revokeTitle')}
          description={t('account.sessions.revokeText', { device: device(revoking) })}
          confirmLabel={t('account.sessions.revoke')}
          onClose={() => setRevoking(null)}
          onConfirm={async () => {
            await endpoints.revokeSession(revoking.id);
            sessions.setData((d) => d && { items: d.items.filter((x) => x.id !== revoking.id) });
          }}
        />
      )}
      {everywhere && (
        <ConfirmDialog
          testId="logout-everywhere-dialog"
          title={t('account.sessions.everywhereTitle')}
          description={t('account.sessions.everywhereText')}
          confirmLabel={t('account.sessions.everywhereConfirm')}
          onClose={() => setEverywhere(false)}
          onConfirm={async () => {
            const { revoked } = await endpoints.revokeAllSessions(includeCurrent);
            if (includeCurrent) {
              await signOut().catch(() => navigate('/login'));
              return;
            }
            setNotice(t('account.sessions.everywhereDone', { count: revoked }));
            await sessions.reload();
          }}
        >
          <Toggle
            label={t('account.sessions.includeCurrent')}
            checked={includeCurrent}
            onChange={setIncludeCurrent}
          />
        </ConfirmDialog>
      )}
    </section>
  );
}
