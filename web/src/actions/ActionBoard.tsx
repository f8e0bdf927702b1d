// The action board (/actions): the action manager's queues (outstanding,
// overdue, due soon, stale, resulted, referred, all), each with its size,
// paged on the server and filterable by officer; the selected action's
// detail beside the list; raising a new action. The API decides who may
// do what; the screen offers only what the caller's role allows.
import { useEffect, useMemo, useRef, useState } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { gql } from '../api/client';
import { useSession } from '../auth/session';
import { ClassificationBadge } from '../components/Badges';
import type { ActionStatus, ActionsRowFragment, ActionQueue } from '../gql/graphql';
import { useOperation } from '../operation';
import { ActionDetail } from './ActionDetail';
import { errorMessage } from './api';
import { DueText, PriorityBadge, StatusBadge } from './bits';
import { mayRaise, QUEUES, STATUSES, STATUS_LABEL, type QueueKey } from './lifecycle';
import { rangeLabel, usePaging } from '../components/paging';
import { ActionsListDocument, ActionsOperationDocument, ActionsOriginNodeDocument, ActionsQueueCountsDocument, ActionsQueueDocument } from './queries';
import { RaiseActionDialog, type OriginChoice } from './RaiseActionDialog';
import './actions.css';

const PAGE = 25;

export function ActionBoard() {
  const { operation } = useOperation();
  useEffect(() => { document.title = 'Action board · Keyline'; }, []);
  if (!operation) {
    return (
      <section className="actions-page">
        <h1>Action board</h1>
        <p>No operation is open to you, so there are no actions to show: you are not a member of any operation, or your clearance is below its classification. Ask the SIO.</p>
      </section>
    );
  }
  return <Board key={operation.id} operationId={operation.id} />;
}

function Board({ operationId }: { operationId: string }) {
  const { me } = useSession();
  const { operation } = useOperation();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const queue = (params.get('queue') as QueueKey | null) ?? 'OUTSTANDING';
  const officerId = params.get('officer') || null;
  const selected = params.get('action');
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<ActionStatus | ''>('');
  const raiseFrom = params.get('raiseFrom');
  const [raising, setRaising] = useState(!!raiseFrom);
  const paging = usePaging();
  const raiseButton = useRef<HTMLButtonElement>(null);

  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v == null || v === '') next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };

  const op = useQuery({
    queryKey: ['actions', 'operation', operationId],
    queryFn: () => gql(ActionsOperationDocument, { operationId }),
    staleTime: 300_000,
  });
  const members = useMemo(() => op.data?.operation?.members.edges.map((e) => e.node) ?? [], [op.data]);

  // Other screens link to /actions?raiseFrom=<intelligence item, line of enquiry or decision id>.
  const fromNode = useQuery({
    queryKey: ['actions', 'origin-node', raiseFrom],
    enabled: !!raiseFrom,
    queryFn: () => gql(ActionsOriginNodeDocument, { id: raiseFrom! }),
  });
  const initialOrigin = originChoice(fromNode.data?.node);

  const counts = useQuery({
    queryKey: ['actions', 'counts', operationId, officerId],
    queryFn: () => gql(ActionsQueueCountsDocument, { operationId, officerId }),
  });

  const list = useQuery({
    queryKey: ['actions', 'list', operationId, queue, officerId, search, status, paging.after],
    placeholderData: keepPreviousData,
    queryFn: async () => {
      if (queue === 'ALL') {
        const d = await gql(ActionsListDocument, {
          operationId,
          first: PAGE,
          after: paging.after ?? null,
          filter: { allocatedTo: officerId, search: search.trim() || null, statuses: status ? [status] : null },
        });
        return d.operation?.actions ?? null;
      }
      const d = await gql(ActionsQueueDocument, { operationId, queue: queue as ActionQueue, officerId, first: PAGE, after: paging.after ?? null });
      return d.operation?.actionQueue ?? null;
    },
  });

  const { reset } = paging;
  useEffect(() => { reset(); }, [queue, officerId, search, status, reset]);

  const refresh = () => void client.invalidateQueries({ queryKey: ['actions'] });

  if (op.data && !op.data.operation) {
    return (
      <section className="actions-page">
        <h1>Action board</h1>
        <p role="alert" className="error">
          {operation?.reference} is not visible to you: your clearance ({me?.clearance.replace('_', '-')}) is below the operation&rsquo;s
          classification, or you are no longer a member. Ask the SIO.
        </p>
      </section>
    );
  }

  const rows = list.data?.edges.map((e) => e.node) ?? [];
  const total = list.data?.totalCount ?? 0;
  const def = QUEUES.find((q) => q.key === queue) ?? QUEUES[0];
  const canRaise = mayRaise(me?.roles ?? []);

  return (
    <div className={`actions-page board${selected ? ' with-detail' : ''}`}>
      <header className="actions-head">
        <div>
          <h1>Action board</h1>
          <p className="muted actions-sub">
            {operation?.reference} {operation?.name} {operation && <ClassificationBadge value={operation.classification} />}
          </p>
        </div>
        <div className="actions-head-tools">
          <Link to="/actions/dashboard">Dashboard</Link>
          <button type="button" onClick={refresh}>Refresh</button>
          {canRaise && (
            <button type="button" className="primary" ref={raiseButton} onClick={() => setRaising(true)}>Raise action</button>
          )}
        </div>
      </header>

      <div className="board-grid">
        <nav className="queues" aria-label="Action queues">
          <h2 className="sr-only">Queues</h2>
          <ul>
            {QUEUES.map((q) => {
              const n = counts.data?.operation?.[q.count]?.totalCount;
              return (
                <li key={q.key}>
                  <button
                    type="button"
                    className={`queue queue-${q.key.toLowerCase()}${q.key === queue ? ' current' : ''}`}
                    aria-current={q.key === queue ? 'true' : undefined}
                    title={q.hint}
                    onClick={() => set({ queue: q.key === 'OUTSTANDING' ? null : q.key })}
                  >
                    <span>{q.label}</span>
                    <span className="queue-count" aria-hidden="true">{n ?? '…'}</span>
                    <span className="sr-only">{n == null ? ' count loading' : ` ${n} actions`}</span>
                  </button>
                </li>
              );
            })}
          </ul>
          {counts.error && <p role="alert" className="error small">{errorMessage(counts.error)}</p>}
          <label className="field officer-filter">
            <span>Officer</span>
            <select value={officerId ?? ''} onChange={(e) => set({ officer: e.target.value || null })}>
              <option value="">All officers</option>
              {members.map((m) => (
                <option key={m.id} value={m.id}>{m.name} ({m.rank})</option>
              ))}
            </select>
          </label>
          {me?.officer && (
            <button type="button" className="linkish" onClick={() => set({ officer: me.officer!.id })}>My actions</button>
          )}
        </nav>

        <section className="queue-list" aria-labelledby="queue-heading">
          <div className="queue-list-head">
            <h2 id="queue-heading">
              {def.label}
              {officerId && <span className="muted"> · {members.find((m) => m.id === officerId)?.name ?? 'one officer'}</span>}
            </h2>
            <p className="muted small">{def.hint}</p>
          </div>
          {queue === 'ALL' && (
            <div className="list-filters">
              <label className="field">
                <span>Search</span>
                <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Number, title or instructions" />
              </label>
              <label className="field">
                <span>State</span>
                <select value={status} onChange={(e) => setStatus(e.target.value as ActionStatus | '')}>
                  <option value="">Any</option>
                  {STATUSES.map((s) => <option key={s} value={s}>{STATUS_LABEL[s]}</option>)}
                </select>
              </label>
            </div>
          )}
          {list.error ? (
            <p role="alert" className="error">Could not load the queue: {errorMessage(list.error)}</p>
          ) : list.isPending ? (
            <p className="muted" aria-busy="true">Loading…</p>
          ) : rows.length === 0 ? (
            <p className="empty">No actions in this queue{officerId ? ' for this officer' : ''}.</p>
          ) : (
            <ActionTable rows={rows} selected={selected} onSelect={(id) => set({ action: id })} busy={list.isFetching} />
          )}
          {total > 0 && (
            <nav className="pager" aria-label={`${def.label} pages`}>
              <span aria-live="polite">{rangeLabel(paging.page, PAGE, rows.length, total)}</span>
              {(paging.page > 0 || !!list.data?.pageInfo.hasNextPage) && (
                <>
                  <button type="button" onClick={paging.previous} disabled={paging.page === 0 || list.isFetching}>‹ Previous</button>
                  <button type="button" onClick={() => paging.next(list.data?.pageInfo.endCursor)} disabled={!list.data?.pageInfo.hasNextPage || list.isFetching}>Next ›</button>
                </>
              )}
            </nav>
          )}
        </section>

        {selected && (
          <ActionDetail
            key={selected}
            id={selected}
            members={members}
            onClose={() => set({ action: null })}
            onChanged={refresh}
          />
        )}
      </div>

      {raising && (!raiseFrom || !fromNode.isPending) && (
        <RaiseActionDialog
          initialOrigin={initialOrigin}
          operationId={operationId}
          policy={op.data?.operation?.actionPolicy ?? null}
          members={members}
          onClose={() => { setRaising(false); set({ raiseFrom: null }); raiseButton.current?.focus(); }}
          onRaised={(id) => { setRaising(false); refresh(); set({ action: id, queue: 'ALL', raiseFrom: null }); }}
        />
      )}
    </div>
  );
}

function ActionTable({ rows, selected, onSelect, busy }: {
  rows: readonly ActionsRowFragment[]; selected: string | null; onSelect: (id: string) => void; busy: boolean;
}) {
  const today = new Date();
  return (
    <table className="action-table" aria-busy={busy || undefined}>
      <thead>
        <tr>
          <th scope="col">No.</th>
          <th scope="col">Priority</th>
          <th scope="col">Action</th>
          <th scope="col">State</th>
          <th scope="col">Allocated to</th>
          <th scope="col">Due</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((a) => (
          <tr key={a.id} className={a.id === selected ? 'selected' : undefined} onClick={() => onSelect(a.id)}>
            <td className="mono nowrap">{a.number}</td>
            <td><PriorityBadge value={a.priority} /></td>
            <td className="title-cell">
              <button type="button" className="row-open" onClick={(e) => { e.stopPropagation(); onSelect(a.id); }} aria-current={a.id === selected ? 'true' : undefined} aria-label={`${a.number} ${a.title}`}>
                {a.title}
              </button>
              <span className="row-sub">{a.allocatedTo ? a.allocatedTo.name : 'Unallocated'}</span>
              {a.chaseCount > 0 && <span className="chased" title={`Chased ${a.chaseCount} time${a.chaseCount === 1 ? '' : 's'}`}>chased ×{a.chaseCount}</span>}
            </td>
            <td><StatusBadge value={a.status} /></td>
            <td>{a.allocatedTo ? a.allocatedTo.name : <span className="muted">Unallocated</span>}</td>
            <td className="nowrap"><DueText dueDate={a.dueDate} status={a.status} overdue={a.overdue} today={today} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type OriginNode = NonNullable<import('../gql/graphql').ActionsOriginNodeQuery['node']>;

function originChoice(n: OriginNode | null | undefined): OriginChoice | undefined {
  if (!n) return undefined;
  switch (n.__typename) {
    case 'IntelligenceItem':
      return { id: n.id, kind: 'Intelligence', label: n.urn, classification: n.classification, grading: n.grading };
    case 'LineOfEnquiry':
      return { id: n.id, kind: 'Line of enquiry', label: n.title };
    case 'Decision':
      return { id: n.id, kind: 'Decision', label: n.decision };
    default:
      return undefined;
  }
}
