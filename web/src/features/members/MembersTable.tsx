import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import { ROLES, type Member, type Role } from '../../api/types';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Avatar } from '../../components/Avatar';
import { Badge, RoleBadge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DataTable } from '../../components/DataTable';

/** Everyone with access: direct members and agency members (marked with their agency). */
export function MembersTable({
  workspaceId,
  members,
  isOwner,
  currentUserId,
  onChanged,
  onRemoved,
}: {
  workspaceId: string;
  members: Member[];
  isOwner: boolean;
  currentUserId: string;
  onChanged: (m: Member) => void;
  onRemoved: (userId: string) => void;
}) {
  const { t } = useTranslation();
  const [removing, setRemoving] = useState<Member | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  /** Whose role just changed to what; translated at render so the notice follows a language switch. */
  const [notice, setNotice] = useState<{ name: string; role: Role } | null>(null);

  async function changeRole(m: Member, role: Role): Promise<void> {
    setError(null);
    setNotice(null);
    setBusyId(m.userId);
    try {
      const updated = await endpoints.changeRole(workspaceId, m.userId, role);
      onChanged({ ...m, ...updated, role: updated?.role ?? role });
      setNotice({ name: m.name, role });
    } catch (e) {
      setError(e);
    } finally {
      setBusyId(null);
    }
  }

  const self = removing?.userId === currentUserId;
  const owners = members.filter((m) => m.via === 'member' && m.role === 'owner').length;
  return (
    <>
      {error ? <ErrorAlert error={error} /> : null}
      {notice && (
        <Notice onDismiss={() => setNotice(null)}>
          {t('members.roleChanged', { name: notice.name, role: t(`roles.${notice.role}`) })}
        </Notice>
      )}
      <DataTable label={t('members.tableCaption')} testId="members-table" columns={[t('fields.name'), t('fields.role'), t('members.access')]} actions>
            {members.map((m) => {
              const direct = m.via === 'member';
              const me = m.userId === currentUserId;
              return (
                <tr key={m.userId} data-testid={`member-row-${m.userId}`}>
                  <td>
                    <div className="person">
                      <Avatar name={m.name} />
                      <div>
                        <div className="strong">
                          {m.name}
                          {me && <span className="muted"> ({t('members.you')})</span>}
                        </div>
                        <div className="muted small">{m.email}</div>
                      </div>
                    </div>
                  </td>
                  <td>
                    {isOwner && direct ? (
                      <select
                        className="input select input-sm"
                        aria-label={t('members.roleFor', { name: m.name })}
                        value={m.role}
                        disabled={busyId === m.userId}
                        onChange={(e) => void changeRole(m, e.target.value as Role)}
                        data-testid="role-select"
                      >
                        {ROLES.map((r) => (
                          <option key={r} value={r}>
                            {t(`roles.${r}`)}
                          </option>
                        ))}
                      </select>
                    ) : (
                      <RoleBadge role={m.role} />
                    )}
                  </td>
                  <td>
                    {direct ? (
                      <span className="muted">{t('members.direct')}</span>
                    ) : (
                      <Badge tone="amber">{t('members.viaAgency', { agency: m.agency?.name ?? '—' })}</Badge>
                    )}
                  </td>
                  <td className="col-actions">
                    {direct && (isOwner || me) && !(me && m.role === 'owner' && owners <= 1) && (
                      <Button size="sm" variant="danger-ghost" onClick={() => setRemoving(m)}>
                        {me ? t('members.leave') : t('members.remove')}
                        {!me && <span className="visually-hidden"> {m.name}</span>}
                      </Button>
                    )}
                  </td>
                </tr>
              );
            })}
          </DataTable>
      {removing && (
        <ConfirmDialog
          testId="remove-member-dialog"
          title={self ? t('members.leaveTitle') : t('members.removeTitle', { name: removing.name })}
          description={self ? t('members.leaveText') : t('members.removeText', { name: removing.name })}
          confirmLabel={self ? t('members.leave') : t('members.remove')}
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            await endpoints.removeMember(workspaceId, removing.userId);
            onRemoved(removing.userId);
          }}
        />
      )}
    </>
  );
}
