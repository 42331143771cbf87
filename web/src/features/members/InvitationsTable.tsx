import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import type { Invitation } from '../../api/types';
import { RoleBadge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { CopyField } from '../../components/CopyField';
import { EmptyState } from '../../components/EmptyState';
import { formatDate } from '../../lib/format';
import { absoluteUrl } from '../../lib/urls';
import { DataTable } from '../../components/DataTable';

/** Owner: pending invitations with their accept link (when known) and cancel. */
export function InvitationsTable({
  workspaceId,
  invitations,
  links,
  onCancelled,
}: {
  workspaceId: string;
  invitations: Invitation[];
  links: Record<string, string>;
  onCancelled: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [cancelling, setCancelling] = useState<Invitation | null>(null);

  if (invitations.length === 0) {
    return (
      <EmptyState icon="mail" title={t('members.invitations.empty')} testId="invitations-empty">
        {t('members.invitations.emptyText')}
      </EmptyState>
    );
  }

  return (
    <>
      <DataTable label={t('members.invitations.title')} testId="invitations-table" columns={[t('fields.email'), t('fields.role'), t('members.invitations.invitedBy'), t('members.invitations.expires')]} actions>
            {invitations.map((inv) => {
              const link = inv.acceptUrl ?? links[inv.id];
              return (
                <tr key={inv.id} data-testid={`invitation-row-${inv.id}`}>
                  <td>
                    <div className="strong">{inv.email}</div>
                    {link && (
                      <div className="inline-copy">
                        <CopyField
                          label={t('members.invite.acceptLinkFor', { email: inv.email })}
                          value={absoluteUrl(link)}
                        />
                      </div>
                    )}
                  </td>
                  <td>
                    <RoleBadge role={inv.role} />
                  </td>
                  <td>{inv.invitedBy?.name ?? '—'}</td>
                  <td>{formatDate(inv.expiresAt)}</td>
                  <td className="col-actions">
                    <Button size="sm" variant="danger-ghost" onClick={() => setCancelling(inv)}>
                      {t('members.invitations.cancel')}
                      <span className="visually-hidden"> {inv.email}</span>
                    </Button>
                  </td>
                </tr>
              );
            })}
          </DataTable>
      {cancelling && (
        <ConfirmDialog
          testId="cancel-invitation-dialog"
          title={t('members.invitations.cancelTitle')}
          description={t('members.invitations.cancelText', { email: cancelling.email })}
          confirmLabel={t('members.invitations.cancel')}
          onClose={() => setCancelling(null)}
          onConfirm={async () => {
            await endpoints.cancelInvitation(workspaceId, cancelling.id);
            onCancelled(cancelling.id);
          }}
        />
      )}
    </>
  );
}
