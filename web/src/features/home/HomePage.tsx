import { useTranslation } from 'react-i18next';
import { AppShell } from '../../components/AppShell';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { Link, Redirect, useLocation } from '../../router';
import { useSignedIn } from '../../session/SessionContext';

/** "/" → the first workspace, else the first agency, else a "no workspace yet" page. */
export function HomePage() {
  const { t } = useTranslation();
  const session = useSignedIn();
  const { search } = useLocation();
  const ws = session.workspaces[0];
  // Back from a platform's sign-in page that could not be tied to a workspace: say so on the channels page.
  const oauthError = search.get('oauthError');
  if (ws && oauthError) {
    return <Redirect to={`/w/${encodeURIComponent(ws.id)}/channels?error=${encodeURIComponent(oauthError)}`} />;
  }
  if (ws) return <Redirect to={`/w/${encodeURIComponent(ws.id)}`} />;
  const agency = session.agencies[0];
  if (agency) return <Redirect to={`/agencies/${encodeURIComponent(agency.id)}`} />;

  return (
    <AppShell context={{ kind: 'none' }}>
      <div className="page page-narrow">
        <PageHeader title={t('home.title', { name: session.user.name.split(/\s+/)[0] })} />
        <section className="card">
          <EmptyState
            icon="building"
            title={t('home.noWorkspace')}
            testId="no-workspace"
            action={
              <div className="button-row">
                <Link to="/workspaces/new" className="btn btn-primary">
                  {t('home.createWorkspace')}
                </Link>
                <Link to="/agencies/new" className="btn btn-secondary">
                  {t('home.createAgency')}
                </Link>
              </div>
            }
          >
            <p>{t('home.noWorkspaceText')}</p>
          </EmptyState>
        </section>
      </div>
    </AppShell>
  );
}
