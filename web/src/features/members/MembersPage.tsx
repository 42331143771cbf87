import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import { ErrorAlert } from '../../components/Alert';
import { SkeletonRows } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useApi } from '../../lib/useApi';
import { navigate } from '../../router';
import { useSession, useSignedIn } from '../../session/SessionContext';
import { useWorkspace } from '../workspace/WorkspaceContext';
import { InvitationsTable } from './InvitationsTable';
import { InviteMemberForm } from './InviteMemberForm';
import { MembersTable } from './MembersTable';

/** /w/:ws/members — members (incl. agency members), invitations (owner). */
export function MembersPage() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const { user } = useSignedIn();
  const { refresh } = useSession();
  const members = useApi(() => endpoints.members(ws.id), [ws.id]);
  const invitations = useApi(ws.isOwner ? () => endpoints.invitations(ws.id) : null, [ws.id, ws.isOwner]);
  const [links, setLinks] = useState<Record<string, string>>({});

  return (
    <div className="page">
      <PageHeader title={t('members.title')} lead={t('members.lead')} />
      {ws.isOwner && (
        <InviteMemberForm
          workspaceId={ws.id}
          onInvited={(c) => {
            setLinks((l) => ({ ...l, [c.invitation.id]: c.acceptUrl }));
            void invitations.reload();
          }}
        />
      )}

      <section className="section" aria-labelledby="members-list">
        <h2 id="members-list" className="section-title">
          {t('members.listTitle')}
          {members.data && <span className="count">{members.data.items.length}</span>}
        </h2>
        {members.loading && !members.data ? (
          <SkeletonRows />
        ) : members.error ? (
          <ErrorAlert error={members.error} onRetry={() => void members.reload()} />
        ) : (
          <MembersTable
            workspaceId={ws.id}
            members={members.data?.items ?? []}
            isOwner={ws.isOwner}
            currentUserId={user.id}
            onChanged={(m) =>
              members.setData((d) => d && { items: d.items.map((x) => (x.userId === m.userId ? m : x)) })
            }
            onRemoved={(userId) => {
              if (userId === user.id) {
                void refresh().finally(() => navigate('/'));
                return;
              }
              members.setData((d) => d && { items: d.items.filter((x) => x.userId !== userId) });
            }}
          />
        )}
      </section>

      {ws.isOwner && (
        <section className="section" aria-labelledby="invitations-list">
          <h2 id="invitations-list" className="section-title">
            {t('members.invitations.title')}
            {invitations.data && <span className="count">{invitations.data.items.length}</span>}
          </h2>
          {invitations.loading && !invitations.data ? (
            <SkeletonRows rows={2} />
          ) : invitations.error ? (
            <ErrorAlert error={invitations.error} onRetry={() => void invitations.reload()} />
          ) : (
            <InvitationsTable
              workspaceId={ws.id}
              invitations={invitations.data?.items ?? []}
              links={links}
              onResent={(c) => {
                setLinks((l) => ({ ...l, [c.invitation.id]: c.acceptUrl }));
                invitations.setData((d) => d && { items: d.items.map((x) => (x.id === c.invitation.id ? { ...x, expiresAt: c.invitation.expiresAt } : x)) });
              }}
              onCancelled={(id) =>
                invitations.setData((d) => d && { items: d.items.filter((x) => x.id !== id) })
              }
            />
          )}
        </section>
      )}
    </div>
  );
}
