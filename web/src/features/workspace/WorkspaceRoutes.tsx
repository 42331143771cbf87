import { ErrorAlert } from '../../components/Alert';
import { AppShell } from '../../components/AppShell';
import { AccessLost, NotFound, OwnerOnly } from '../../components/FullMessage';
import { Loading } from '../../components/Loading';
import { AuditPage } from '../audit/AuditPage';
import { ChannelsPage } from '../channels/ChannelsPage';
import { MandatesPage } from '../mandates/MandatesPage';
import { MembersPage } from '../members/MembersPage';
import { OverviewPage } from './OverviewPage';
import { SettingsPage } from './SettingsPage';
import { useWorkspace, WorkspaceProvider } from './WorkspaceContext';

/** /w/:ws and its sections, inside the shell, behind the workspace access check. */
export function WorkspaceRoutes({ id, section }: { id: string; section: string }) {
  return (
    <WorkspaceProvider key={id} id={id}>
      <AppShell context={{ kind: 'workspace', id }}>
        <WorkspaceGate section={section} />
      </AppShell>
    </WorkspaceProvider>
  );
}

function WorkspaceGate({ section }: { section: string }) {
  const ws = useWorkspace();
  if (ws.status === 'lost') return <AccessLost />;
  if (ws.status === 'loading' && !ws.workspace) return <Loading block />;
  if (ws.status === 'error' || !ws.workspace) return <ErrorAlert error={ws.error} onRetry={() => void ws.reload()} />;

  switch (section) {
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
