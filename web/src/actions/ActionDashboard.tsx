// The action dashboard (/actions/dashboard): the operation's action figures
// for the SIO, the action manager and the head of crime: open and overdue
// actions, by state and by priority, timescale compliance, each officer's
// open load, and how the operation's intelligence became actions and
// evidence. Charts are plain HTML bars with their values in text.
import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { gql } from '../api/client';
import { ClassificationBadge } from '../components/Badges';
import { useOperation } from '../operation';
import { errorMessage } from './api';
import { BarChart } from './BarChart';
import { hoursLabel, ordered, percent } from './chart';
import { PRIORITIES, PRIORITY_LABEL, STATUSES, STATUS_LABEL, timescaleLabel } from './lifecycle';
import type { ActionPriority, ActionsDashboardQuery, ActionStatus } from '../gql/graphql';
import { ActionsDashboardDocument } from './queries';
import './actions.css';

const STATUS_TONE: Record<ActionStatus, string> = {
  RAISED: 'muted', ALLOCATED: 'open', IN_PROGRESS: 'open', RESULTED: 'warn', COMPLETED: 'done', REFERRED: 'warn', CANCELLED: 'muted',
};

export function ActionDashboard() {
  const { operation } = useOperation();
  useEffect(() => { document.title = 'Action dashboard · Keyline'; }, []);
  const q = useQuery({
    queryKey: ['actions', 'dashboard', operation?.id],
    enabled: !!operation,
    queryFn: () => gql(ActionsDashboardDocument, { operationId: operation!.id }),
  });

  if (!operation) {
    return (
      <section className="actions-page">
        <h1>Action dashboard</h1>
        <p>No operation is open to you, so there are no figures to show: you are not a member of any operation, or your clearance is below its classification. Ask the SIO.</p>
      </section>
    );
  }
  const op = q.data?.operation;
  return (
    <div className="actions-page dashboard">
      <header className="actions-head">
        <div>
          <h1>Action dashboard</h1>
          <p className="muted actions-sub">{operation.reference} {operation.name} <ClassificationBadge value={operation.classification} /></p>
        </div>
        <div className="actions-head-tools">
          <Link to="/actions">Action board</Link>
          <button type="button" onClick={() => void q.refetch()} disabled={q.isFetching}>Refresh</button>
        </div>
      </header>
      {q.isPending ? <p className="muted" aria-busy="true">Loading…</p> : q.error ? (
        <p role="alert" className="error">Could not load the figures: {errorMessage(q.error)}</p>
      ) : !op ? (
        <p role="alert" className="error">{operation.reference} is not visible to you (your clearance may be below its classification).</p>
      ) : (
        <Figures op={op} />
      )}
    </div>
  );
}

type Op = NonNullable<ActionsDashboardQuery['operation']>;

function Figures({ op }: { op: Op }) {
  const d = op.actionDashboard;
  const conv = op.intelligenceConversion;
  const compliance = d.open > 0 ? 1 - d.overdueRate : 1;
  const byStatus = ordered(d.byStatus, STATUSES);
  const byPriority = ordered(d.openByPriority, PRIORITIES);
  const total = byStatus.reduce((s, c) => s + c.count, 0);
  const policy = op.actionPolicy;
  return (
    <>
      <h2 className="sr-only">Key figures</h2>
      <dl className="dash-figures">
        <div className="figure"><dt>Open actions</dt><dd>{d.open}<span className="small">of {total} raised</span></dd></div>
        <div className={`figure${d.overdue > 0 ? ' alert' : ''}`}><dt>Overdue</dt><dd>{d.overdue}<span className="small">{percent(d.overdueRate)} of open</span></dd></div>
        <div className="figure"><dt>Within timescale</dt><dd>{percent(compliance)}<span className="small">open actions not yet overdue</span></dd></div>
        <div className="figure"><dt>Due in 3 days</dt><dd>{op.dueSoon.totalCount}<span className="small">{op.stale.totalCount} stale (no update in 14 days)</span></dd></div>
        <div className="figure"><dt>Median time to result</dt><dd>{hoursLabel(d.medianHoursToResult)}<span className="small">raised to resulted</span></dd></div>
        <div className="figure"><dt>Intelligence to evidence</dt><dd>{percent(conv.conversionRate)}<span className="small">{conv.evidenced} of {conv.items} items</span></dd></div>
      </dl>

      <div className="dash-grid">
        <section className="dash-card" aria-labelledby="dash-status">
          <h2 id="dash-status">Actions by state</h2>
          <BarChart
            caption={`All ${total} actions of the operation, by lifecycle state.`}
            unit="Actions"
            bars={byStatus.map((c) => ({
              key: c.key,
              label: STATUS_LABEL[c.key as ActionStatus] ?? c.key,
              value: c.count,
              tone: STATUS_TONE[c.key as ActionStatus] ?? 'default',
            }))}
          />
        </section>

        <section className="dash-card" aria-labelledby="dash-priority">
          <h2 id="dash-priority">Open actions by priority</h2>
          <BarChart
            caption={`${d.open} open actions; SIO timescales: High ${timescaleLabel('HIGH', policy)}, Medium ${timescaleLabel('MEDIUM', policy)}, Low ${timescaleLabel('LOW', policy)}.`}
            unit="Open actions"
            bars={byPriority.map((c) => ({
              key: c.key,
              label: PRIORITY_LABEL[c.key as ActionPriority] ?? c.key,
              value: c.count,
              tone: c.key.toLowerCase(),
            }))}
          />
        </section>

        <section className="dash-card" aria-labelledby="dash-compliance">
          <h2 id="dash-compliance">Timescale compliance</h2>
          <BarChart
            caption="Open actions within and past their due date (the SIO's timescale for their priority)."
            unit="Open actions"
            max={Math.max(1, d.open)}
            bars={[
              { key: 'within', label: 'Within timescale', value: d.open - d.overdue, valueText: `${d.open - d.overdue} (${percent(compliance)})`, tone: 'done' },
              { key: 'overdue', label: 'Overdue', value: d.overdue, valueText: `${d.overdue} (${percent(d.overdueRate)})`, tone: 'high' },
            ]}
          />
        </section>

        <section className="dash-card" aria-labelledby="dash-conversion">
          <h2 id="dash-conversion">Intelligence into actions and evidence</h2>
          <BarChart
            caption={`Of the ${conv.items} intelligence items you are cleared to see.`}
            unit="Intelligence items"
            max={Math.max(1, conv.items)}
            bars={[
              { key: 'items', label: 'Intelligence items', value: conv.items, tone: 'muted' },
              { key: 'developed', label: 'Developed into actions', value: conv.developed, valueText: `${conv.developed} (${percent(conv.developmentRate)})`, tone: 'open' },
              { key: 'evidenced', label: 'Led to evidence', value: conv.evidenced, valueText: `${conv.evidenced} (${percent(conv.conversionRate)})`, tone: 'done' },
            ]}
          />
          <p className="funnel-note">Developed: at least one action raised from the item. Evidence: an action from it (or a follow-up) obtained an exhibit.</p>
        </section>

        <section className="dash-card" aria-labelledby="dash-load">
          <h2 id="dash-load">Open actions per officer</h2>
          {d.loadPerOfficer.length === 0 ? <p className="muted">No open action is allocated.</p> : (
            <>
              <BarChart
                caption="Open actions allocated to each officer in this operation, heaviest first; the hatched part is overdue."
                unit="Open actions"
                partName="overdue"
                bars={d.loadPerOfficer.map((l) => ({
                  key: l.officer.id,
                  label: `${l.officer.name} (${l.officer.rank})`,
                  value: l.openActions,
                  part: l.overdue,
                  partLabel: 'overdue',
                  tone: 'open',
                }))}
              />
              <p className="legend" aria-hidden="true"><span><span className="swatch swatch-open" />Open</span><span><span className="swatch swatch-part" />Overdue</span></p>
            </>
          )}
        </section>
      </div>
    </>
  );
}
