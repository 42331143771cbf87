import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import { ErrorAlert, Notice } from '../../components/Alert';
import { SkeletonRows } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useApi } from '../../lib/useApi';
import { navigate, useLocation } from '../../router';
import { useSession } from '../../session/SessionContext';
import { useWorkspace } from '../workspace/WorkspaceContext';
import { inboxSettingsApi } from './api';
import { RulesSection } from './rules/RulesSection';
import { SavedRepliesSection } from './saved/SavedRepliesSection';
import { SettingsTabs } from './SettingsTabs';
import { TeamsSection } from './teams/TeamsSection';
import { RuleTester } from './tester/RuleTester';
import { useSettingsDraft } from './useSettingsDraft';

type Tab = 'teams' | 'rules' | 'tester' | 'saved';
const TABS: Tab[] = ['teams', 'rules', 'tester', 'saved'];

/**
 * The inbox settings: teams, routing and reply rules, the rule tester and saved replies. Owners change them; others
 * read them (the server refuses their writes anyway). The chosen tab is kept in `?tab=`.
 */
export function InboxSettingsPage() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const { state } = useSession();
  const location = useLocation();
  const tabParam = location.search.get('tab') as Tab | null;
  const tab: Tab = tabParam && TABS.includes(tabParam) ? tabParam : 'teams';

  const teams = useApi(() => inboxSettingsApi.teams(ws.id), [ws.id]);
  const channels = useApi(() => endpoints.channels(ws.id), [ws.id]);
  const members = useApi(() => endpoints.members(ws.id), [ws.id]);
  const settings = useSettingsDraft(ws.id);
  const people = useMemo(() => members.data?.items ?? [], [members.data]);
  const channelList = useMemo(() => channels.data?.items ?? [], [channels.data]);
  const teamList = teams.data ?? [];
  const agentName = state.status === 'signedIn' ? state.session.user.name : '';
  const organizationName = ws.workspace?.organization.name ?? ws.summary?.organization.name ?? '';
  const mayAnswer = ws.role !== null && ws.role !== 'viewer';

  function choose(next: Tab): void {
    const q = new URLSearchParams(location.search);
    q.set('tab', next);
    navigate(`${location.pathname}?${q.toString()}`, { replace: true });
  }

  const settingsPanel = (body: ReactNode) =>
    settings.loading && !settings.draft ? (
      <SkeletonRows rows={4} />
    ) : settings.loadError && !settings.draft ? (
      <ErrorAlert error={settings.loadError} onRetry={() => void settings.reload()} />
    ) : (
      body
    );

  return (
    <div className="page page-wide ibx-settings-page" data-testid="inbox-settings-page">
      <PageHeader title={t('inboxSettings.title')} lead={t('inboxSettings.lead')} />
      {!ws.isOwner && (
        <Notice tone="info" testId="inbox-settings-readonly">
          {t('inboxSettings.readOnly')}
        </Notice>
      )}
      <SettingsTabs
        tabs={TABS.map((id) => ({ id, label: t(`inboxSettings.tabs.${id}`) }))}
        current={tab}
        onChange={choose}
        label={t('inboxSettings.title')}
        idBase="ibx-settings"
        testIdBase="inbox-settings-tab"
      />
      <div
        role="tabpanel"
        id={`ibx-settings-panel-${tab}`}
        aria-labelledby={`ibx-settings-tab-${tab}`}
        className="ibx-panel"
        data-testid={`inbox-settings-panel-${tab}`}
      >
        {tab === 'teams' && (
          <TeamsSection
            workspaceId={ws.id}
            teams={teams.data}
            loading={teams.loading}
            error={teams.error}
            onReload={teams.reload}
            people={people}
            isOwner={ws.isOwner}
          />
        )}
        {tab === 'rules' &&
          settingsPanel(<RulesSection settings={settings} teams={teamList} channels={channelList} people={people} isOwner={ws.isOwner} />)}
        {tab === 'tester' && settingsPanel(<RuleTester workspaceId={ws.id} settings={settings} channels={channelList} />)}
        {tab === 'saved' && (
          <SavedRepliesSection
            workspaceId={ws.id}
            mayEdit={mayAnswer}
            mayDelete={ws.isOwner}
            agentName={agentName}
            organizationName={organizationName}
          />
        )}
      </div>
    </div>
  );
}
