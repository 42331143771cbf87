import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import { ROLES, type InvitationCreated, type Role } from '../../api/types';
import { InviteForm } from '../../components/InviteForm';

/** Owner: invite someone into the workspace by e-mail with a role. */
export function InviteMemberForm({ workspaceId, onInvited }: { workspaceId: string; onInvited: (c: InvitationCreated) => void }) {
  const { t } = useTranslation();
  return (
    <InviteForm<Role>
      headingId="invite-title"
      testId="invite-member"
      title={t('members.invite.title')}
      lead={t('members.invite.lead')}
      roles={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
      defaultRole="editor"
      send={(email, role) => endpoints.invite(workspaceId, email, role)}
      onInvited={onInvited}
    />
  );
}
