// The sign-in screen: development roles, or the identity provider.
import { useSession } from './session';

export function SignIn() {
  const { config, error, signIn, status } = useSession();
  return (
    <main className="centre signin">
      <h1>Keyline workbench</h1>
      <p className="muted">Link analysis, target packages and actions for Serious and Organised Crime Units.</p>
      {error && <p role="alert" className="error">{status === 'error' ? `Sign-in failed: ${error}` : error}</p>}
      {config?.mode === 'dev' ? (
        <section aria-labelledby="dev-roles">
          <h2 id="dev-roles">Development sign-in</h2>
          <p className="muted">Demo users only: choose a role.</p>
          <ul className="role-list">
            {config.devRoles?.map((r) => (
              <li key={r.role}>
                <button type="button" onClick={() => void signIn(r.role)}>
                  {r.name}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : config ? (
        <button type="button" className="primary" onClick={() => void signIn()}>Sign in</button>
      ) : null}
    </main>
  );
}
