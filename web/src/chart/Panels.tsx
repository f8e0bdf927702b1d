// The panels beside the canvas: the accessible lists of entities and links
// (the canvas itself is not keyboard accessible), the answers of the last
// question, the selection's timeline and the time slider.
import { memo, useDeferredValue, useMemo, useState } from 'react';
import { ItemMarkings, LinkMarkings } from '../components/Badges';
import type { ChartTimelineEntryFragment } from '../gql/graphql';
import { linkMarking, markingText, type SourceLike } from './markings';
import {
  COMMUNITY_COLOURS, KIND_LABEL, linkTypeLabel, measureOf,
  type ChartEdge, type ChartNode, type ChartState, type Measure,
} from './model';
import { KIND_STYLE } from './style';
import type { Results, TimelinePanel } from './store';
import { dayToMs, daySteps, isoDay, type Span } from './timeWindow';

export function KindGlyph({ kind }: { kind: ChartNode['kind'] }) {
  const s = KIND_STYLE[kind];
  return <span className={`kind-glyph kind-${kind}`} style={{ background: s.colour }} aria-hidden="true">{s.glyph}</span>;
}

/** The markings of a link from its visible sources; exhibits (no marking of their own) are counted, never graded. */
export function EdgeMarkings({ sources }: { sources: readonly SourceLike[] }) {
  const m = linkMarking(sources);
  if (m.graded === 0) {
    return <span className="badge badge-none" title={markingText(m)}>{m.ungraded ? 'exhibit only' : 'no visible source'}</span>;
  }
  const marked = sources
    .filter((s) => s.classification || s.grading)
    .map((s) => ({ classification: s.classification ?? undefined, grading: s.grading ? { code: '', handling: s.grading.handling, conditions: s.grading.conditions } : null }));
  return <LinkMarkings sources={marked} />;
}

function fmtDate(s: string | null | undefined): string {
  return s ? s.slice(0, 10) : '?';
}

export function seenText(e: { firstSeen: string | null; lastSeen: string | null }): string {
  if (!e.firstSeen && !e.lastSeen) return 'undated';
  if (e.firstSeen === e.lastSeen || !e.lastSeen || !e.firstSeen) return fmtDate(e.firstSeen ?? e.lastSeen);
  return `${fmtDate(e.firstSeen)} – ${fmtDate(e.lastSeen)}`;
}

// --- Entities on chart ---

const EntityRow = memo(function EntityRow({ node, checked, frontier, hidden, pinned, onToggle, onOpen }: {
  node: ChartNode; checked: boolean; frontier: boolean; hidden: boolean; pinned: boolean;
  onToggle: (id: string, on: boolean) => void; onOpen: (id: string) => void;
}) {
  return (
    <li className={checked ? 'selected' : undefined}>
      <label>
        <input type="checkbox" checked={checked} onChange={(e) => onToggle(node.id, e.target.checked)} />
        <KindGlyph kind={node.kind} />
        <span className="entity-name" title={`${node.label} (${KIND_LABEL[node.kind]})`}>{node.label} ({KIND_LABEL[node.kind]})</span>
      </label>
      <span className="row-flags">
        {frontier && <span className="flag flag-frontier" title="On the frontier: not all its links were followed">more links</span>}
        {pinned && <span className="flag" title="Pinned">pinned</span>}
        {hidden && <span className="flag" title="Hidden on the canvas">hidden</span>}
      </span>
      <button type="button" className="icon-btn" aria-label={`Details of ${node.label}`} title="Details" onClick={() => onOpen(node.id)}>i</button>
    </li>
  );
});

export function EntityList({ chart, selection, onToggle, onSelectAll, onOpen }: {
  chart: ChartState; selection: readonly string[];
  onToggle: (id: string, on: boolean) => void; onSelectAll: (on: boolean) => void; onOpen: (id: string) => void;
}) {
  const [filter, setFilter] = useState('');
  const selected = useMemo(() => new Set(selection), [selection]);
  // A large answer draws on the canvas first; the list follows in a background render.
  const chartNodes = useDeferredValue(chart.nodes);
  const nodes = useMemo(() => {
    const all = Object.values(chartNodes);
    const f = filter.trim().toLowerCase();
    const list = f ? all.filter((n) => n.label.toLowerCase().includes(f) || KIND_LABEL[n.kind].toLowerCase().includes(f)) : all;
    return list.sort((a, b) => a.kind.localeCompare(b.kind) || a.label.localeCompare(b.label));
  }, [chartNodes, filter]);
  const total = Object.keys(chart.nodes).length;
  return (
    <section className="side-section entity-list" aria-labelledby="entities-heading">
      <div className="side-head">
        <h2 id="entities-heading">Entities on chart <span className="count">{total}</span></h2>
        <span className="muted small">{selection.length} selected</span>
      </div>
      <div className="list-tools">
        <label className="sr-only" htmlFor="entity-filter">Filter entities</label>
        <input id="entity-filter" type="search" placeholder="Filter entities" value={filter} onChange={(e) => setFilter(e.target.value)} />
        <button type="button" onClick={() => onSelectAll(true)} disabled={total === 0}>Select all</button>
        <button type="button" onClick={() => onSelectAll(false)} disabled={selection.length === 0}>Select none</button>
      </div>
      {total === 0 ? (
        <p className="muted small empty">No entities yet. Search above and choose “Add to chart”, or open a saved chart.</p>
      ) : (
        <ul className="rows" aria-label="Entities on chart">
          {nodes.map((n) => (
            <EntityRow
              key={n.id} node={n} checked={selected.has(n.id)}
              frontier={!!chart.frontier[n.id]} hidden={!!chart.hidden[n.id]} pinned={!!chart.pinned[n.id]}
              onToggle={onToggle} onOpen={onOpen}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

// --- Links ---

const PAGE = 100;

export function LinkList({ chart, selection, outOfWindow, onOpen }: {
  chart: ChartState; selection: readonly string[]; outOfWindow: ReadonlySet<string>; onOpen: (id: string) => void;
}) {
  const [shown, setShown] = useState(PAGE);
  const sel = useMemo(() => new Set(selection), [selection]);
  const chartEdges = useDeferredValue(chart.edges);
  const edges = useMemo(() => {
    const all = Object.values(chartEdges);
    return sel.size ? all.filter((e) => sel.has(e.source) || sel.has(e.target)) : all;
  }, [chartEdges, sel]);
  const label = (id: string) => chart.nodes[id]?.label ?? id;
  return (
    <section className="side-section link-list" aria-labelledby="links-heading">
      <div className="side-head">
        <h2 id="links-heading">Links <span className="count">{edges.length}</span></h2>
        <span className="muted small">{sel.size ? 'of the selection' : 'all on chart'}</span>
      </div>
      {edges.length === 0 ? <p className="muted small empty">No links.</p> : (
        <ul className="rows" aria-label="Links on chart">
          {edges.slice(0, shown).map((e) => (
            <LinkRow key={e.id} edge={e} from={label(e.source)} to={label(e.target)} hidden={!!chart.hidden[e.id]} outside={outOfWindow.has(e.id)} onOpen={onOpen} />
          ))}
        </ul>
      )}
      {edges.length > shown && (
        <button type="button" className="more" onClick={() => setShown((n) => n + PAGE * 5)}>Show more links ({edges.length - shown} more)</button>
      )}
    </section>
  );
}

const LinkRow = memo(function LinkRow({ edge, from, to, hidden, outside, onOpen }: {
  edge: ChartEdge; from: string; to: string; hidden: boolean; outside: boolean; onOpen: (id: string) => void;
}) {
  return (
    <li className={outside || hidden ? 'dim' : undefined}>
      <div className="link-line">
        <span className="link-end">{from}</span>
        <span className="link-type">{linkTypeLabel(edge.type)}{edge.kind ? ` (${edge.kind})` : ''}{edge.count ? ` ×${edge.count}` : ''}</span>
        <span className="link-end">{to}</span>
      </div>
      <div className="link-meta">
        <EdgeMarkings sources={edge.sources} />
        <span className="muted small">{seenText(edge)} · conf. {edge.confidence.toFixed(2)}{outside ? ' · outside time window' : ''}{hidden ? ' · hidden' : ''}</span>
        <button type="button" className="link-btn" aria-label={`Provenance of ${linkTypeLabel(edge.type)} link, ${from} to ${to}`} onClick={() => onOpen(edge.id)}>Provenance</button>
      </div>
    </li>
  );
});

// --- Answers ---

export function ResultsPanel({ results, chart, measure, onFocus, onSelectEntity }: {
  results: Results; chart: ChartState; measure: Measure;
  onFocus: (label: string, nodes: string[], edges: string[]) => void;
  onSelectEntity: (id: string) => void;
}) {
  const label = (id: string) => chart.nodes[id]?.label ?? id;
  switch (results.kind) {
    case 'added':
      return (
        <section className="side-section results" aria-labelledby="results-heading">
          <h2 id="results-heading">Added</h2>
          <p className="small">{results.count} entit{results.count === 1 ? 'y' : 'ies'} added with the links among them and the chart.{results.missing ? ` ${results.missing} could not be found or are not yours to see.` : ''}</p>
        </section>
      );
    case 'network':
      return (
        <section className="side-section results" aria-labelledby="results-heading">
          <h2 id="results-heading">Expansion</h2>
          <p className="small">{results.nodes} entities and {results.links} links returned.</p>
          {results.truncated
            ? <p className="warn small" role="status">Truncated: the node budget cut the expansion short. {results.frontier} frontier entit{results.frontier === 1 ? 'y has' : 'ies have'} links not followed (dashed amber ring).</p>
            : <p className="small muted">Not truncated: every link within the hops and filter was followed.</p>}
        </section>
      );
    case 'paths': {
      const r = results.result;
      return (
        <section className="side-section results" aria-labelledby="results-heading">
          <h2 id="results-heading">Paths <span className="count">{r.paths.length}</span></h2>
          {r.truncated && <p className="warn small" role="status">Truncated: more routes exist than were returned.</p>}
          {r.paths.length === 0 && <p className="small">No path within the hops and filter.</p>}
          <ol className="paths">
            {r.paths.map((p, i) => (
              <li key={i}>
                <div className="path-head">
                  <strong>Path {i + 1}</strong> <span className="muted small">{p.length} step{p.length === 1 ? '' : 's'}</span>
                  <button type="button" className="link-btn" onClick={() => onFocus(`Path ${i + 1}`, p.nodes.map((n) => n.id), p.links.map((l) => l.id))}>Highlight path {i + 1}</button>
                </div>
                <ol className="steps">
                  {p.links.map((l, j) => (
                    <li key={l.id + j}>
                      <span>{p.nodes[j]?.label}</span>{' '}
                      <span className="link-type">{linkTypeLabel(l.type)}{l.from.id !== p.nodes[j]?.id ? ' (reversed)' : ''}</span>{' '}
                      <span>{p.nodes[j + 1]?.label}</span>{' '}
                      <EdgeMarkings sources={l.sources} />
                    </li>
                  ))}
                </ol>
              </li>
            ))}
          </ol>
        </section>
      );
    }
    case 'common': {
      const r = results.result;
      return (
        <section className="side-section results" aria-labelledby="results-heading">
          <h2 id="results-heading">Common associates <span className="count">{r.shared.length}</span></h2>
          {r.shared.length === 0 && <p className="small">Nothing shared by two or more of them.</p>}
          <ul className="plain">
            {r.shared.map((s) => (
              <li key={s.entity.id}>
                <button type="button" className="link-btn" onClick={() => onSelectEntity(s.entity.id)}>{s.entity.label}</button>{' '}
                <span className="muted small">linked to {s.count}: {s.linkedTo.map(label).join('; ')}</span>
              </li>
            ))}
          </ul>
          <h3>Mentioned together <span className="count">{r.coMentions.length}</span></h3>
          {r.coMentions.length === 0 ? <p className="small muted">No intelligence item you may see mentions two or more of them.</p> : (
            <ul className="plain comentions" aria-label="Co-mentions">
              {r.coMentions.map((c) => (
                <li key={c.item.id}>
                  <div><strong>{c.item.urn}</strong> <ItemMarkings classification={c.item.classification} grading={c.item.grading} /></div>
                  <div className="small">{c.item.sanitisedText.length > 220 ? `${c.item.sanitisedText.slice(0, 219)}…` : c.item.sanitisedText}</div>
                  <div className="muted small">Mentions {c.entityIds.map(label).join('; ')}</div>
                </li>
              ))}
            </ul>
          )}
        </section>
      );
    }
    case 'colocation':
      return (
        <section className="side-section results" aria-labelledby="results-heading">
          <h2 id="results-heading">Co-location <span className="count">{results.meetings.length}</span></h2>
          {results.meetings.length === 0 && <p className="small">No one was together within the period.</p>}
          <ol className="plain meetings" aria-label="Meetings">
            {results.meetings.map((m, i) => (
              <li key={i}>
                <div><strong>{m.place.label}</strong></div>
                <div className="small">{m.firstSeen === m.lastSeen ? (m.firstSeen ?? '').replace('T', ' ').slice(0, 16) : `${(m.firstSeen ?? '?').replace('T', ' ').slice(0, 16)} – ${(m.lastSeen ?? '?').replace('T', ' ').slice(0, 16)}`}</div>
                <div className="muted small">{m.entities.map((e) => e.label).join('; ')}</div>
                <button type="button" className="link-btn" onClick={() => onFocus(`Meeting at ${m.place.label}`, [m.place.id, ...m.entities.map((e) => e.id)], [])}>Highlight meeting {i + 1}</button>
              </li>
            ))}
          </ol>
        </section>
      );
    case 'keyPlayers':
      return <KeyPlayersTable results={results} measure={measure} onSelectEntity={onSelectEntity} />;
  }
}

const MEASURES: { key: Measure; label: string; short: string }[] = [
  { key: 'DEGREE', label: 'Degree', short: 'Degree' },
  { key: 'BETWEENNESS', label: 'Betweenness', short: 'Betw.' },
  { key: 'CLOSENESS', label: 'Closeness', short: 'Close.' },
  { key: 'EIGENVECTOR', label: 'Eigenvector', short: 'Eigen.' },
];

function KeyPlayersTable({ results, measure, onSelectEntity }: {
  results: Extract<Results, { kind: 'keyPlayers' }>; measure: Measure; onSelectEntity: (id: string) => void;
}) {
  const r = results.result;
  const ranked = useMemo(() => [...r.ranked].sort((a, b) => measureOf(b, measure) - measureOf(a, measure) || a.rank - b.rank), [r.ranked, measure]);
  return (
    <section className="side-section results" aria-labelledby="results-heading">
      <h2 id="results-heading">Key players</h2>
      <p className="small">
        {results.scope}: {r.nodeCount} entities, {r.linkCount} linked pairs analysed. Ranked by {r.rankedBy.toLowerCase()}
        {measure !== r.rankedBy ? `, sorted and sized by ${measure.toLowerCase()}` : ''}.
      </p>
      <p className="small"><strong>Modularity Q = {r.modularity.toFixed(3)}</strong> <span className="muted">({r.communities.length} communities; above about 0.3 suggests real structure)</span></p>
      {r.truncated && <p className="warn small" role="status">Truncated: the node budget cut the network analysed short.</p>}
      <div className="table-scroll">
        <table aria-label="Key players" className="kp-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Entity</th>
              <th scope="col" title="Community">Com.</th>
              {MEASURES.map((m) => <th scope="col" key={m.key} className={m.key === measure ? 'sorted' : undefined} aria-sort={m.key === measure ? 'descending' : undefined} ><span aria-hidden="true" title={m.label}>{m.short}</span><span className="sr-only">{m.label}</span></th>)}
            </tr>
          </thead>
          <tbody>
            {ranked.map((k, i) => (
              <tr key={k.entity.id}>
                <td>{i + 1}</td>
                <td><button type="button" className="link-btn" onClick={() => onSelectEntity(k.entity.id)} title={k.entity.label}>{k.entity.label.length > 40 ? `${k.entity.label.slice(0, 39)}…` : k.entity.label}</button></td>
                <td><span className="swatch" style={{ background: COMMUNITY_COLOURS[k.community % COMMUNITY_COLOURS.length] }} aria-hidden="true" />{k.community}</td>
                <td className={measure === 'DEGREE' ? 'sorted' : undefined} title={`Degree centrality ${k.degreeCentrality.toFixed(3)}`}>{k.degree}</td>
                <td className={measure === 'BETWEENNESS' ? 'sorted' : undefined}>{k.betweenness.toFixed(3)}</td>
                <td className={measure === 'CLOSENESS' ? 'sorted' : undefined}>{k.closeness.toFixed(3)}</td>
                <td className={measure === 'EIGENVECTOR' ? 'sorted' : undefined}>{k.eigenvector.toFixed(3)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

// --- Timeline of the selection ---

export function TimelineView({ timeline, chart, onAdd, onClose, onOpenLink }: {
  timeline: TimelinePanel; chart: ChartState; onAdd: () => void; onClose: () => void; onOpenLink: (id: string) => void;
}) {
  const label = (id: string) => chart.nodes[id]?.label ?? id;
  return (
    <section className="side-section timeline" aria-labelledby="timeline-heading">
      <div className="side-head">
        <h2 id="timeline-heading">Timeline <span className="count">{timeline.entries.length}</span></h2>
        <span>
          <button type="button" onClick={onAdd} disabled={timeline.entries.length === 0}>Add timeline to chart</button>{' '}
          <button type="button" onClick={onClose} aria-label="Close timeline">×</button>
        </span>
      </div>
      <p className="muted small">Events and contacts of {timeline.entityIds.map(label).join('; ')}, in time order.</p>
      {timeline.entries.length === 0 ? <p className="small">No dated events or contacts.</p> : (
        <ol className="plain tl-entries" aria-label="Timeline entries">
          {timeline.entries.map((t, i) => <TimelineRow key={i} t={t} onOpenLink={onOpenLink} />)}
        </ol>
      )}
    </section>
  );
}

function TimelineRow({ t, onOpenLink }: { t: ChartTimelineEntryFragment; onOpenLink: (id: string) => void }) {
  return (
    <li className={`tl tl-${t.entry.toLowerCase()}`}>
      <time dateTime={t.at}>{t.at.replace('T', ' ').slice(0, 16)}</time>
      {t.event ? (
        <span><span className="tl-kind">{t.event.kind.toLowerCase().replace('_', ' ')}</span> {t.event.summary}</span>
      ) : t.link ? (
        <span>
          <span className="tl-kind">contact</span> {t.link.from.label} → {t.link.to.label}{t.link.count && t.link.count > 1 ? ` (${t.link.count} contacts on this link)` : ''}{' '}
          <EdgeMarkings sources={t.link.sources} />{' '}
          <button type="button" className="link-btn" onClick={() => onOpenLink(t.link!.id)}>Provenance</button>
        </span>
      ) : <span>{t.entry}</span>}
    </li>
  );
}

// --- Time slider ---

export function TimeSlider({ span, window, hiddenCount, onChange }: {
  span: Span | null; window: { from: number | null; to: number | null }; hiddenCount: number;
  onChange: (w: { from: number | null; to: number | null }) => void;
}) {
  if (!span) {
    return (
      <fieldset className="time-slider" disabled>
        <legend>Time window</legend>
        <span className="muted small">No dated links on the chart.</span>
      </fieldset>
    );
  }
  const { first, days } = daySteps(span);
  const fromDay = window.from === null ? 0 : Math.max(0, Math.min(days, Math.floor((window.from - first) / 86_400_000)));
  const toDay = window.to === null ? days : Math.max(0, Math.min(days, Math.floor((window.to - first) / 86_400_000)));
  const set = (f: number, t: number) => onChange({
    from: f <= 0 ? null : dayToMs(first, f),
    to: t >= days ? null : dayToMs(first, t, true),
  });
  return (
    <fieldset className="time-slider">
      <legend className="ts-legend">Time window</legend>
      <span className="ts-title" aria-hidden="true">Time window</span>
      <label className="ts-field">
        <span>From</span>
        <input type="range" min={0} max={days} step={1} value={fromDay} aria-valuetext={isoDay(dayToMs(first, fromDay))}
          onChange={(e) => { const v = Number(e.target.value); set(v, Math.max(v, toDay)); }} />
        <output>{isoDay(dayToMs(first, fromDay))}</output>
      </label>
      <label className="ts-field">
        <span>To</span>
        <input type="range" min={0} max={days} step={1} value={toDay} aria-valuetext={isoDay(dayToMs(first, toDay))}
          onChange={(e) => { const v = Number(e.target.value); set(Math.min(fromDay, v), v); }} />
        <output>{isoDay(dayToMs(first, toDay))}</output>
      </label>
      <span className="small muted ts-note">{hiddenCount ? `${hiddenCount} link${hiddenCount === 1 ? '' : 's'} hidden` : 'all links shown'}</span>
      <button type="button" onClick={() => onChange({ from: null, to: null })} disabled={window.from === null && window.to === null}>Full span</button>
    </fieldset>
  );
}

export function Legend() {
  return (
    <div className="chart-legend" aria-hidden="true">
      {(Object.keys(KIND_STYLE) as ChartNode['kind'][]).map((k) => (
        <span key={k} className="lg"><KindGlyph kind={k} />{KIND_LABEL[k]}</span>
      ))}
      <span className="lg"><span className="lg-line lg-c" />handling C source</span>
      <span className="lg"><span className="lg-ring" />frontier</span>
    </div>
  );
}

