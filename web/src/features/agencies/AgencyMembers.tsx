import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import type { AgencyDetail } from '../../api/types';
import { Avatar } from '../../components/Avatar';
import { RoleBadge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DataTable } from '../../components/DataTable';

type AgencyMember = AgencyDetail['members'][number];

/** The agency's people; an admin can remove others. */
export function AgencyMembers({
  agencyId,
  members,
  isAdmin,
  currentUserId,
  onRemoved,
}: {
  agencyId: string;
  members: AgencyMember[];
  isAdmin: boolean;
  currentUserId: string;
  onRemoved: (userId: string) => void;
}) {
  const { t } = useTranslation();
  const [removing, setRemoving] = useState<AgencyMember | null>(null);
  return (
    <>
      <DataTable label={t('agencies.detail.members')} testId="agency-members-table" columns={[t('fields.name'), t('fields.role')]} actions={isAdmin}>
            {members.map((m) => (
              <tr key={m.userId} data-testid={`agency-member-row-${m.userId}`}>
                <td>
                  <div className="person">
                    <Avatar name={m.name} />
                    <div>
                      <div className="strong">
                        {m.name}
                        {m.userId === currentUserId && <span className="muted"> ({t('members.you')})</span>}
                      </div>
                      <div className="muted small">{m.email}</div>
                    </div>
                  </div>
                </td>
                <td>
                  <RoleBadge role={m.role} agency />
                </td>
                {isAdmin && (
                  <td className="col-actions">
                    {m.userId !== currentUserId && (
                      <Button size="sm" variant="danger-ghost" onClick={() => setRemoving(m)}>
                        {t('members.remove')}
                        <span className="visually-hidden"> {m.name}</span>
                      </Button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </DataTable>
      {removing && (
        <ConfirmDialog
          testId="remove-agency-member-dialog"
          title={t('members.removeTitle', { name: removing.name })}
          description={t('agencies.detail.removeText', { name: removing.name })}
          confirmLabel={t('members.remove')}
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            await endpoints.removeAgencyMember(agencyId, removing.userId);
            onRemoved(removing.userId);
          }}
        />
      )}
    </>
  );
}
