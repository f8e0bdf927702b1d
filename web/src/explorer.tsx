// The GraphQL explorer at /explorer: GraphiQL, bundled (nothing from a
// CDN), signed in the same way as the workbench. The query editor is kept
// for this tab only, and typed-in headers are never persisted.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import type { Fetcher } from '@graphiql/toolkit';
import 'graphiql/graphiql.css';
import { bearerToken } from './api/client';
import { SessionProvider, useSession } from './auth/session';
import { SignIn } from './auth/SignIn';
import './styles.css';

const fetcher: Fetcher = async (params, opts) => {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
  const token = bearerToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  Object.assign(headers, opts?.headers ?? {});
  const res = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify(params) });
  return res.json();
};

function Explorer() {
  const { status, me, signOut } = useSession();
  if (status === 'loading') return <main className="centre" aria-busy="true"><p>Signing in…</p></main>;
  if (status !== 'signed-in') return <SignIn />;
  return (
    <div className="explorer">
      <div className="explorer-bar">
        <a href="/">Keyline workbench</a>
        <span>Signed in as {me?.name}</span>
        <button type="button" onClick={() => void signOut()}>Sign out</button>
      </div>
      <GraphiQL fetcher={fetcher} storage={window.sessionStorage} shouldPersistHeaders={false} />
    </div>
  );
}

createRoot(document.getElementById('explorer')!).render(
  <StrictMode>
    <SessionProvider>
      <Explorer />
    </SessionProvider>
  </StrictMode>,
);
