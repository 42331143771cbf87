import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { endpoints } from '../../api/endpoints';
import { ErrorAlert } from '../../components/Alert';
import { RoleBadge, StatusBadge } from '../../components/Badge';
import { EmptyState } from '../../components/EmptyState';
import { NotFound } from '../../components/FullMessage';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { Link } from '../../router';
import { useSignedIn } from '../../session/SessionContext';
import { AgencyInviteForm } from './AgencyInviteForm';
import { AgencyMembers } from './AgencyMembers';
import { DataTable } from '../../components/DataTable';

/** /agencies/:id — the agency's members, inviting colleagues, and the mandates it holds. */
export function AgencyPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const agency = useApi(() => endpoints.agency(id), [id]);

  if (agency.loading && !agency.data) return <Loading block />;
  if (agency.error) {
    if (isApiError(agency.error) && (agency.error.status === 404 || agency.error.status === 403)) return <NotFound />;
    return <ErrorAlert error={agency.error} onRetry={() => void agency.reload()} />;
  }
  const a = agency.data!;
  const isAdmin = a.role === 'admin';

  return (
    <div className="page">
      <PageHeader
        eyebrow={t('agencies.detail.eyebrow')}
        title={a.name}
        lead={t('agencies.detail.lead')}
        actions={<RoleBadge role={a.role} agency />}
      />
      <section className="section" aria-labelledby="agency-mandates">
        <h2 id="agency-mandates" className="section-title">
          {t('agencies.detail.mandates')}
          <span className="count">{a.mandates.length}</span>
        </h2>
        {a.mandates.length === 0 ? (
          <EmptyState icon="handshake" title={t('agencies.detail.noMandates')} testId="agency-mandates-empty">
            {t('agencies.detail.noMandatesText')}
          </EmptyState>
        ) : (
          <DataTable label={t('agencies.detail.mandates')} testId="agency-mandates-table" columns={[t('agencies.detail.organization'), t('agencies.detail.workspace'), t('fields.role'), t('mandates.fields.status'), t('mandates.fields.period')]}>
                {a.mandates.map((m) => (
                  <tr key={m.id} data-status={m.status}>
                    <td className="strong">{m.organization.name}</td>
                    <td>
                      {m.status === 'active' ? (
                        <Link to={`/w/${encodeURIComponent(m.workspace.id)}`} className="text-link">
                          {m.workspace.name}
                        </Link>
                      ) : (
                        m.workspace.name
                      )}
                    </td>
                    <td>
                      <RoleBadge role={m.role} />
                    </td>
                    <td>
                      <StatusBadge status={m.status} />
                    </td>
                    <td className="nowrap">
                      {m.endsAt ? t('mandates.until', { date: formatDate(m.endsAt) }) : t('mandates.noEnd')}
                    </td>
                  </tr>
                ))}
              </DataTable>
        )}
      </section>

      {isAdmin && <AgencyInviteForm agencyId={id} />}

      <section className="section" aria-labelledby="agency-people">
        <h2 id="agency-people" className="section-title">
          {t('agencies.detail.members')}
          <span className="count">{a.members.length}</span>
        </h2>
        <AgencyMembers
          agencyId={id}
          members={a.members}
          isAdmin={isAdmin}
          currentUserId={user.id}
          onRemoved={(userId) =>
            agency.setData((d) => d && { ...d, members: d.members.filter((m) => m.userId !== userId) })
          }
        />
      </section>
    </div>
  );
}
