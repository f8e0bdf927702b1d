// The operation the analyst is working in: chosen from the caller's own
// operations (need to know: Me.operations), remembered for this tab.
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { useSession, type Me } from './auth/session';

export type OperationSummary = Me['operations'][number];

interface OperationState {
  operation: OperationSummary | null;
  operations: readonly OperationSummary[];
  choose: (id: string) => void;
}

const KEY = 'keyline.operation';
const OperationContext = createContext<OperationState | null>(null);

export function OperationProvider({ children }: { children: ReactNode }) {
  const { me } = useSession();
  const [chosen, setChosen] = useState<string | null>(() => sessionStorage.getItem(KEY));
  const operations = me?.operations ?? [];
  const operation = operations.find((o) => o.id === chosen) ?? operations[0] ?? null;
  const value = useMemo<OperationState>(() => ({
    operation,
    operations,
    choose: (id: string) => { sessionStorage.setItem(KEY, id); setChosen(id); },
  }), [operation, operations]);
  return <OperationContext.Provider value={value}>{children}</OperationContext.Provider>;
}

export function useOperation(): OperationState {
  const o = useContext(OperationContext);
  if (!o) throw new Error('useOperation outside OperationProvider');
  return o;
}
