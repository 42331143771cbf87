import { useMemo } from 'react';
import { endpoints } from '../../api/endpoints';
import type { Channel } from '../../api/types';
import { useApi } from '../../lib/useApi';

/** The workspace's channels, and a lookup by id (a missing list leaves ids unnamed rather than failing the page). */
export function useChannels(wsId: string): { channels: Channel[]; byId: Map<string, Channel>; loading: boolean } {
  const res = useApi(() => endpoints.channels(wsId), [wsId]);
  const channels = useMemo(() => res.data?.items ?? [], [res.data]);
  const byId = useMemo(() => new Map(channels.map((c) => [c.id, c])), [channels]);
  return { channels, byId, loading: res.loading };
}
