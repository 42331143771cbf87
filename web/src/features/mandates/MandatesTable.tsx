import { useTranslation } from 'react-i18next';
import type { Mandate } from '../../api/types';
import { RoleBadge, StatusBadge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { Icon } from '../../components/Icon';
import { formatDate, formatDateTime } from '../../lib/format';
import { DataTable } from '../../components/DataTable';

function Permission({ on, label }: { on: boolean; label: string }) {
  const { t } = useTranslation();
  return (
    <li className={on ? 'perm on' : 'perm'}>
      <Icon name={on ? 'check' : 'lock'} size={14} />
      <span>
        {label}: {on ? t('common.yes') : t('common.no')}
      </span>
    </li>
  );
}

/** Mandates with status, permissions and period; owner can revoke active ones. */
export function MandatesTable({
  mandates,
  isOwner,
  onRevoke,
}: {
  mandates: Mandate[];
  isOwner: boolean;
  onRevoke: (m: Mandate) => void;
}) {
  const { t } = useTranslation();
  return (
    <DataTable label={t('mandates.listTitle')} testId="mandates-table" columns={[t('mandates.fields.agency'), t('fields.role'), t('mandates.fields.status'), t('mandates.fields.permissions'), t('mandates.fields.period')]} actions={isOwner}>
          {mandates.map((m) => (
            <tr key={m.id} data-testid={`mandate-row-${m.id}`} data-status={m.status}>
              <td>
                <div className="strong">{m.agency.name}</div>
                <div className="muted small">
                  {t('mandates.grantedBy', { name: m.grantedBy?.name ?? '—', date: formatDate(m.grantedAt) })}
                </div>
              </td>
              <td>
                <RoleBadge role={m.role} />
              </td>
              <td>
                <StatusBadge status={m.status} />
                {m.status === 'revoked' && (
                  <div className="muted small revoke-info">
                    {t('mandates.revokedBy', {
                      name: m.revokedBy?.name ?? '—',
                      date: formatDateTime(m.revokedAt),
                    })}
                    {m.revokeReason && <div className="quote">“{m.revokeReason}”</div>}
                  </div>
                )}
              </td>
              <td>
                <ul className="perms">
                  <Permission on={m.mayPublishWithoutApproval} label={t('mandates.perm.publish')} />
                  <Permission on={m.mayReplyWithoutApproval} label={t('mandates.perm.reply')} />
                </ul>
              </td>
              <td className="nowrap">
                {m.endsAt ? t('mandates.until', { date: formatDate(m.endsAt) }) : t('mandates.noEnd')}
              </td>
              {isOwner && (
                <td className="col-actions">
                  {m.status === 'active' && (
                    <Button size="sm" variant="danger" onClick={() => onRevoke(m)} data-testid="revoke-mandate">
                      {t('mandates.revoke.action')}
                      <span className="visually-hidden"> {m.agency.name}</span>
                    </Button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </DataTable>
  );
}
