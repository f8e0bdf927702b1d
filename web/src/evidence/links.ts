// Pure: the evidence screen's state in its URL (/evidence?view=…&exhibit=…
// or &item=…), so every trace can be linked to, bookmarked and reloaded.

export type EvidenceView = 'exhibits' | 'undeveloped' | 'uncorroborated';

export const VIEWS: readonly EvidenceView[] = ['exhibits', 'undeveloped', 'uncorroborated'];

export function parseView(v: string | null | undefined): EvidenceView {
  return (VIEWS as readonly string[]).includes(v ?? '') ? (v as EvidenceView) : 'exhibits';
}

/**
 * The path for a change of view or selection from the current query:
 * opening an exhibit closes any item and the other way round; a view is
 * kept unless changed (the default view is left out of the URL).
 */
export function evidenceHref(current: URLSearchParams | string, change: { view?: EvidenceView; exhibit?: string; item?: string }): string {
  const q = new URLSearchParams(current);
  if (change.view !== undefined) {
    if (change.view === 'exhibits') q.delete('view');
    else q.set('view', change.view);
  }
  if (change.exhibit !== undefined) {
    q.delete('item');
    if (change.exhibit) q.set('exhibit', change.exhibit);
    else q.delete('exhibit');
  }
  if (change.item !== undefined) {
    q.delete('exhibit');
    if (change.item) q.set('item', change.item);
    else q.delete('item');
  }
  const order = ['view', 'exhibit', 'item'];
  const sorted = new URLSearchParams([...q.entries()].sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0])));
  const s = sorted.toString();
  return s ? `/evidence?${s}` : '/evidence';
}

/** Where a record on a trace opens: exhibits and intelligence items have a trace of their own; others none. */
export function recordHref(current: URLSearchParams | string, node: { __typename?: string; id: string }): string | null {
  if (node.__typename === 'Exhibit') return evidenceHref(current, { exhibit: node.id });
  if (node.__typename === 'IntelligenceItem') return evidenceHref(current, { item: node.id });
  return null;
}
