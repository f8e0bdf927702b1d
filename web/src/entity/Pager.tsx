import { rangeLabel, type Paging } from '../components/paging';

export function Pager({ label, paging, size, shown, total, hasNext, endCursor, busy }: {
  label: string; paging: Paging; size: number; shown: number; total: number;
  hasNext: boolean; endCursor: string | null | undefined; busy?: boolean;
}) {
  if (total <= size && paging.page === 0) return <div className="pager"><span>{rangeLabel(0, size, shown, total)}</span></div>;
  return (
    <nav className="pager" aria-label={`${label} pages`}>
      <span aria-live="polite">{rangeLabel(paging.page, size, shown, total)}</span>
      <button type="button" onClick={paging.previous} disabled={paging.page === 0 || busy}>‹ Previous</button>
      <button type="button" onClick={() => paging.next(endCursor)} disabled={!hasNext || busy}>Next ›</button>
    </nav>
  );
}
