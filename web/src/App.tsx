import { ErrorAlert } from './components/Alert';
import { AppShell } from './components/AppShell';
import { NotFound } from './components/FullMessage';
import { Loading } from './components/Loading';
import { Logo } from './components/Logo';
import { AccountRoutes } from './features/account/AccountRoutes';
import { AdminRoutes } from './features/admin/AdminRoutes';
import { AgencyPage } from './features/agencies/AgencyPage';
import { NewAgencyPage } from './features/agencies/NewAgencyPage';
import { ForgotPasswordPage } from './features/auth/ForgotPasswordPage';
import { InvitePage } from './features/auth/InvitePage';
import { LoginPage } from './features/auth/LoginPage';
import { ResetPasswordPage } from './features/auth/ResetPasswordPage';
import { SetupPage } from './features/auth/SetupPage';
import { HomePage } from './features/home/HomePage';
import { NewWorkspacePage } from './features/workspace/NewWorkspacePage';
import { WorkspaceRoutes } from './features/workspace/WorkspaceRoutes';
import { ExpertPage } from './features/expert/ExpertPage';
import { matchPath, Redirect, safeNext, useLocation } from './router';
import { useSession } from './session/SessionContext';

/** Top-level routing with the setup and sign-in guards. */
export function App() {
  const { state } = useSession();
  const { pathname, search, href } = useLocation();

  if (state.status === 'loading') {
    return (
      <main id="main" className="boot">
        <Logo />
        <Loading />
      </main>
    );
  }
  if (state.status === 'error') {
    return (
      <main id="main" className="boot">
        <Logo />
        <h1 className="visually-hidden">Regie</h1>
        <ErrorAlert error={state.error} onRetry={() => window.location.reload()} />
      </main>
    );
  }

  if (state.status === 'needsSetup') {
    return pathname === '/setup' ? <SetupPage /> : <Redirect to="/setup" />;
  }
  if (pathname === '/setup') return <Redirect to="/" />;

  const expert = matchPath('/expert/:token', pathname);
  if (expert) return <ExpertPage token={expert.token} />;

  const invite = matchPath('/invite/:token', pathname);
  if (invite) return <InvitePage token={invite.token} />;

  const signedIn = state.status === 'signedIn';
  if (pathname === '/login') {
    return signedIn ? <Redirect to={safeNext(search.get('next')) ?? '/'} /> : <LoginPage />;
  }
  if (pathname === '/forgot-password') return <ForgotPasswordPage />;
  if (pathname === '/reset-password') return <ResetPasswordPage token={search.get('token')} />;

  if (!signedIn) return <Redirect to={pathname === '/' ? '/login' : `/login?next=${encodeURIComponent(href)}`} />;

  if (pathname === '/') return <HomePage />;

  const ws = matchPath('/w/:ws', pathname) ?? matchPath('/w/:ws/:section', pathname) ?? matchPath('/w/:ws/:section/:sub', pathname);
  if (ws) return <WorkspaceRoutes id={ws.ws} section={ws.section ?? ''} sub={ws.sub ?? null} />;

  if (pathname === '/account' || pathname.startsWith('/account/')) return <AccountRoutes pathname={pathname} />;

  if (pathname === '/admin' || pathname.startsWith('/admin/')) return <AdminRoutes pathname={pathname} />;

  if (pathname === '/workspaces/new') {
    return (
      <AppShell context={{ kind: 'none' }}>
        <NewWorkspacePage />
      </AppShell>
    );
  }
  if (pathname === '/agencies/new') {
    return (
      <AppShell context={{ kind: 'none' }}>
        <NewAgencyPage />
      </AppShell>
    );
  }
  const agency = matchPath('/agencies/:id', pathname);
  if (agency) {
    return (
      <AppShell context={{ kind: 'agency', id: agency.id }}>
        <AgencyPage key={agency.id} id={agency.id} />
      </AppShell>
    );
  }

  return (
    <AppShell context={{ kind: 'none' }}>
      <NotFound />
    </AppShell>
  );
}
