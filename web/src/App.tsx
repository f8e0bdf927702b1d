// The workbench shell: sign-in, the header (operation, search, who you
// are) and the screens.
import { lazy, Suspense, type ComponentType } from 'react';
import { Link, Navigate, NavLink, Route, Routes } from 'react-router-dom';
import { CALLBACK_PATH, useSession } from './auth/session';
import { SignIn } from './auth/SignIn';
import { ClassificationBadge, classificationLabel } from './components/Badges';
import { OperationProvider, useOperation } from './operation';
import { SearchBox } from './search/SearchBox';
import { HomePage } from './HomePage';

// Each screen is its own chunk, loaded when first opened: the first load
// carries the shell, sign-in and search only (Cytoscape comes with the
// screens that draw).
const screen = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));
const EntityPage = screen(() => import('./entity/EntityPage'), 'EntityPage');
const ChartPage = screen(() => import('./chart/ChartPage'), 'ChartPage');
const TargetsPage = screen(() => import('./targets/TargetsPage'), 'TargetsPage');
const PackagePage = screen(() => import('./targets/PackagePage'), 'PackagePage');
const ActionBoard = screen(() => import('./actions/ActionBoard'), 'ActionBoard');
const ActionDashboard = screen(() => import('./actions/ActionDashboard'), 'ActionDashboard');
const EvidencePage = screen(() => import('./evidence/EvidencePage'), 'EvidencePage');
const DisclosurePage = screen(() => import('./disclosure/DisclosurePage'), 'DisclosurePage');
const AuditPage = screen(() => import('./audit/AuditPage'), 'AuditPage');
const MopiPage = screen(() => import('./audit/MopiPage'), 'MopiPage');

export function App() {
  const session = useSession();
  if (session.status === 'loading') {
    return <main className="centre" aria-busy="true"><p>Signing in…</p></main>;
  }
  if (session.status !== 'signed-in') return <SignIn />;
  return (
    <OperationProvider>
      <Shell />
    </OperationProvider>
  );
}

function Shell() {
  const { me, config, devRole, returnTo, signIn, signOut } = useSession();
  const { operation, operations, choose } = useOperation();
  return (
    <>
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="topbar">
        <Link to="/" className="brand">Keyline</Link>
        <nav aria-label="Main">
          <NavLink to="/" end>Home</NavLink>
          <NavLink to="/chart">Link chart</NavLink>
          <NavLink to="/targets">Targets</NavLink>
          <NavLink to="/actions">Actions</NavLink>
          <NavLink to="/evidence">Evidence</NavLink>
          <NavLink to="/disclosure">Disclosure</NavLink>
          <NavLink to="/audit">Audit</NavLink>
        </nav>
        <label className="operation-picker">
          <span className="sr-only">Operation</span>
          <select value={operation?.id ?? ''} onChange={(e) => choose(e.target.value)} aria-label="Operation">
            {operations.length === 0 && <option value="">No operations</option>}
            {operations.map((o) => (
              <option key={o.id} value={o.id}>{o.reference} {o.name}</option>
            ))}
          </select>
        </label>
        <SearchBox />
        <div className="whoami">
          <span title={`Cleared to ${me ? classificationLabel(me.clearance) : ''}`}>
            {me?.name} <ClassificationBadge value={me!.clearance} />
          </span>
          {config?.mode === 'dev' && (
            <select aria-label="Switch development role" value={devRole ?? ''} onChange={(e) => void signIn(e.target.value)}>
              {config.devRoles?.map((r) => <option key={r.role} value={r.role}>{r.role}</option>)}
            </select>
          )}
          <button type="button" onClick={() => void signOut()}>Sign out</button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p className="page" aria-busy="true">Loading…</p>}>
          <Routes>
            <Route path="/" element={<HomePage />} />
            <Route path="/entities/:id" element={<EntityPage />} />
            <Route path="/chart" element={<ChartPage />} />
            <Route path="/targets" element={<TargetsPage />} />
            <Route path="/targets/:id" element={<PackagePage />} />
            <Route path="/actions" element={<ActionBoard />} />
            <Route path="/actions/dashboard" element={<ActionDashboard />} />
            <Route path="/evidence" element={<EvidencePage />} />
            <Route path="/disclosure" element={<DisclosurePage />} />
            <Route path="/audit" element={<AuditPage />} />
            <Route path="/audit/mopi" element={<MopiPage />} />
            <Route path={CALLBACK_PATH} element={<Navigate to={returnTo} replace />} />
            <Route path="*" element={<NotFound />} />
          </Routes>
        </Suspense>
      </main>
    </>
  );
}

function NotFound() {
  return (
    <section className="page">
      <h1>Not found</h1>
      <p>There is nothing here. <Link to="/">Go home</Link>.</p>
    </section>
  );
}
