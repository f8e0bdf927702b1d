// A level 2 target package (/targets/:id), for the DI's review: every NIM
// section the API assembles, the priority score with its per-factor
// breakdown, the review (workflow move and rationale, written to the policy
// file), the organisational position, and the history of reviews with each
// package exactly as reviewed. Prints cleanly; the server's printable
// report opens in a new tab or downloads. An id the API does not answer
// (missing, or hidden by need to know) shows "Not found".
import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { ApiError, fetchDocument, gql, saveBlob } from '../api/client';
import { useSession } from '../auth/session';
import { useOperation } from '../operation';
import { formatDateTime, humanise, mayAssess, retryUnavailable, maySetOrganisationalPosition, movement, STATUS_LABEL, THREAT_LABEL } from './logic';
import {
  Actions, Associations, CriminalActivity, Evidence, GapsAndRisks, IntelligencePicture, Lifestyle, SECTIONS, SubjectProfile,
  TacticalOptions, type TargetNode,
} from './PackageSections';
import { BandPill, PriorityBreakdown } from './PriorityBreakdown';
import { TargetsPackageDocument } from './queries';
import { showReport } from './reportTab';
import { AssessmentForm, ReviewForm, ReviewHistory } from './ReviewPanel';
import './targets.css';

export function PackagePage() {
  const { id = '' } = useParams();
  return <PackageScreen key={id} id={id} />;
}

function isNotFound(e: unknown): boolean {
  return e instanceof ApiError && (e.code === 'NOT_FOUND' || (e.code === 'BAD_USER_INPUT' && /id/i.test(e.message)));
}

function PackageScreen({ id }: { id: string }) {
  const q = useQuery({
    queryKey: ['targets', 'package', id],
    queryFn: () => gql(TargetsPackageDocument, { id }),
    refetchOnWindowFocus: false,
    retry: retryUnavailable,
  });
  const node = q.data?.node;
  const target = node?.__typename === 'Target' ? node : null;

  useEffect(() => {
    if (target) document.title = `${target.package.subject.label} · Target package · Keyline`;
  }, [target]);

  if (q.isPending) {
    return <div className="pkg-page" aria-busy="true"><h1 className="sr-only">Target package</h1><p className="muted">Assembling the package…</p></div>;
  }
  if (q.error && !isNotFound(q.error)) {
    return (
      <div className="pkg-page">
        <h1>Target package</h1>
        <p role="alert" className="error">Could not load this package: {q.error.message}</p>
        <button type="button" onClick={() => void q.refetch()}>Try again</button>
      </div>
    );
  }
  if (!target) {
    return (
      <div className="pkg-page">
        <h1>Not found</h1>
        <p>There is no target here that you may see. <Link to="/targets">Back to targets</Link>.</p>
      </div>
    );
  }
  return <Package target={target} refetch={() => q.refetch()} busy={q.isFetching} />;
}

function Package({ target, refetch, busy }: { target: TargetNode; refetch: () => Promise<unknown>; busy: boolean }) {
  const { me } = useSession();
  // Not Target.operation: a member cleared below the operation's own
  // classification may not read the Operation record, and asking for it
  // would fail the whole package.
  const { operation } = useOperation();
  const roles = me?.roles ?? [];
  const qc = useQueryClient();
  const [recorded, setRecorded] = useState<{ decisionId: string | null } | null>(null);
  const pkg = target.package;
  const m = movement(target.movement);

  const afterChange = async () => {
    await refetch();
    void qc.invalidateQueries({ queryKey: ['targets', 'list'] });
    void qc.invalidateQueries({ queryKey: ['targets', 'policy'] });
  };

  return (
    <div className="pkg-page" aria-busy={busy || undefined}>
      <p className="crumbs"><Link to="/targets">Targets</Link>{operation && <> › {operation.reference}</>}</p>
      <header className="pkg-header">
        <div className="pkg-title">
          <h1>
            <span className="pkg-kind">Level 2 target package · {humanise(pkg.subject.__typename)}</span>
            {pkg.subject.label}
          </h1>
          <p className="pkg-meta">
            <span className={`status-pill status-${target.status.toLowerCase()}`}>{STATUS_LABEL[target.status]}</span>
            <BandPill band={target.priority?.band} score={target.priority?.score} />
            {m.direction !== 'none' && (
              <span className={`movement movement-${m.direction}`} title={m.description}>
                <span aria-hidden="true">{m.text}</span><span className="sr-only">{m.description}</span>
              </span>
            )}
            <span>{target.threatAreas.map((t) => THREAT_LABEL[t]).join(' · ')}</span>
            <span className="muted">Owner {target.owner?.name ?? '—'}</span>
          </p>
          <p className="muted small">Assembled {formatDateTime(pkg.assembledAt)} from the graph · version {target.version} · last changed {formatDateTime(target.updatedAt)} by {target.updatedBy}</p>
        </div>
        <ReportButtons target={target} />
      </header>

      <nav className="pkg-toc" aria-label="Package sections">
        <ul>
          {SECTIONS.map((s) => <li key={s.id}><a href={`#${s.id}`}>{s.title}</a></li>)}
          <li><a href="#priority">Priority</a></li>
          <li><a href="#review">Review</a></li>
          <li><a href="#history">History</a></li>
        </ul>
      </nav>

      <div className="pkg-layout">
        <div className="pkg-main">
          <SubjectProfile target={target} />
          <CriminalActivity pkg={pkg} />
          <Lifestyle pkg={pkg} />
          <Associations target={target} />
          <IntelligencePicture pkg={pkg} />
          <GapsAndRisks pkg={pkg} />
          <Actions pkg={pkg} />
          <Evidence pkg={pkg} />
          <TacticalOptions pkg={pkg} />
        </div>
        <aside className="pkg-side" aria-label="Priority and review">
          <section className="pkg-section" id="priority" aria-labelledby="priority-h">
            <header><h2 id="priority-h">Priority</h2></header>
            {target.priority ? (
              <PriorityBreakdown priority={target.priority} idPrefix="prio" />
            ) : (
              <p className="empty">Not assessed yet: no score. Record the assessment below to score and rank this target.</p>
            )}
            {target.assessment && (
              <p className="muted small">Assessed by {target.assessment.assessedBy}, {formatDateTime(target.assessment.assessedAt)}: “{target.assessment.rationale}”</p>
            )}
            {mayAssess(roles) && (
              <details className="assess-details no-print" open={!target.assessment}>
                <summary>{target.assessment ? (maySetOrganisationalPosition(roles) ? 'Set the organisational position' : 'Rescore') : 'Record the assessment'}</summary>
                <AssessmentForm key={`a-${target.version}`} target={target} roles={roles} onDone={afterChange} onReload={afterChange} />
              </details>
            )}
          </section>

          <section className="pkg-section no-print" id="review" aria-labelledby="review-h">
            <header><h2 id="review-h">Review</h2></header>
            {recorded && (
              <p role="status" className="form-ok">
                Decision recorded in the policy file.{' '}
                <Link to={`/targets?view=policy${recorded.decisionId ? `#${recorded.decisionId}` : ''}`}>Open the policy file</Link>
              </p>
            )}
            <ReviewForm target={target} roles={roles}
              onDone={(decisionId) => { setRecorded({ decisionId }); void afterChange(); }}
              onReload={() => void afterChange()} />
          </section>

          <section className="pkg-section" id="history" aria-labelledby="history-h">
            <header>
              <h2 id="history-h">Review history<span className="count">{target.reviews.length}</span></h2>
              <Link className="small" to="/targets?view=policy">Policy file</Link>
            </header>
            <ReviewHistory target={target} />
          </section>
        </aside>
      </div>
    </div>
  );
}

function reportName(target: TargetNode): string {
  const name = target.package.subject.label.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `target-package-${name || target.id}.html`;
}

function ReportButtons({ target }: { target: TargetNode }) {
  const [busy, setBusy] = useState<'open' | 'save' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const path = `/reports/targets/${encodeURIComponent(target.id)}.html`;

  const open = async () => {
    setError(null);
    // Open the tab now, while the click still counts as the user's; fill it when the report arrives.
    const tab = window.open('', '_blank');
    setBusy('open');
    try {
      const blob = await fetchDocument(path);
      if (!tab) {
        // The browser refused a new tab: offer the file instead.
        saveBlob(blob, reportName(target));
        return;
      }
      await showReport(tab, blob);
    } catch (e) {
      tab?.close();
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  const save = async () => {
    setError(null);
    setBusy('save');
    try {
      const blob = await fetchDocument(path);
      saveBlob(blob, reportName(target));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="pkg-actions no-print">
      <button type="button" onClick={() => void open()} disabled={busy !== null}>{busy === 'open' ? 'Opening…' : 'Open printable report'}</button>
      <button type="button" onClick={() => void save()} disabled={busy !== null}>{busy === 'save' ? 'Downloading…' : 'Download report'}</button>
      <button type="button" onClick={() => window.print()}>Print</button>
      {error && <p role="alert" className="error small">Could not fetch the report: {error}</p>}
    </div>
  );
}
