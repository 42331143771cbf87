import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import { ErrorAlert } from '../../components/Alert';
import { RoleBadge } from '../../components/Badge';
import { EmptyState } from '../../components/EmptyState';
import { Icon, type IconName } from '../../components/Icon';
import { SkeletonRows } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { Link } from '../../router';
import { useSignedIn } from '../../session/SessionContext';
import { useWorkspace } from './WorkspaceContext';

/** /w/:ws — welcome, your role, who holds a mandate, quick links. */
export function OverviewPage() {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const ws = useWorkspace();
  const workspace = ws.workspace!;
  const base = `/w/${encodeURIComponent(ws.id)}`;
  const mandates = useApi(() => endpoints.mandates(ws.id), [ws.id]);
  const active = (mandates.data?.items ?? []).filter((m) => m.status === 'active');
  const firstName = user.name.split(/\s+/)[0] || user.name;

  const links: { to: string; icon: IconName; key: string }[] = [
    { to: `${base}/channels`, icon: 'link', key: 'channels' },
    { to: `${base}/members`, icon: 'users', key: 'members' },
    { to: `${base}/mandates`, icon: 'handshake', key: 'mandates' },
  ];
  if (ws.isOwner) {
    links.push({ to: `${base}/audit`, icon: 'list', key: 'audit' });
    links.push({ to: `${base}/settings`, icon: 'settings', key: 'settings' });
  }
  links.push({ to: '/account', icon: 'user', key: 'account' });

  return (
    <div className="page">
      <PageHeader
        eyebrow={workspace.organization.name}
        title={t('overview.welcome', { name: firstName })}
        lead={t('overview.lead', { workspace: workspace.name })}
      />
      <div className="grid-2">
        <section className="card" aria-labelledby="ov-role">
          <h2 id="ov-role" className="card-title">
            {t('overview.yourRole')}
          </h2>
          <div className="role-line" data-testid="your-role">
            <RoleBadge role={workspace.role} />
            {ws.actingFor && (
              <span className="muted">{t('overview.viaMandate', { agency: ws.actingFor.agency.name })}</span>
            )}
          </div>
          <p className="muted">{t(`roleDescriptions.${workspace.role}`)}</p>
        </section>

        <section className="card" aria-labelledby="ov-mandates" data-testid="overview-mandates">
          <div className="card-head">
            <h2 id="ov-mandates" className="card-title">
              {t('overview.mandatesTitle')}
            </h2>
            <Link to={`${base}/mandates`} className="text-link">
              {ws.isOwner ? t('overview.manageMandates') : t('overview.viewMandates')}
            </Link>
          </div>
          {mandates.loading && !mandates.data ? (
            <SkeletonRows rows={2} />
          ) : mandates.error ? (
            <ErrorAlert error={mandates.error} onRetry={() => void mandates.reload()} />
          ) : active.length === 0 ? (
            <EmptyState icon="handshake" title={t('overview.noMandates')}>
              {t('overview.noMandatesText')}
            </EmptyState>
          ) : (
            <ul className="simple-list">
              {active.map((m) => (
                <li key={m.id}>
                  <span className="strong">{m.agency.name}</span>
                  <span className="list-meta">
                    <RoleBadge role={m.role} />
                    <span className="muted">
                      {m.endsAt ? t('overview.until', { date: formatDate(m.endsAt) }) : t('overview.noEnd')}
                    </span>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section className="section" aria-labelledby="ov-links">
        <h2 id="ov-links" className="section-title">
          {t('overview.quickLinks')}
        </h2>
        <ul className="quick-links">
          {links.map((l) => (
            <li key={l.key}>
              <Link to={l.to} className="quick-link" data-testid={`quick-${l.key}`}>
                <span className="quick-icon">
                  <Icon name={l.icon} size={20} />
                </span>
                <span>
                  <span className="quick-title">{t(`overview.links.${l.key}.title`)}</span>
                  <span className="quick-text">{t(`overview.links.${l.key}.text`)}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
