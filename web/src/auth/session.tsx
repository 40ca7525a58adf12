// The signed-in user for the whole app: one API client, who is signed in, and sign in/out.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiClient } from '../api/client';
import { ApiError } from '../api/problem';
import { MemoryStore, TokenStore, type KeyValueStore } from '../api/tokens';
import type { Me } from '../api/types';

interface Session {
  api: ApiClient;
  me: Me | null;
  loading: boolean;
  /** Could not even ask who is signed in (CaaS unreachable): shown on the sign-in page. */
  startError: ApiError | null;
  mustChangePassword: boolean;
  /** The user signed out in this tab (the sign-in page says so). */
  signedOut: boolean;
  signIn(username: string, password: string): Promise<Me>;
  signOut(): Promise<void>;
  reload(): Promise<Me | null>;
}

const SessionContext = createContext<Session | null>(null);

function storage(): KeyValueStore {
  try {
    return window.sessionStorage;
  } catch {
    return new MemoryStore();
  }
}

export const api = new ApiClient(new TokenStore(storage()));

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  const [startError, setStartError] = useState<ApiError | null>(null);
  const [mustChangePassword, setMustChange] = useState(api.tokens.mustChangePassword);
  const [signedOut, setSignedOut] = useState(false);

  const reload = useCallback(async () => {
    try {
      const who = await api.get<Me>('/api/users/me');
      setMe(who);
      setStartError(null);
      return who;
    } catch (e) {
      setMe(null);
      setStartError(e instanceof ApiError && e.status !== 401 ? e : null);
      return null;
    } finally {
      setMustChange(api.tokens.mustChangePassword);
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    api.onSessionLost = () => setMe(null);
    api.onPasswordChangeRequired = () => setMustChange(true);
    void reload();
  }, [reload]);

  const signIn = useCallback(async (username: string, password: string) => {
    await api.login(username, password);
    setSignedOut(false);
    const who = await reload();
    if (!who) throw new ApiError(401, { detail: 'Signed in, but the session could not be read. Try again.' });
    return who;
  }, [reload]);

  const signOut = useCallback(async () => {
    await api.logout().catch(() => undefined);
    setSignedOut(true);
    setMe(null);
    setMustChange(false);
  }, []);

  const value = useMemo<Session>(
    () => ({ api, me, loading, startError, mustChangePassword, signedOut, signIn, signOut, reload }),
    [me, loading, startError, mustChangePassword, signedOut, signIn, signOut, reload],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
