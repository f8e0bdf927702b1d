// The chain as text: each record on one line (intelligence always with its
// markings), the chains behind an exhibit as ordered lists, what an item
// led to as a tree, and every step as a table.
import { Link, useSearchParams } from 'react-router-dom';
import { ItemMarkings } from '../components/Badges';
import { gradeWords } from '../provenance/LinkProvenance';
import { enumLabel, formatDate, formatDateTime } from '../entity/format';
import type { EvidenceTraceNodeFragment } from '../gql/graphql';
import { recordHref } from './links';
import { chains, forwardTree, orderedEdges, recordKind, recordRef, relationPhrase, type TraceGraph, type TreeNode } from './trace';

export type TraceNode = EvidenceTraceNodeFragment;
export type Graph = TraceGraph<TraceNode>;

/** One record of a trace: kind, reference (a link when it has a trace of its own), what it is, and markings. */
export function RecordLine({ node, isRoot }: { node: TraceNode; isRoot?: boolean }) {
  const [params] = useSearchParams();
  const href = isRoot ? null : recordHref(params, node);
  const ref = recordRef(node);
  return (
    <span className={`ev-record ev-record-${(node.__typename ?? '').toLowerCase()}`}>
      <span className="ev-kind">{recordKind(node.__typename)}</span>
      {href ? <Link to={href} className="ev-ref">{ref}</Link> : <span className="ev-ref">{ref}</span>}
      {isRoot && <span className="ev-here">this record</span>}
      <RecordDetail node={node} />
    </span>
  );
}

function RecordDetail({ node }: { node: TraceNode }) {
  switch (node.__typename) {
    case 'IntelligenceItem':
      return (
        <>
          <ItemMarkings classification={node.classification} grading={node.grading} />
          <span className="ev-detail">
            <span title={gradeWords(node.grading)}>{gradeWords(node.grading).replace(/^[^:]+: /, '')}</span>
            {' · '}{enumLabel(node.sourceType)} · received {formatDateTime(node.receivedAt)}
          </span>
          <span className="ev-text">{node.sanitisedText}</span>
        </>
      );
    case 'Action':
      return (
        <span className="ev-detail">
          {node.title} <span className={`ev-status ev-status-${node.status.toLowerCase()}`}>{enumLabel(node.status)}</span>
          {node.allocatedTo && <span className="muted"> · {node.allocatedTo.name}</span>}
        </span>
      );
    case 'Exhibit':
      return (
        <span className="ev-detail">
          {enumLabel(node.kind)}: {node.description}
          {node.obtainedOn && <span className="muted"> · obtained {formatDate(node.obtainedOn)}</span>}
        </span>
      );
    case 'LineOfEnquiry':
      return <span className="ev-detail">{node.title} <span className="muted">({enumLabel(node.loeStatus)})</span></span>;
    case 'Decision':
      return <span className="ev-detail">{node.decision} <span className="muted">· {formatDateTime(node.madeAt)}</span></span>;
    default:
      return null;
  }
}

/** The chains behind a record, each as an ordered list from where it started to the record. */
export function BackChains({ graph, rootId }: { graph: Graph; rootId: string }) {
  const { paths, cut } = chains(graph, rootId, 'back');
  if (paths.length === 0) return null;
  return (
    <div className="ev-chains">
      {paths.map((path, i) => (
        <section key={path.join('>')} className="ev-chain" aria-label={paths.length > 1 ? `Chain ${i + 1} of ${paths.length}` : 'Chain'}>
          {paths.length > 1 && <h4>Chain {i + 1} of {paths.length}</h4>}
          <ol className="ev-chain-list">
            {path.map((id, j) => {
              const node = graph.nodes.get(id)!;
              const next = path[j + 1];
              const edge = next ? graph.downstream.get(id)!.find((e) => e.target === next) : undefined;
              return (
                <li key={id}>
                  <RecordLine node={node} isRoot={id === rootId} />
                  {edge && <span className="ev-arrow" aria-label={`which ${relationPhrase(edge.relation)}`}>{edge.verb} ↓</span>}
                </li>
              );
            })}
          </ol>
        </section>
      ))}
      {cut && <p className="muted">More chains than are listed here.</p>}
    </div>
  );
}

/** What a record led to, as a tree (a record reached twice is listed again without its subtree). */
export function ForwardTree({ graph, rootId }: { graph: Graph; rootId: string }) {
  const tree = forwardTree(graph, rootId);
  if (!tree) return null;
  return (
    <ul className="ev-tree" aria-label="What it led to">
      <TreeItem graph={graph} node={tree} rootId={rootId} />
    </ul>
  );
}

function TreeItem({ graph, node, rootId }: { graph: Graph; node: TreeNode; rootId: string }) {
  const rec = graph.nodes.get(node.id)!;
  return (
    <li>
      {node.verb && <span className="ev-verb">{node.verb}</span>}
      <RecordLine node={rec} isRoot={node.id === rootId} />
      {node.repeat && <span className="muted"> (also listed above)</span>}
      {node.children.length > 0 && (
        <ul>
          {node.children.map((c) => <TreeItem key={`${c.id}-${c.relation}`} graph={graph} node={c} rootId={rootId} />)}
        </ul>
      )}
    </li>
  );
}

/** Every step of the trace as a table, earliest record first. */
export function StepsTable({ graph, caption }: { graph: Graph; caption: string }) {
  const edges = orderedEdges(graph);
  if (edges.length === 0) return null;
  return (
    <details className="ev-steps">
      <summary>All {edges.length} {edges.length === 1 ? 'step' : 'steps'} as a table</summary>
      <table>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr><th scope="col">Earlier record</th><th scope="col">Step</th><th scope="col">Later record</th></tr>
        </thead>
        <tbody>
          {edges.map((e) => {
            const a = graph.nodes.get(e.source)!;
            const b = graph.nodes.get(e.target)!;
            return (
              <tr key={`${e.source}>${e.target}>${e.relation}`}>
                <td>{recordKind(a.__typename)} {recordRef(a)}</td>
                <td>{relationPhrase(e.relation)}</td>
                <td>{recordKind(b.__typename)} {recordRef(b)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}

/** What a trace cannot show: records the caller may not see (simply absent), and the bounds. */
export function TraceNotes({ truncated }: { truncated: boolean }) {
  return (
    <p className="ev-note">
      Items you may not see are not shown.
      {truncated && <strong> The chain is longer than Keyline follows (12 steps, 500 records): it is cut short here.</strong>}
    </p>
  );
}
