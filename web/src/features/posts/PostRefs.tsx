import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { endpoints } from '../../api/endpoints';
import type { Channel } from '../../api/types';
import { useApi } from '../../lib/useApi';
import { postsApi, type Campaign, type Clause } from './api';

/** How a channel counts text and how much it takes (from GET /api/connectors). */
export interface TextLimit {
  maxLength: number;
  counting: 'graphemes' | 'x-weighted' | 'utf16';
}

/** What every posts screen looks things up in: channels, their limits, campaigns, agency names, the code's clauses. */
export interface PostRefs {
  channels: Channel[];
  channelsLoading: boolean;
  channelsError: unknown;
  reloadChannels: () => void;
  channel: (id: string) => Channel | undefined;
  limitOf: (kind: string) => TextLimit | null;
  threadsOf: (kind: string) => boolean;
  campaigns: Campaign[];
  /** Agency name by organization id (from the workspace's mandates); undefined when unknown. */
  agencyName: (orgId: string) => string | undefined;
  clauses: Clause[];
  clause: (id: string | null | undefined) => Clause | undefined;
}

const Ctx = createContext<PostRefs | null>(null);

interface Capabilities {
  text?: TextLimit;
  threads?: boolean;
}

/** Loads the look-ups once for all posts screens of a workspace; the optional ones fail quietly. */
export function PostRefsProvider({ workspaceId, children }: { workspaceId: string; children: ReactNode }) {
  const channels = useApi(() => endpoints.channels(workspaceId), [workspaceId]);
  const connectors = useApi(() => endpoints.connectors(), []);
  const campaigns = useApi(() => postsApi.campaigns(workspaceId), [workspaceId]);
  const mandates = useApi(() => endpoints.mandates(workspaceId), [workspaceId]);
  const code = useApi(() => postsApi.code(workspaceId), [workspaceId]);

  const value = useMemo<PostRefs>(() => {
    const list = channels.data?.items ?? [];
    const byId = new Map(list.map((c) => [c.id, c]));
    const caps = new Map((connectors.data?.items ?? []).map((c) => [c.kind, c.capabilities as Capabilities]));
    const agencies = new Map((mandates.data?.items ?? []).map((m) => [m.agency.id, m.agency.name]));
    const clauses = code.data?.clauses ?? [];
    const clauseById = new Map(clauses.map((c) => [c.id, c]));
    return {
      channels: list,
      channelsLoading: channels.loading && !channels.data,
      channelsError: channels.error,
      reloadChannels: () => void channels.reload(),
      channel: (id) => byId.get(id),
      limitOf: (kind) => caps.get(kind)?.text ?? null,
      threadsOf: (kind) => caps.get(kind)?.threads === true,
      campaigns: campaigns.data?.items ?? [],
      agencyName: (orgId) => agencies.get(orgId),
      clauses,
      clause: (id) => (id ? clauseById.get(id) : undefined),
    };
  }, [channels.data, channels.loading, channels.error, connectors.data, campaigns.data, mandates.data, code.data]);

  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function usePostRefs(): PostRefs {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error('usePostRefs outside PostRefsProvider');
  return ctx;
}
