import { useMemo } from 'react';
import { endpoints } from '../../api/endpoints';
import type { Channel, Member } from '../../api/types';
import { useApi } from '../../lib/useApi';
import { inboxApi, type TeamRef } from './api';

/**
 * What the inbox's pickers choose from: the workspace's members (assignees, @mentions), teams and channels. A list
 * that fails to load leaves its picker empty rather than failing the inbox.
 */
export interface InboxRefs {
  members: Member[];
  /** Members who may work the inbox (everyone but viewers). */
  agents: Member[];
  teams: TeamRef[];
  channels: Channel[];
}

export function useInboxRefs(ws: string): InboxRefs {
  const members = useApi(() => endpoints.members(ws), [ws]);
  const teams = useApi(() => inboxApi.teams(ws), [ws]);
  const channels = useApi(() => endpoints.channels(ws), [ws]);
  return useMemo(() => {
    const all = members.data?.items ?? [];
    return {
      members: all,
      agents: all.filter((m) => m.role !== 'viewer'),
      teams: Array.isArray(teams.data) ? teams.data : [],
      channels: channels.data?.items ?? [],
    };
  }, [members.data, teams.data, channels.data]);
}
