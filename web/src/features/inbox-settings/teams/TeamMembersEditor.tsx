import { useTranslation } from 'react-i18next';
import type { Member } from '../../../api/types';
import { DataTable } from '../../../components/DataTable';
import type { TeamMember } from '../api';

export interface MemberBox {
  userId: string;
  maxOpen: string;
  available: boolean;
}

/**
 * Who is in the team: workspace members who may answer (viewers cannot), each with an own limit of open
 * conversations (blank = the team's default), whether they are available now, and how many they have open.
 */
export function TeamMembersEditor({
  people,
  current,
  value,
  onChange,
}: {
  people: Member[];
  current: TeamMember[];
  value: MemberBox[];
  onChange: (next: MemberBox[]) => void;
}) {
  const { t } = useTranslation();
  const byId = new Map(value.map((m) => [m.userId, m]));
  const load = new Map(current.map((m) => [m.userId, m.open]));
  const candidates = people.filter((p) => p.role !== 'viewer' || byId.has(p.userId));
  const missing = current.filter((m) => !candidates.some((p) => p.userId === m.userId));

  function toggle(userId: string, on: boolean): void {
    if (on) onChange([...value, { userId, maxOpen: '', available: true }]);
    else onChange(value.filter((m) => m.userId !== userId));
  }

  function patch(userId: string, p: Partial<MemberBox>): void {
    onChange(value.map((m) => (m.userId === userId ? { ...m, ...p } : m)));
  }

  const rows = [
    ...candidates.map((p) => ({ userId: p.userId, name: p.name, email: p.email, org: p.agency?.name ?? null })),
    ...missing.map((m) => ({ userId: m.userId, name: m.name, email: m.email, org: m.isAgency ? m.orgName : null })),
  ];

  return (
    <fieldset className="fieldset" data-testid="team-members">
      <legend>{t('inboxSettings.teams.members.title')}</legend>
      <p className="field-hint">{t('inboxSettings.teams.members.hint')}</p>
      {rows.length === 0 ? (
        <p className="muted">{t('inboxSettings.teams.members.nobody')}</p>
      ) : (
        <DataTable
          label={t('inboxSettings.teams.members.title')}
          testId="team-members-table"
          dense
          columns={[
            t('inboxSettings.teams.members.inTeam'),
            t('inboxSettings.teams.members.person'),
            t('inboxSettings.teams.members.maxOpen'),
            t('inboxSettings.teams.members.available'),
            t('inboxSettings.teams.members.open'),
          ]}
        >
          {rows.map((r) => {
            const box = byId.get(r.userId);
            return (
              <tr key={r.userId} data-user-id={r.userId}>
                <td>
                  <input
                    type="checkbox"
                    className="ibx-checkbox"
                    checked={!!box}
                    onChange={(e) => toggle(r.userId, e.target.checked)}
                    aria-label={t('inboxSettings.teams.members.include', { name: r.name })}
                    data-testid="team-member-include"
                  />
                </td>
                <td>
                  <span className="strong">{r.name}</span>
                  <span className="muted small ibx-block">{r.org ? `${r.email} · ${r.org}` : r.email}</span>
                </td>
                <td>
                  <input
                    type="number"
                    inputMode="numeric"
                    min={1}
                    className="input input-sm ibx-narrow"
                    value={box?.maxOpen ?? ''}
                    disabled={!box}
                    placeholder={t('inboxSettings.teams.members.default')}
                    aria-label={t('inboxSettings.teams.members.maxOpenOf', { name: r.name })}
                    onChange={(e) => patch(r.userId, { maxOpen: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    role="switch"
                    className="toggle"
                    checked={box?.available ?? false}
                    disabled={!box}
                    aria-label={t('inboxSettings.teams.members.availableOf', { name: r.name })}
                    onChange={(e) => patch(r.userId, { available: e.target.checked })}
                  />
                </td>
                <td>{load.has(r.userId) ? load.get(r.userId) : '—'}</td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </fieldset>
  );
}
