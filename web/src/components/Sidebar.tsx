import { useTranslation } from 'react-i18next';
import { useOptionalWorkspace } from '../features/workspace/WorkspaceContext';
import { Link, useLocation } from '../router';
import { useSignedIn } from '../session/SessionContext';
import { Icon, type IconName } from './Icon';
import { Logo } from './Logo';
import { WorkspaceSwitcher, type ShellContext } from './WorkspaceSwitcher';

interface NavItem {
  key: string;
  to: string;
  icon: IconName;
  exact?: boolean;
  /** Literal text (a workspace name); else the label is nav.<key>. */
  text?: string;
}

/** Capabilities that get their place now and arrive in later releases. */
const SOON: { key: string; icon: IconName }[] = [
  { key: 'insights', icon: 'chart' },
  { key: 'strategy', icon: 'target' },
  { key: 'crisis', icon: 'alert' },
];

function NavLinks({ items, label }: { items: NavItem[]; label: string }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <div className="nav-section">
      <p className="nav-heading">{label}</p>
      <ul>
        {items.map((item) => {
          const active = item.exact ? pathname === item.to : pathname.startsWith(item.to);
          return (
            <li key={item.key}>
              <Link
                to={item.to}
                className={active ? 'nav-link active' : 'nav-link'}
                aria-current={active ? 'page' : undefined}
                data-testid={`nav-${item.key}`}
              >
                <Icon name={item.icon} />
                <span className="nav-text">{item.text ?? t(`nav.${item.key}`)}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Left sidebar: switcher, the capability nav for the current context, and the capabilities still to come. */
export function Sidebar({ context }: { context: ShellContext }) {
  const { t } = useTranslation();
  const ws = useOptionalWorkspace();
  const session = useSignedIn();

  let items: NavItem[] = [];
  let sectionLabel = '';
  if (context.kind === 'workspace') {
    const base = `/w/${encodeURIComponent(context.id)}`;
    sectionLabel = t('nav.workspace');
    items = [
      { key: 'overview', to: base, icon: 'home', exact: true },
      { key: 'inbox', to: `${base}/inbox`, icon: 'inbox' },
      { key: 'briefs', to: `${base}/briefs`, icon: 'file' },
      { key: 'posts', to: `${base}/posts`, icon: 'edit' },
      { key: 'calendar', to: `${base}/calendar`, icon: 'calendar' },
      { key: 'code', to: `${base}/code`, icon: 'book' },
      { key: 'contacts', to: `${base}/contacts`, icon: 'user' },
      { key: 'inboxReports', to: `${base}/inbox-reports`, icon: 'chart' },
      { key: 'inboxSettings', to: `${base}/inbox-settings`, icon: 'route' },
      { key: 'channels', to: `${base}/channels`, icon: 'link' },
      { key: 'members', to: `${base}/members`, icon: 'users' },
      { key: 'mandates', to: `${base}/mandates`, icon: 'handshake' },
    ];
    if (ws?.isOwner) {
      items.push({ key: 'publishing', to: `${base}/publishing`, icon: 'shield' });
      items.push({ key: 'audit', to: `${base}/audit`, icon: 'list' });
      items.push({ key: 'settings', to: `${base}/settings`, icon: 'settings' });
    }
    if (ws?.status === 'lost') items = [];
  } else if (context.kind === 'agency') {
    sectionLabel = t('nav.agency');
    items = [{ key: 'agency', to: `/agencies/${encodeURIComponent(context.id)}`, icon: 'building', exact: true }];
  } else if (context.kind === 'account') {
    sectionLabel = t('nav.account');
    items = [
      { key: 'profile', to: '/account', icon: 'user', exact: true },
      { key: 'sessions', to: '/account/sessions', icon: 'monitor' },
      { key: 'tokens', to: '/account/tokens', icon: 'key' },
    ];
  }

  return (
    <nav aria-label={t('nav.label')} className="sidebar">
      <div className="sidebar-brand">
        <Link to="/" className="brand-link" aria-label={t('nav.homeLink')}>
          <Logo />
        </Link>
      </div>
      <div className="sidebar-nav">
        <WorkspaceSwitcher context={context} />
        {items.length > 0 && <NavLinks items={items} label={sectionLabel} />}
        {context.kind !== 'workspace' && session.workspaces.length > 0 && (
          <NavLinks
            label={t('switcher.workspaces')}
            items={session.workspaces.slice(0, 8).map((w) => ({
              key: `ws-${w.id}`,
              to: `/w/${encodeURIComponent(w.id)}`,
              icon: 'building',
              text: w.name,
            }))}
          />
        )}
        {context.kind === 'workspace' && ws?.status !== 'lost' && (
          <div className="nav-section nav-section-soon">
            <p className="nav-heading">{t('nav.comingNext')}</p>
            <ul>
              {SOON.map((s) => (
                <li key={s.key}>
                  <span className="nav-link is-soon" data-testid={`nav-soon-${s.key}`}>
                    <Icon name={s.icon} />
                    <span className="nav-text">{t(`nav.${s.key}`)}</span>
                    <span className="soon-badge">{t('nav.soon')}</span>
                  </span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </nav>
  );
}
