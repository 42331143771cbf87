import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NotificationsBell } from '../features/notifications/NotificationsBell';
import { useOptionalWorkspace } from '../features/workspace/WorkspaceContext';
import { ActingForBanner } from './ActingForBanner';
import { LanguageSwitch } from './LanguageSwitch';
import { Sidebar } from './Sidebar';
import { UserMenu } from './UserMenu';
import type { ShellContext } from './WorkspaceSwitcher';

/** The signed-in frame: sidebar, top bar (context, language, user), the acting-for banner, and <main>. */
export function AppShell({ context, children }: { context: ShellContext; children: ReactNode }) {
  const { t } = useTranslation();
  const ws = useOptionalWorkspace();
  const org = ws && ws.status !== 'lost' ? (ws.workspace?.organization ?? ws.summary?.organization) : undefined;
  const wsName = ws && ws.status !== 'lost' ? (ws.workspace?.name ?? ws.summary?.name) : undefined;

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <Sidebar context={context} />
      <div className="app-body">
        <header className="topbar-wrap">
          <div className="topbar">
            <div className="topbar-context">
              {org && wsName ? (
                <>
                  <span className="crumb-muted">{org.name}</span>
                  <span className="crumb-sep" aria-hidden="true">
                    /
                  </span>
                  <span className="crumb">{wsName}</span>
                </>
              ) : null}
            </div>
            <div className="topbar-actions">
              <NotificationsBell />
              <LanguageSwitch />
              <UserMenu />
            </div>
          </div>
          {ws?.actingFor && (
            <ActingForBanner organization={ws.actingFor.organization.name} agency={ws.actingFor.agency.name} />
          )}
        </header>
        <main id="main" className="main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}
