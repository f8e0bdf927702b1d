// The signed-in session. Tokens live in memory only (never localStorage):
// a reload signs in again, silently where the identity provider still
// knows the user. In development mode a role switcher asks the server for
// a development token (GET /dev/token?role=...); in production the
// authorization code flow with PKCE runs against the configured issuer
// (oidc-client-ts).
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { InMemoryWebStorage, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { configureClient, gql } from '../api/client';
import { graphql } from '../gql';
import type { MeQuery } from '../gql/graphql';
import { loadConfig, type WorkbenchConfig } from './config';

export type Me = MeQuery['me'];

export interface Session {
  status: 'loading' | 'signed-out' | 'signed-in' | 'error';
  config: WorkbenchConfig | null;
  me: Me | null;
  error: string | null;
  /** The development role signed in as (dev mode). */
  devRole: string | null;
  /** Where to go after the identity provider sent the user back. */
  returnTo: string;
  /** Dev mode: sign in as role. OIDC: redirect to the identity provider. */
  signIn: (role?: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const MeDocument = graphql(`
  query Me {
    me {
      subject
      name
      roles
      clearance
      officer { id name }
      operations { id reference name status classification }
    }
  }
`);

// The role (never the token) survives a reload in this tab, so a developer
// stays who they were.
const DEV_ROLE_KEY = 'keyline.devRole';
export const CALLBACK_PATH = '/auth/callback';

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

function userManager(cfg: WorkbenchConfig): UserManager {
  const o = cfg.oidc!;
  return new UserManager({
    authority: o.issuer,
    client_id: o.clientId,
    redirect_uri: window.location.origin + CALLBACK_PATH,
    post_logout_redirect_uri: window.location.origin + '/',
    response_type: 'code',
    scope: o.scope,
    // Tokens in memory only; the PKCE verifier and state survive the
    // redirect in this tab's sessionStorage and are removed on return.
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
    automaticSilentRenew: false,
    loadUserInfo: false,
  });
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const token = useRef<string | null>(null);
  const manager = useRef<UserManager | null>(null);
  const [state, setState] = useState<Omit<Session, 'signIn' | 'signOut'>>({
    status: 'loading', config: null, me: null, error: null, devRole: null, returnTo: '/',
  });

  const signedOut = useCallback((message: string | null = null) => {
    token.current = null;
    setState((s) => ({ ...s, status: 'signed-out', me: null, error: message }));
  }, []);

  useEffect(() => {
    configureClient(() => token.current, () => signedOut('Your session has ended; sign in again.'));
  }, [signedOut]);

  const finish = useCallback(async (tok: string, devRole: string | null) => {
    token.current = tok;
    const { me } = await gql(MeDocument);
    setState((s) => ({ ...s, status: 'signed-in', me, error: null, devRole }));
  }, []);

  const devSignIn = useCallback(async (role: string) => {
    const res = await fetch(`/dev/token?role=${encodeURIComponent(role)}`, { headers: { Accept: 'application/json' } });
    if (!res.ok) throw new Error(`no development token for ${role} (${res.status})`);
    const { token: tok } = (await res.json()) as { token: string };
    sessionStorage.setItem(DEV_ROLE_KEY, role);
    await finish(tok, role);
  }, [finish]);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const config = await loadConfig();
        if (cancelled) return;
        setState((s) => ({ ...s, config }));
        if (config.mode === 'dev') {
          const role = sessionStorage.getItem(DEV_ROLE_KEY);
          if (role) await devSignIn(role);
          else signedOut();
          return;
        }
        const um = userManager(config);
        manager.current = um;
        um.events.addAccessTokenExpired(() => signedOut('Your session has expired; sign in again.'));
        if (window.location.pathname === CALLBACK_PATH) {
          const user = await um.signinRedirectCallback();
          const wanted = (user.state as { returnTo?: string } | undefined)?.returnTo ?? '/';
          // Only a path on this origin (never //host or a URL).
          const returnTo = /^\/(?!\/)/.test(wanted) && !wanted.startsWith(CALLBACK_PATH) ? wanted : '/';
          setState((s) => ({ ...s, returnTo }));
          await finish(user.access_token, null);
          return;
        }
        signedOut();
      } catch (e) {
        if (!cancelled) setState((s) => ({ ...s, status: 'error', error: e instanceof Error ? e.message : String(e) }));
      }
    })();
    return () => { cancelled = true; };
  }, [devSignIn, finish, signedOut]);

  const signIn = useCallback(async (role?: string) => {
    const cfg = state.config;
    if (!cfg) return;
    try {
      if (cfg.mode === 'dev') {
        await devSignIn(role ?? 'analyst');
      } else {
        await manager.current!.signinRedirect({ state: { returnTo: window.location.pathname + window.location.search } });
      }
    } catch (e) {
      setState((s) => ({ ...s, status: 'error', error: e instanceof Error ? e.message : String(e) }));
    }
  }, [state.config, devSignIn]);

  const signOut = useCallback(async () => {
    sessionStorage.removeItem(DEV_ROLE_KEY);
    token.current = null;
    setState((s) => ({ ...s, status: 'signed-out', me: null, devRole: null, error: null }));
    if (manager.current) await manager.current.removeUser();
  }, []);

  const value = useMemo<Session>(() => ({ ...state, signIn, signOut }), [state, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
