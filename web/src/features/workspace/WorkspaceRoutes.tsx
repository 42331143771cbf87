import { ErrorAlert } from '../../components/Alert';
import { AppShell } from '../../components/AppShell';
import { AccessLost, NotFound, OwnerOnly } from '../../components/FullMessage';
import { Loading } from '../../components/Loading';
import { AuditPage } from '../audit/AuditPage';
import { BriefsRoutes } from '../briefs/BriefsRoutes';
import { CalendarPage } from '../calendar/CalendarPage';
import { CodeRoutes } from '../code/CodeRoutes';
import { PostsRoutes } from '../posts/PostsRoutes';
import { InboxRoutes } from '../inbox/InboxRoutes';
import { ContactsRoutes } from '../contacts/ContactsRoutes';
import { InboxSettingsPage } from '../inbox-settings/InboxSettingsPage';
import { InboxReportsPage } from '../inbox-reports/InboxReportsPage';
import { HoldBanner } from '../publishing/HoldBanner';
import { PublishingPage } from '../publishing/PublishingPage';
import { ChannelsPage } from '../channels/ChannelsPage';
import { MandatesPage } from '../mandates/MandatesPage';
import { MembersPage } from '../members/MembersPage';
import { OverviewPage } from './OverviewPage';
import { SettingsPage } from './SettingsPage';
import { useWorkspace, WorkspaceProvider } from './WorkspaceContext';

/** /w/:ws and its sections, inside the shell, behind the workspace access check. */
export function WorkspaceRoutes({ id, section, sub = null }: { id: string; section: string; sub?: string | null }) {
  return (
    <WorkspaceProvider key={id} id={id}>
      <AppShell context={{ kind: 'workspace', id }}>
        <WorkspaceGate section={section} sub={sub} />
      </AppShell>
    </WorkspaceProvider>
  );
}

function WorkspaceGate({ section, sub }: { section: string; sub: string | null }) {
  const ws = useWorkspace();
  if (ws.workspace && ws.status !== 'lost' && ws.status !== 'error') {
    return (
      <>
        <HoldBanner />
        <WorkspaceSection section={section} sub={sub} />
      </>
    );
  }
  return <WorkspaceSection section={section} sub={sub} />;
}

function WorkspaceSection({ section, sub }: { section: string; sub: string | null }) {
  const ws = useWorkspace();
  if (ws.status === 'lost') return <AccessLost />;
  if (ws.status === 'loading' && !ws.workspace) return <Loading block />;
  if (ws.status === 'error' || !ws.workspace) return <ErrorAlert error={ws.error} onRetry={() => void ws.reload()} />;

  if (sub !== null && !['briefs', 'posts', 'code', 'inbox', 'contacts'].includes(section)) return <NotFound />;
  switch (section) {
    case 'briefs':
      return <BriefsRoutes sub={sub} />;
    case 'posts':
      return <PostsRoutes sub={sub} />;
    case 'calendar':
      return <CalendarPage />;
    case 'inbox':
      return <InboxRoutes sub={sub} />;
    case 'contacts':
      return <ContactsRoutes sub={sub} />;
    case 'inbox-settings':
      return <InboxSettingsPage />;
    case 'inbox-reports':
      return <InboxReportsPage />;
    case 'code':
      return <CodeRoutes sub={sub} />;
    case 'publishing':
      return <PublishingPage />;
    case '':
      return <OverviewPage />;
    case 'channels':
      return <ChannelsPage />;
    case 'members':
      return <MembersPage />;
    case 'mandates':
      return <MandatesPage />;
    case 'audit':
      return ws.isOwner ? <AuditPage /> : <OwnerOnly />;
    case 'settings':
      return ws.isOwner ? <SettingsPage /> : <OwnerOnly />;
    default:
      return <NotFound />;
  }
}
