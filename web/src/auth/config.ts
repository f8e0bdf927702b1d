// What the server says about signing in, from GET /workbench.json.
export interface WorkbenchConfig {
  /** "dev": a role switcher over the development tokens; "oidc": sign in with the identity provider. */
  mode: 'dev' | 'oidc';
  /** Development roles offered by the switcher (dev mode). */
  devRoles?: { role: string; name: string }[];
  /** The identity provider (oidc mode). */
  oidc?: { issuer: string; clientId: string; scope: string };
}

export async function loadConfig(): Promise<WorkbenchConfig> {
  const res = await fetch('/workbench.json', { headers: { Accept: 'application/json' } });
  if (!res.ok) throw new Error(`workbench configuration: ${res.status}`);
  return (await res.json()) as WorkbenchConfig;
}
