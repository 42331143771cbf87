import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { isApiError, onWorkspaceDenied } from '../../api/client';
import { endpoints } from '../../api/endpoints';
import type { Ref, Role, Workspace, WorkspaceSummary } from '../../api/types';
import { useSession } from '../../session/SessionContext';

/**
 * The workspace behind /w/:ws. Loads GET /api/workspaces/:ws, re-checks it on focus, every minute and
 * whenever any workspace request answers 403/404; when the workspace itself answers 403/404 access is
 * gone: `lost` turns true and the session's workspace list is refreshed.
 */

type Status = 'loading' | 'ready' | 'lost' | 'error';

export interface WorkspaceContextValue {
  id: string;
  status: Status;
  workspace: Workspace | null;
  summary: WorkspaceSummary | null;
  error: unknown;
  role: Role | null;
  isOwner: boolean;
  /** The agency this user works for here, when under a mandate. */
  actingFor: { organization: Ref; agency: Ref } | null;
  reload: () => Promise<void>;
  setWorkspace: (w: Workspace) => void;
}

const Ctx = createContext<WorkspaceContextValue | null>(null);
const RECHECK_MS = 60_000;

export function WorkspaceProvider({ id, children }: { id: string; children: ReactNode }) {
  const { state, refresh } = useSession();
  const [status, setStatus] = useState<Status>('loading');
  const [workspace, setWorkspace] = useState<Workspace | null>(null);
  const [error, setError] = useState<unknown>(null);
  const current = useRef(id);
  current.current = id;

  const summary =
    state.status === 'signedIn' ? (state.session.workspaces.find((w) => w.id === id) ?? null) : null;

  const check = useCallback(
    async (background: boolean) => {
      const forId = id;
      if (!background) setStatus('loading');
      try {
        const ws = await endpoints.workspace(forId, true);
        if (current.current !== forId) return;
        setWorkspace(ws);
        setError(null);
        setStatus('ready');
      } catch (e) {
        if (current.current !== forId) return;
        if (isApiError(e) && (e.status === 404 || e.status === 403)) {
          setWorkspace(null);
          setStatus('lost');
          void refresh().catch(() => undefined);
        } else if (!background) {
          setError(e);
          setStatus('error');
        }
      }
    },
    [id, refresh],
  );

  useEffect(() => {
    setWorkspace(null);
    void check(false);
  }, [check]);

  // Any workspace request that is refused makes us check whether access as a whole is gone.
  useEffect(
    () =>
      onWorkspaceDenied((wsId) => {
        if (wsId === current.current) void check(true);
      }),
    [check],
  );

  // Revocation takes effect at once on the server; notice it without a click as well.
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') void check(true);
    };
    const timer = window.setInterval(() => void check(true), RECHECK_MS);
    window.addEventListener('focus', onVisible);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', onVisible);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [check]);

  const value = useMemo<WorkspaceContextValue>(() => {
    const role = status === 'lost' ? null : (workspace?.role ?? summary?.role ?? null);
    const organization = workspace?.organization ?? summary?.organization ?? null;
    let agency: Ref | null = null;
    if (status !== 'lost') {
      if (workspace?.actingFor) agency = workspace.actingFor.agency;
      else if (!workspace && summary?.via.kind === 'mandate') agency = summary.via.agency;
    }
    return {
      id,
      status,
      workspace,
      summary,
      error,
      role,
      isOwner: role === 'owner',
      actingFor: agency && organization ? { organization, agency } : null,
      reload: () => check(false),
      setWorkspace,
    };
  }, [id, status, workspace, summary, error, check]);

  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

/** The current workspace, or null outside /w/:ws. */
export function useOptionalWorkspace(): WorkspaceContextValue | null {
  return useContext(Ctx);
}

export function useWorkspace(): WorkspaceContextValue {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error('useWorkspace outside WorkspaceProvider');
  return ctx;
}
