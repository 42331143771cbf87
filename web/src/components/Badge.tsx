import { useTranslation } from 'react-i18next';
import type { AgencyRole, MandateStatus, Role } from '../api/types';

export function Badge({ tone = 'neutral', children }: { tone?: string; children: React.ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

const ROLE_TONE: Record<string, string> = {
  owner: 'brand',
  editor: 'blue',
  contributor: 'teal',
  webcare_agent: 'violet',
  viewer: 'neutral',
  admin: 'brand',
  member: 'neutral',
};

export function RoleBadge({ role, agency = false }: { role: Role | AgencyRole; agency?: boolean }) {
  const { t } = useTranslation();
  return <Badge tone={ROLE_TONE[role] ?? 'neutral'}>{t(agency ? `agencyRoles.${role}` : `roles.${role}`)}</Badge>;
}

const STATUS_TONE: Record<MandateStatus, string> = { active: 'green', expired: 'neutral', revoked: 'red' };

export function StatusBadge({ status }: { status: MandateStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-${STATUS_TONE[status] ?? 'neutral'} badge-dot`} data-status={status}>
      {t(`mandateStatus.${status}`, { defaultValue: status })}
    </span>
  );
}
