import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import type { Invitation, InvitationCreated } from '../../api/types';
import { ErrorAlert } from '../../components/Alert';
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
  onResent,
}: {
  workspaceId: string;
  invitations: Invitation[];
  links: Record<string, string>;
  onCancelled: (id: string) => void;
  onResent: (created: InvitationCreated) => void;
}) {
  const { t } = useTranslation();
  const [cancelling, setCancelling] = useState<Invitation | null>(null);
  const [resending, setResending] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function resend(inv: Invitation): Promise<void> {
    setResending(inv.id);
    setError(null);
    try {
      onResent(await endpoints.resendInvitation(workspaceId, inv.id));
    } catch (err) {
      setError(err);
    } finally {
      setResending(null);
    }
  }

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
                    <div className="row-actions">
                    <Button size="sm" variant="ghost" loading={resending === inv.id} onClick={() => void resend(inv)} data-testid="invitation-resend">
                      {t('members.invitations.resend')}
                      <span className="visually-hidden"> {inv.email}</span>
                    </Button>
                    <Button size="sm" variant="danger-ghost" onClick={() => setCancelling(inv)}>
                      {t('members.invitations.cancel')}
                      <span className="visually-hidden"> {inv.email}</span>
                    </Button>
                    </div>
                  </td>
                </tr>
              );
            })}
          </DataTable>
      {error ? <ErrorAlert error={error} /> : null}
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
