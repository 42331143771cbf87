import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { isApiError, onUnauthenticated, setCsrfRefresher, setCsrfToken } from '../api/client';
import { endpoints } from '../api/endpoints';
import type { Locale, SessionInfo, User } from '../api/types';
import i18n, { rememberLanguage } from '../i18n';
import { navigate } from '../router';

/** Who is signed in (GET /api/session), whether setup is needed, and the language choice. */

export type SessionState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'needsSetup' }
  | { status: 'anonymous' }
  | { status: 'signedIn'; session: SessionInfo };

interface SessionContextValue {
  state: SessionState;
  /** Reloads the session (after login, accepting an invitation, losing access…). */
  refresh: () => Promise<SessionInfo | null>;
  signOut: () => Promise<void>;
  setLanguage: (lang: Locale) => Promise<void>;
  updateUser: (user: User) => void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export const PUBLIC_PATHS = ['/login', '/setup', '/forgot-password', '/reset-password', '/invite/', '/expert/'];

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PATHS.some((p) => (p.endsWith('/') ? pathname.startsWith(p) : pathname === p));
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const appliedUser = useRef<string | null>(null);

  const apply = useCallback((session: SessionInfo) => {
    setCsrfToken(session.csrf);
    if (appliedUser.current !== session.user.id) {
      appliedUser.current = session.user.id;
      const saved = session.user.locale;
      if (saved && saved !== i18n.language) {
        void i18n.changeLanguage(saved);
        rememberLanguage(saved);
      }
    }
    setState({ status: 'signedIn', session });
  }, []);

  const refresh = useCallback(async (): Promise<SessionInfo | null> => {
    try {
      const session = await endpoints.session();
      apply(session);
      return session;
    } catch (e) {
      if (isApiError(e) && e.status === 401) {
        setCsrfToken(null);
        appliedUser.current = null;
        setState({ status: 'anonymous' });
        return null;
      }
      throw e;
    }
  }, [apply]);

  const load = useCallback(async () => {
    try {
      const { needsSetup } = await endpoints.setupStatus();
      if (needsSetup) {
        setState({ status: 'needsSetup' });
        return;
      }
      await refresh();
    } catch (error) {
      setState({ status: 'error', error });
    }
  }, [refresh]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    setCsrfRefresher(async () => (await refresh())?.csrf ?? null);
    return () => setCsrfRefresher(null);
  }, [refresh]);

  useEffect(
    () =>
      onUnauthenticated(() => {
        setCsrfToken(null);
        appliedUser.current = null;
        setState({ status: 'anonymous' });
        const here = window.location.pathname + window.location.search;
        if (!isPublicPath(window.location.pathname)) navigate(`/login?next=${encodeURIComponent(here)}`);
      }),
    [],
  );

  const signOut = useCallback(async () => {
    try {
      await endpoints.logout();
    } finally {
      setCsrfToken(null);
      appliedUser.current = null;
      setState({ status: 'anonymous' });
      navigate('/login');
    }
  }, []);

  const updateUser = useCallback((user: User) => {
    setState((s) => (s.status === 'signedIn' ? { status: 'signedIn', session: { ...s.session, user } } : s));
  }, []);

  const setLanguage = useCallback(
    async (lang: Locale) => {
      rememberLanguage(lang);
      await i18n.changeLanguage(lang);
      if (state.status === 'signedIn' && state.session.user.locale !== lang) {
        try {
          const { user } = await endpoints.updateAccount({ locale: lang });
          updateUser(user);
        } catch {
          /* the language still changes here; saving it is best effort */
        }
      }
    },
    [state, updateUser],
  );

  const value = useMemo(
    () => ({ state, refresh, signOut, setLanguage, updateUser }),
    [state, refresh, signOut, setLanguage, updateUser],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/** The signed-in session; only for components rendered behind the sign-in guard. */
export function useSignedIn(): SessionInfo {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useSignedIn while not signed in');
  return state.session;
}
