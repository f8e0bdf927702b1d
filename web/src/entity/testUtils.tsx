// Test helpers for the entity, provenance and search screens: a fresh
// query client and router, and a fetch stub answering GraphQL by
// operation name.
import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { vi } from 'vitest';

export interface GraphQLCall { operationName: string; variables: Record<string, unknown>; query: string }

/** Replaces fetch: each POST to /graphql is answered by `answer(operationName, variables)`. */
export function stubGraphQL(answer: (op: string, vars: Record<string, unknown>) => unknown) {
  const calls: GraphQLCall[] = [];
  const fn = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body ?? '{}')) as { query: string; variables: Record<string, unknown> };
    const m = /(?:query|mutation)\s+(\w+)/.exec(body.query);
    const operationName = m ? m[1] : '';
    calls.push({ operationName, variables: body.variables, query: body.query });
    const result = answer(operationName, body.variables);
    return new Response(JSON.stringify(result), { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fn);
  return calls;
}

function Where() {
  const l = useLocation();
  return <output data-testid="location">{l.pathname + l.search}</output>;
}

/** Renders `ui` at `path` (matched by `route`, default any), with a fresh query client; shows the location in data-testid=location. */
export function renderWith(ui: ReactElement, { path = '/', route = '*' }: { path?: string; route?: string } = {}) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: 0 } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path={route} element={<>{ui}<Where /></>} />
          {route !== '*' && <Route path="*" element={<Where />} />}
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}
