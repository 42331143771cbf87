import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import type { AgencyRole } from '../../api/types';
import { InviteForm } from '../../components/InviteForm';

/** Agency admin: invite a colleague as admin or member. */
export function AgencyInviteForm({ agencyId }: { agencyId: string }) {
  const { t } = useTranslation();
  return (
    <InviteForm<AgencyRole>
      headingId="agency-invite"
      testId="agency-invite"
      title={t('agencies.invite.title')}
      lead={t('agencies.invite.lead')}
      roles={(['member', 'admin'] as const).map((r) => ({ value: r, label: t(`agencyRoles.${r}`) }))}
      defaultRole="member"
      send={(email, role) => endpoints.inviteToAgency(agencyId, email, role)}
    />
  );
}
