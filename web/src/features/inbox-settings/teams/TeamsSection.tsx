import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../api/types';
import { ErrorAlert, Notice } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { DataTable } from '../../../components/DataTable';
import { EmptyState } from '../../../components/EmptyState';
import { Icon } from '../../../components/Icon';
import { SkeletonRows } from '../../../components/Loading';
import { inboxSettingsApi, type Team } from '../api';
import { TeamDialog } from './TeamDialog';

/** The teams of the inbox: list, create, edit, archive (owners); others can open a team to read it. */
export function TeamsSection({
  workspaceId,
  teams,
  loading,
  error,
  onReload,
  people,
  isOwner,
}: {
  workspaceId: string;
  teams: Team[] | undefined;
  loading: boolean;
  error: unknown;
  onReload: () => Promise<void>;
  people: Member[];
  isOwner: boolean;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Team | 'new' | null>(null);
  const [archiving, setArchiving] = useState<Team | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const addButton = isOwner ? (
    <Button variant="primary" icon={<Icon name="plus" size={16} />} onClick={() => setEditing('new')} data-testid="team-add">
      {t('inboxSettings.teams.add')}
    </Button>
  ) : null;

  return (
    <section className="card" aria-labelledby="ibx-teams-title" data-testid="inbox-teams">
      <div className="card-head ibx-card-head">
        <div>
          <h2 id="ibx-teams-title" className="card-title">
            {t('inboxSettings.teams.title')}
          </h2>
          <p className="card-lead">{t('inboxSettings.teams.lead')}</p>
        </div>
        {teams && teams.length > 0 && addButton}
      </div>
      {notice && (
        <Notice onDismiss={() => setNotice(null)} testId="team-notice">
          {notice}
        </Notice>
      )}
      {loading && !teams ? (
        <SkeletonRows rows={3} />
      ) : error && !teams ? (
        <ErrorAlert error={error} onRetry={() => void onReload()} />
      ) : !teams || teams.length === 0 ? (
        <EmptyState icon="users" title={t('inboxSettings.teams.emptyTitle')} action={addButton} testId="teams-empty">
          <p>{t('inboxSettings.teams.emptyText')}</p>
        </EmptyState>
      ) : (
        <DataTable
          label={t('inboxSettings.teams.title')}
          testId="teams-table"
          actions
          columns={[
            t('inboxSettings.teams.name'),
            t('inboxSettings.teams.members.title'),
            t('inboxSettings.teams.assignment.mode'),
            t('inboxSettings.teams.hours.timeZone'),
          ]}
        >
          {teams.map((team) => (
            <tr key={team.id} data-team-id={team.id}>
              <td>
                <span className="strong">{team.name}</span>
                {team.description && <span className="muted small ibx-block">{team.description}</span>}
              </td>
              <td>
                {t('inboxSettings.teams.memberCount', { count: team.members.length })}
                <span className="muted small ibx-block">
                  {t('inboxSettings.teams.openCount', { count: team.members.reduce((n, m) => n + m.open, 0) })}
                </span>
              </td>
              <td>{t(`inboxSettings.teams.assignment.modes.${team.assignmentMode}`)}</td>
              <td>{team.businessHours.timeZone.replace(/_/g, ' ')}</td>
              <td className="col-actions">
                <div className="row-actions">
                  <Button
                    size="sm"
                    onClick={() => setEditing(team)}
                    aria-label={t(isOwner ? 'inboxSettings.teams.editNamed' : 'inboxSettings.teams.viewNamed', { name: team.name })}
                    data-testid="team-edit"
                  >
                    {t(isOwner ? 'inboxSettings.teams.editShort' : 'inboxSettings.teams.viewShort')}
                  </Button>
                  {isOwner && (
                    <Button
                      size="sm"
                      variant="danger-ghost"
                      onClick={() => setArchiving(team)}
                      aria-label={t('inboxSettings.teams.archiveNamed', { name: team.name })}
                      data-testid="team-archive"
                    >
                      {t('inboxSettings.teams.archive')}
                    </Button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {editing && (
        <TeamDialog
          workspaceId={workspaceId}
          team={editing === 'new' ? null : editing}
          people={people}
          readOnly={!isOwner}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setNotice(t('inboxSettings.teams.saved', { name: saved.name }));
            void onReload();
          }}
        />
      )}
      {archiving && (
        <ConfirmDialog
          title={t('inboxSettings.teams.archiveTitle', { name: archiving.name })}
          description={t('inboxSettings.teams.archiveText')}
          confirmLabel={t('inboxSettings.teams.archive')}
          onClose={() => setArchiving(null)}
          onConfirm={async () => {
            await inboxSettingsApi.archiveTeam(workspaceId, archiving.id);
            setNotice(t('inboxSettings.teams.archived', { name: archiving.name }));
            await onReload();
          }}
          testId="team-archive-dialog"
        />
      )}
    </section>
  );
}
