// The analyst's link chart: questions asked of the API (expand, paths,
// common associates, co-location, key players, timeline) drawn with
// cytoscape, hand edits with undo, the accessible lists beside the canvas,
// save (the question, not the hand edits) and exports.
//
// URL: /chart?add=<id>[,<id>...] adds entities; /chart?saved=<id> opens a
// saved search. The chart lives in the module-level store (./store), so it
// survives visiting an entity page and coming back.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, fetchDocument, gql, saveBlob } from '../api/client';
import { useOperation } from '../operation';
import { EntityCard } from '../entity/EntityCard';
import { LinkProvenance } from '../provenance/LinkProvenance';
import type { SavedSearchKind } from '../gql/graphql';
import { ChartCanvas, markDataArrived, type ChartCanvasHandle, type LayoutName } from './ChartCanvas';
import {
  clearHighlight, counts, emptyChart, fromCoLocation, fromCommonLinks, fromEntities, fromKeyPlayers, fromNetwork,
  fromPaths, fromTimeline, group, hide, keyPlayerOverlay, merge, removeElements, showHidden, togglePin, ungroup,
  type ApiLink, type ChartState, type Fragment, type Question, toEdge,
} from './model';
import {
  ChartCommonLinksDocument, ChartCoLocationDocument, ChartKeyPlayersDocument, ChartLinksAmongDocument, ChartNetworkDocument,
  ChartNodesDocument, ChartPathsDocument, ChartSavedCoLocationDocument, ChartSavedCommonLinksDocument, ChartSavedKeyPlayersDocument,
  ChartSavedNetworkDocument, ChartSavedPathsDocument, ChartSavedSearchInfoDocument, ChartSavedTimelineDocument,
  ChartSaveSearchDocument, ChartTimelineDocument,
} from './queries';
import {
  coLocationInput, commonLinksInput, keyPlayersInput, networkInput, pathsInput, settingsProblem,
} from './settings';
import { SettingsForm } from './SettingsForm';
import {
  EdgeMarkings, EntityList, Legend, LinkList, ResultsPanel, TimeSlider, TimelineView, seenText,
} from './Panels';
import { commit, getStore, replacePresent, setStore, undo, useChartStore, type Results } from './store';
import { outsideWindow, timeSpan } from './timeWindow';
import { describeQuestion, exportPath, exportPlan, fileName, MAX_SEEDS, type ExportFormat } from './question';
import { linkTypeLabel } from './model';
import './chart.css';

type Panel = { kind: 'entity'; id: string } | { kind: 'link'; id: string } | null;

/** Links among entities on the chart (each entity's links, kept where both ends are charted). */
async function linksAmong(ids: string[], charted: (id: string) => boolean): Promise<ApiLink[]> {
  const out = new Map<string, ApiLink>();
  const chunk = 25;
  for (let i = 0; i < ids.length; i += chunk) {
    const { nodes } = await gql(ChartLinksAmongDocument, { ids: ids.slice(i, i + chunk), first: 100 });
    for (const n of nodes) {
      if (!n || !('links' in n)) continue;
      for (const { node: l } of n.links.edges) {
        if (charted(l.from.id) && charted(l.to.id)) out.set(l.id, l);
      }
    }
  }
  return [...out.values()];
}

/** Adds to a fragment the links among its new entities and the chart's. */
async function withLinksAmong(base: ChartState, frag: Fragment): Promise<Fragment> {
  const fresh = frag.nodes.filter((n) => !base.nodes[n.id]).map((n) => n.id);
  if (fresh.length === 0 || fresh.length > 600) return frag;
  const inFrag = new Set(frag.nodes.map((n) => n.id));
  const links = await linksAmong(fresh, (id) => inFrag.has(id) || !!base.nodes[id]);
  const have = new Set(frag.edges.map((e) => e.id));
  return { ...frag, edges: [...frag.edges, ...links.filter((l) => !have.has(l.id)).map(toEdge)] };
}

function message(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  return e instanceof Error ? e.message : String(e);
}

export function ChartPage() {
  const queries = useQueryClient();
  const chart = useChartStore((s) => s.history.present);
  const canUndo = useChartStore((s) => s.history.past.length > 0);
  const selection = useChartStore((s) => s.selection);
  const selectedEdges = useChartStore((s) => s.selectedEdges);
  const timeWindow = useChartStore((s) => s.window);
  const results = useChartStore((s) => s.results);
  const timeline = useChartStore((s) => s.timeline);
  const settings = useChartStore((s) => s.settings);
  const { operation } = useOperation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const canvas = useRef<ChartCanvasHandle>(null);
  const [layout, setLayout] = useState<LayoutName>('fcose');
  // Kept in the store, so an answer arriving after this page was re-mounted still shows.
  const busy = useChartStore((s) => s.busy);
  const error = useChartStore((s) => s.error);
  const notice = useChartStore((s) => s.notice);
  const saved = useChartStore((s) => s.saved);
  const setSaved = (v: { id: string; name: string } | null) => setStore({ saved: v });
  const [panel, setPanel] = useState<Panel>(null);
  const [chartName, setChartName] = useState('');
  const [showSettings, setShowSettings] = useState(false);

  const run = useCallback(async (label: string, fn: () => Promise<void>) => {
    setStore({ busy: label, error: null, notice: null });
    const before = getStore().history.present;
    canvas.current?.busy();
    try {
      await fn();
    } catch (e) {
      setStore({ error: `${label}: ${message(e)}` });
    } finally {
      setStore({ busy: null });
      // A changed chart is marked ready by the canvas when drawn and laid out.
      if (getStore().history.present === before) canvas.current?.idle();
    }
  }, []);

  // --- Questions ---

  const addEntities = useCallback((ids: string[]) => run('Add to chart', async () => {
    const { nodes } = await gql(ChartNodesDocument, { ids });
    const found = nodes.filter((n): n is NonNullable<typeof n> & { id: string; label: string } => !!n && 'id' in n && 'label' in n);
    const base = getStore().history.present;
    const frag = await withLinksAmong(base, fromEntities(found));
    markDataArrived();
    commit((c) => merge(c, frag, { question: null }));
    setStore({ results: { kind: 'added', count: found.length, missing: ids.length - found.length }, selection: found.map((n) => n.id) });
  }), [run]);

  const openSaved = useCallback((id: string) => run('Open saved chart', async () => {
    const info = await gql(ChartSavedSearchInfoDocument, { id });
    const s = info.node && 'kind' in info.node ? info.node : null;
    if (!s) throw new ApiError(`No saved search ${id} that you may see.`, 'NOT_FOUND', 404);
    let input: Record<string, unknown> = {};
    try { input = JSON.parse(s.parameters) as Record<string, unknown>; } catch { /* kept empty: Save will refuse */ }
    const question: Question = { kind: s.kind, input };
    let frag: Fragment;
    let res: Results | null = null;
    let timelineEntries = null;
    switch (s.kind as SavedSearchKind) {
      case 'NETWORK': {
        const r = await gql(ChartSavedNetworkDocument, { id });
        if (r.runSavedSearch.__typename !== 'Network') throw new Error('unexpected answer');
        frag = fromNetwork(r.runSavedSearch);
        res = { kind: 'network', nodes: r.runSavedSearch.nodes.length, links: r.runSavedSearch.links.length, truncated: r.runSavedSearch.truncated, frontier: r.runSavedSearch.frontier.length };
        break;
      }
      case 'PATHS': {
        const r = await gql(ChartSavedPathsDocument, { id });
        if (r.runSavedSearch.__typename !== 'PathsResult') throw new Error('unexpected answer');
        frag = fromPaths(r.runSavedSearch);
        res = { kind: 'paths', result: r.runSavedSearch };
        break;
      }
      case 'COMMON_LINKS': {
        const r = await gql(ChartSavedCommonLinksDocument, { id });
        if (r.runSavedSearch.__typename !== 'CommonLinks') throw new Error('unexpected answer');
        const commonLinks = r.runSavedSearch;
        const asked = Array.isArray(input.entityIds) ? (input.entityIds as string[]) : [];
        const { nodes } = asked.length ? await gql(ChartNodesDocument, { ids: asked }) : { nodes: [] };
        const c = fromCommonLinks(commonLinks);
        const a = fromEntities(nodes.filter((n): n is NonNullable<typeof n> & { id: string; label: string } => !!n && 'label' in n));
        frag = { ...c, nodes: [...a.nodes, ...c.nodes] };
        res = { kind: 'common', result: commonLinks, asked };
        break;
      }
      case 'KEY_PLAYERS': {
        const r = await gql(ChartSavedKeyPlayersDocument, { id });
        if (r.runSavedSearch.__typename !== 'KeyPlayers') throw new Error('unexpected answer');
        frag = await withLinksAmong(emptyChart(), fromKeyPlayers(r.runSavedSearch));
        res = { kind: 'keyPlayers', result: r.runSavedSearch, scope: input.operationId ? 'Whole operation' : 'Around the saved entities' };
        break;
      }
      case 'CO_LOCATION': {
        const r = await gql(ChartSavedCoLocationDocument, { id });
        if (r.runSavedSearch.__typename !== 'CoLocationResult') throw new Error('unexpected answer');
        frag = await withLinksAmong(emptyChart(), fromCoLocation(r.runSavedSearch.meetings));
        res = { kind: 'colocation', meetings: r.runSavedSearch.meetings };
        break;
      }
      case 'TIMELINE': {
        const r = await gql(ChartSavedTimelineDocument, { id });
        if (r.runSavedSearch.__typename !== 'TimelineResult') throw new Error('unexpected answer');
        frag = fromTimeline(r.runSavedSearch.entries);
        timelineEntries = r.runSavedSearch.entries;
        break;
      }
      default:
        throw new Error(`unknown saved search kind ${String(s.kind)}`);
    }
    markDataArrived();
    commit((c) => merge(c, frag, { replace: true, question }));
    setStore({
      results: res, selection: [], selectedEdges: [], window: { from: null, to: null },
      timeline: timelineEntries ? { entityIds: Array.isArray(input.entityIds) ? (input.entityIds as string[]) : [], entries: timelineEntries } : null,
    });
    setChartName(s.name);
    setStore({ saved: { id: s.id, name: s.name } });
  }), [run]);

  const expand = () => run('Expand', async () => {
    const problem = settingsProblem(settings);
    if (problem) throw new Error(problem);
    const input = networkInput(settings, selection.slice(0, MAX_SEEDS));
    const { network } = await gql(ChartNetworkDocument, { input });
    markDataArrived();
    commit((c) => merge(c, fromNetwork(network), { question: { kind: 'NETWORK', input } }));
    setStore({ results: { kind: 'network', nodes: network.nodes.length, links: network.links.length, truncated: network.truncated, frontier: network.frontier.length } });
  });

  const findPaths = () => run('Find paths', async () => {
    const problem = settingsProblem(settings);
    if (problem) throw new Error(problem);
    const input = pathsInput(settings, selection[0], selection[1]);
    const { paths } = await gql(ChartPathsDocument, { input });
    markDataArrived();
    commit((c) => merge(c, fromPaths(paths), { question: { kind: 'PATHS', input } }));
    setStore({ results: { kind: 'paths', result: paths } });
  });

  const commonAssociates = () => run('Common associates', async () => {
    const problem = settingsProblem(settings);
    if (problem) throw new Error(problem);
    const input = commonLinksInput(settings, selection.slice(0, 20));
    const { commonLinks } = await gql(ChartCommonLinksDocument, { input });
    markDataArrived();
    commit((c) => merge(c, fromCommonLinks(commonLinks), { question: { kind: 'COMMON_LINKS', input } }));
    setStore({ results: { kind: 'common', result: commonLinks, asked: input.entityIds } });
  });

  const coLocation = () => run('Co-location', async () => {
    if (!operation) throw new Error('Choose an operation first.');
    const base = getStore().history.present;
    const input = coLocationInput(settings, operation.id, selection.slice(0, 50), timeSpan(Object.values(base.edges)));
    const { coLocation: meetings } = await gql(ChartCoLocationDocument, { input });
    const frag = await withLinksAmong(base, fromCoLocation(meetings));
    markDataArrived();
    commit((c) => merge(c, frag, { question: { kind: 'CO_LOCATION', input } }));
    setStore({ results: { kind: 'colocation', meetings } });
  });

  const keyPlayers = () => run('Key players', async () => {
    const problem = settingsProblem(settings);
    if (problem) throw new Error(problem);
    const base = getStore().history.present;
    let scope: { operationId: string } | { seedIds: string[] };
    let scopeLabel: string;
    if (settings.keyPlayerScope === 'operation') {
      if (!operation) throw new Error('Choose an operation first.');
      scope = { operationId: operation.id };
      scopeLabel = `Whole operation ${operation.reference}`;
    } else {
      const seeds = selection.length ? selection : Object.keys(base.nodes);
      if (seeds.length === 0) throw new Error('Add entities to the chart, or choose “the whole operation” under Question settings.');
      if (seeds.length > MAX_SEEDS) throw new Error(`The analysis takes at most ${MAX_SEEDS} entities: select up to ${MAX_SEEDS}, or choose “the whole operation” under Question settings.`);
      scope = { seedIds: seeds };
      scopeLabel = `${seeds.length} ${selection.length ? 'selected' : 'charted'} entities, ${settings.hops} hop${settings.hops === 1 ? '' : 's'} out`;
    }
    const input = keyPlayersInput(settings, scope);
    const { keyPlayers: kp } = await gql(ChartKeyPlayersDocument, { input });
    const frag = await withLinksAmong(base, fromKeyPlayers(kp, settings.measure));
    markDataArrived();
    commit((c) => merge(c, frag, { question: { kind: 'KEY_PLAYERS', input } }));
    setStore({ results: { kind: 'keyPlayers', result: kp, scope: scopeLabel } });
  });

  const showTimeline = () => run('Timeline', async () => {
    const ids = selection.slice(0, 50);
    const { timeline: entries } = await gql(ChartTimelineDocument, { input: { entityIds: ids, includeContacts: true, limit: 500 } });
    setStore({ timeline: { entityIds: ids, entries } });
  });

  const addTimeline = () => {
    const t = getStore().timeline;
    if (!t) return;
    markDataArrived();
    commit((c) => merge(c, fromTimeline(t.entries), { question: { kind: 'TIMELINE', input: { entityIds: t.entityIds, includeContacts: true, limit: 500 } } }));
  };

  // The workspace fills the window below the app's top bar, whatever its height.
  const pageRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const fitHeight = () => {
      const el = pageRef.current;
      if (el) el.style.setProperty('--chart-top', `${Math.max(0, el.getBoundingClientRect().top + window.scrollY)}px`);
    };
    fitHeight();
    window.addEventListener('resize', fitHeight);
    return () => window.removeEventListener('resize', fitHeight);
  }, []);

  // --- URL: ?add= and ?saved= ---

  const search = params.toString();
  useEffect(() => {
    const store = getStore();
    if (!search) {
      if (store.handledSearch) setStore({ handledSearch: null });
      return;
    }
    if (store.handledSearch === search) return;
    setStore({ handledSearch: search });
    const add = (params.get('add') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const savedId = params.get('saved');
    if (savedId) void openSaved(savedId);
    else if (add.length) void addEntities(add);
    navigate('/chart', { replace: true });
  }, [search, params, navigate, openSaved, addEntities]);

  // --- Hand edits ---

  const targets = selection.length || selectedEdges.length ? [...selection, ...selectedEdges] : [];
  const doPin = () => commit((c) => togglePin(c, selection));
  const doHide = () => { commit((c) => hide(c, targets)); setStore({ selection: [], selectedEdges: [] }); };
  const doShowHidden = () => commit((c) => showHidden(c));
  const doGroup = () => commit((c) => group(c, selection, `Group ${Object.keys(c.groups).length + 1} (${selection.length})`));
  const selectedGroups = useMemo(() => Object.values(chart.groups).filter((g) => g.members.some((m) => selection.includes(m))), [chart.groups, selection]);
  const doUngroup = () => commit((c) => ungroup(c, selection));
  const doRemove = () => { commit((c) => removeElements(c, targets)); setPanel(null); };
  const doClear = () => { commit(emptyChart()); setStore({ results: null, timeline: null, selection: [], selectedEdges: [], window: { from: null, to: null } }); setPanel(null); setSaved(null); };
  const doUndo = useCallback(() => undo(), []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable)) return;
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        undo();
      } else if (e.key === 'Delete' && (t === document.body || t?.closest('.chart-canvas'))) {
        // Delete on the canvas removes what is selected there.
        const s = getStore();
        const ids = [...s.selection, ...s.selectedEdges];
        if (ids.length) commit((c) => removeElements(c, ids));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // --- Selection ---

  const onSelect = useCallback((nodes: string[], edges: string[]) => {
    const prev = getStore().selection;
    // Keep the order entities were selected in (Find paths goes from the first to the second).
    const keep = prev.filter((id) => nodes.includes(id));
    const ordered = [...keep, ...nodes.filter((id) => !keep.includes(id))];
    setStore({ selection: ordered, selectedEdges: edges });
  }, []);
  const onToggle = useCallback((id: string, on: boolean) => {
    setStore((s) => ({ selection: on ? (s.selection.includes(id) ? s.selection : [...s.selection, id]) : s.selection.filter((x) => x !== id) }));
  }, []);
  const onSelectAll = useCallback((on: boolean) => {
    setStore((s) => ({ selection: on ? Object.keys(s.history.present.nodes) : [] }));
  }, []);
  const openNode = useCallback((id: string) => setPanel({ kind: 'entity', id }), []);
  const openEdge = useCallback((id: string) => setPanel({ kind: 'link', id }), []);
  const selectEntity = useCallback((id: string) => { setStore({ selection: [id] }); setPanel({ kind: 'entity', id }); }, []);
  const focus = useCallback((label: string, nodes: string[], edges: string[]) => {
    replacePresent((c) => ({ ...c, highlight: { label, nodes, edges } }));
  }, []);

  // Key players: the canvas sizes entities by the centrality chosen, also when it is changed afterwards.
  useEffect(() => {
    const r = getStore().results;
    if (r?.kind !== 'keyPlayers') return;
    replacePresent((c) => (c.keyPlayers && c.keyPlayers.measure !== settings.measure ? { ...c, keyPlayers: keyPlayerOverlay(r.result, settings.measure) } : c));
  }, [settings.measure]);

  // --- Time window ---

  const span = useMemo(() => timeSpan(Object.values(chart.edges)), [chart.edges]);
  const outOfWindow = useMemo(() => {
    if (timeWindow.from === null && timeWindow.to === null) return new Set<string>();
    return new Set(outsideWindow(Object.values(chart.edges), timeWindow.from ?? -Infinity, timeWindow.to ?? Infinity));
  }, [chart.edges, timeWindow]);

  // --- Save and export ---

  const plan = useMemo(() => exportPlan(chart), [chart]);
  const exportPathFor = (f: ExportFormat) => (plan.question ? exportPath(plan.question, f) : null);
  const canExport = !!exportPathFor('json');
  const exportNote = plan.question && !canExport
    ? `Save keeps the last question (${describeQuestion(plan.question)}); the exports chart paths, networks, common links and key players only, and a ${plan.question.kind === 'CO_LOCATION' ? 'co-location' : 'timeline'} question has no export.`
    : plan.note;

  const doSave = () => run('Save chart', async () => {
    if (!operation) throw new Error('Choose an operation first.');
    if (!plan.question) throw new Error(plan.note);
    const name = chartName.trim();
    if (!name) throw new Error('Give the chart a name.');
    const { saveSearch } = await gql(ChartSaveSearchDocument, {
      input: { operationId: operation.id, name, kind: plan.question.kind, parameters: JSON.stringify(plan.question.input) },
    });
    setSaved({ id: saveSearch.id, name: saveSearch.name });
    setStore({ notice: `Saved “${saveSearch.name}”.` });
    // Home's list of saved charts shows it at once.
    await queries.invalidateQueries({ queryKey: ['savedSearches', operation.id] });
  });

  const doExport = (format: ExportFormat) => run(`Export ${format.toUpperCase()}`, async () => {
    const q = plan.question;
    const path = q ? exportPath(q, format) : null;
    if (!q || !path) throw new Error(exportNote);
    const blob = await fetchDocument(path, q.input);
    saveBlob(blob, fileName(q, format));
  });

  const doPng = () => run('Export PNG', async () => {
    const blob = await canvas.current!.png();
    saveBlob(blob, 'keyline-chart.png');
  });

  // --- View ---

  const c = counts(chart);
  const frontierCount = Object.keys(chart.frontier).length;
  const summary = `${c.nodes} entit${c.nodes === 1 ? 'y' : 'ies'}, ${c.edges} link${c.edges === 1 ? '' : 's'}`
    + (c.hidden ? `, ${c.hidden} hidden` : '')
    + (outOfWindow.size ? `, ${outOfWindow.size} outside the time window` : '')
    + (selection.length ? `; ${selection.length} selected` : '')
    + (chart.truncated ? '; truncated by the node budget' : '');
  const n = selection.length;
  const why = {
    expand: n === 0 ? 'Select one or more entities to expand from' : n > MAX_SEEDS ? `Select at most ${MAX_SEEDS} entities` : '',
    paths: n !== 2 ? 'Select exactly two entities' : '',
    common: n < 2 ? 'Select two or more entities' : n > 20 ? 'Select at most 20 entities' : '',
    timeline: n === 0 ? 'Select entities for their timeline' : n > 50 ? 'Select at most 50 entities' : '',
  };
  const openLinkEdge = panel?.kind === 'link' ? chart.edges[panel.id] : undefined;

  return (
    <div className="chart-page" ref={pageRef}>
      <header className="chart-header">
        <div className="chart-title">
          <h1>Link chart</h1>
          <p className="question-line small">
            {chart.question
              ? <>Question: <strong>{describeQuestion(chart.question)}</strong>{chart.questionOnly ? '' : ' (with other additions)'}</>
              : <span className="muted">No question yet: add entities, then ask one.</span>}
            {saved && <> · Saved as <Link to={`/chart?saved=${encodeURIComponent(saved.id)}`}>{saved.name}</Link></>}
          </p>
        </div>
        <div className="save-export" role="group" aria-label="Save and export">
          <label className="sr-only" htmlFor="chart-name">Chart name</label>
          <input id="chart-name" placeholder="Chart name" value={chartName} onChange={(e) => setChartName(e.target.value)} />
          <button type="button" className="primary" onClick={doSave} disabled={!!busy || !plan.question}>Save chart</button>
          <span className="sep" aria-hidden="true" />
          <button type="button" onClick={() => doExport('anx')} disabled={!!busy || !canExport}>Export ANX</button>
          <button type="button" onClick={() => doExport('graphml')} disabled={!!busy || !canExport}>Export GraphML</button>
          <button type="button" onClick={() => doExport('json')} disabled={!!busy || !canExport}>Export JSON</button>
          <button type="button" onClick={doPng} disabled={!!busy || c.nodes === 0}>Export PNG</button>
        </div>
        <p className="save-note small muted" id="save-note">
          <strong>Save and the ANX, GraphML and JSON exports:</strong> {exportNote} Hand edits (hide, pin, group, remove, positions) are not saved. PNG is the chart as drawn.
        </p>
      </header>

      <div className="chart-toolbar" role="toolbar" aria-label="Chart actions">
        <div className="tb-group" role="group" aria-label="Ask">
          <button type="button" onClick={expand} disabled={!!busy || !!why.expand} title={why.expand || 'Expand the selected entities by the hops and filter in Question settings'}>Expand</button>
          <button type="button" onClick={findPaths} disabled={!!busy || !!why.paths} title={why.paths || 'Paths from the first selected entity to the second'}>Find paths</button>
          <button type="button" onClick={commonAssociates} disabled={!!busy || !!why.common} title={why.common || 'What the selected entities have in common'}>Common associates</button>
          <button type="button" onClick={coLocation} disabled={!!busy || !operation} title="Who was together at the same place and time (the selected entities, or anyone)">Co-location</button>
          <button type="button" onClick={keyPlayers} disabled={!!busy} title="Centrality and communities">Key players</button>
          <button type="button" onClick={showTimeline} disabled={!!busy || !!why.timeline} title={why.timeline || 'Events and contacts of the selection in time order'}>Timeline</button>
          <button type="button" aria-expanded={showSettings} aria-controls="question-settings" onClick={() => setShowSettings((v) => !v)}>Question settings</button>
        </div>
        <div className="tb-group" role="group" aria-label="Edit">
          <button type="button" onClick={doPin} disabled={n === 0} title="Lock the selected entities where they are (again to unpin)">Pin</button>
          <button type="button" onClick={doHide} disabled={targets.length === 0}>Hide</button>
          <button type="button" onClick={doShowHidden} disabled={c.hidden === 0}>Show hidden</button>
          <button type="button" onClick={doGroup} disabled={n < 2} title="Put the selected entities in a group">Group</button>
          <button type="button" onClick={doUngroup} disabled={selectedGroups.length === 0}>Ungroup</button>
          <button type="button" onClick={doRemove} disabled={targets.length === 0}>Remove</button>
          <button type="button" onClick={doUndo} disabled={!canUndo} title="Undo (Ctrl+Z)" aria-keyshortcuts="Control+Z">Undo</button>
          <button type="button" className="danger" onClick={doClear} disabled={c.nodes === 0}>Clear chart</button>
        </div>
        <div className="tb-group" role="group" aria-label="View">
          <label className="layout-pick">
            <span>Layout</span>
            <select aria-label="Layout" value={layout} onChange={(e) => setLayout(e.target.value as LayoutName)}>
              <option value="fcose">Force-directed</option>
              <option value="dagre">Hierarchical</option>
            </select>
          </label>
          <button type="button" onClick={() => canvas.current?.relayout()} disabled={c.nodes === 0}>Re-run layout</button>
          <button type="button" onClick={() => canvas.current?.fit()} disabled={c.nodes === 0}>Fit</button>
          {(chart.highlight || chart.keyPlayers) && (
            <button type="button" onClick={() => replacePresent(clearHighlight)}>Clear highlight</button>
          )}
        </div>
      </div>

      <div className="chart-status">
        {busy && <span className="busy" role="status" aria-live="polite">{busy}…</span>}
        {notice && <span className="notice" role="status">{notice}</span>}
        {error && <div className="error-box" role="alert">{error}</div>}
        {chart.truncated && (
          <div className="warn-box" role="status">
            Truncated: the node budget cut the last answer short. {frontierCount} frontier entit{frontierCount === 1 ? 'y' : 'ies'} (dashed amber ring) {frontierCount === 1 ? 'has' : 'have'} links not followed: select and expand {frontierCount === 1 ? 'it' : 'them'}, or raise the node budget.
          </div>
        )}
        {chart.highlight && <span className="hl-note small">Highlighted: {chart.highlight.label}</span>}
      </div>

      <div className="chart-body">
        <aside className="chart-left" aria-label="Chart contents">
          <EntityList chart={chart} selection={selection} onToggle={onToggle} onSelectAll={onSelectAll} onOpen={openNode} />
          <LinkList chart={chart} selection={selection} outOfWindow={outOfWindow} onOpen={openEdge} />
        </aside>

        <section className="chart-centre" aria-label="Canvas">
          <ChartCanvas
            ref={canvas}
            chart={chart}
            selection={selection}
            outOfWindow={outOfWindow}
            layout={layout}
            summary={summary}
            onSelect={onSelect}
            onOpenNode={openNode}
            onOpenEdge={openEdge}
          />
          <Legend />
          <TimeSlider span={span} window={timeWindow} hiddenCount={outOfWindow.size} onChange={(w) => setStore({ window: w })} />
        </section>

        <aside className="chart-right" aria-label="Details and answers">
          {showSettings && (
            <section id="question-settings" className="side-section" aria-labelledby="settings-heading">
              <div className="side-head">
                <h2 id="settings-heading">Question settings</h2>
                <button type="button" onClick={() => setShowSettings(false)} aria-label="Close question settings">×</button>
              </div>
              <SettingsForm settings={settings} onChange={(s) => setStore({ settings: s })} />
            </section>
          )}
          {panel?.kind === 'entity' && (
            <section className="side-section details" aria-label="Entity details">
              <div className="side-head">
                <h2>Entity</h2>
                <Link to={`/entities/${encodeURIComponent(panel.id)}`}>Open entity page</Link>
              </div>
              <EntityCard id={panel.id} onClose={() => setPanel(null)} />
            </section>
          )}
          {panel?.kind === 'link' && (
            <section className="side-section details" aria-label="Link details">
              <div className="side-head">
                <h2>Link on chart</h2>
              </div>
              {openLinkEdge && (
                <p className="small">
                  {chart.nodes[openLinkEdge.source]?.label} <span className="link-type">{linkTypeLabel(openLinkEdge.type)}</span> {chart.nodes[openLinkEdge.target]?.label}
                  <br /><EdgeMarkings sources={openLinkEdge.sources} /> <span className="muted">{seenText(openLinkEdge)}</span>
                </p>
              )}
              <LinkProvenance id={panel.id} onClose={() => setPanel(null)} />
            </section>
          )}
          {results && <ResultsPanel results={results} chart={chart} measure={settings.measure} onFocus={focus} onSelectEntity={selectEntity} />}
          {timeline && (
            <TimelineView timeline={timeline} chart={chart} onAdd={addTimeline} onClose={() => setStore({ timeline: null })} onOpenLink={openEdge} />
          )}
          {!panel && !results && !timeline && !showSettings && (
            <section className="side-section help">
              <h2>How to use the chart</h2>
              <ul className="small">
                <li>Select entities on the canvas (click, Shift/Ctrl+click, or drag a box with Shift) or with the checkboxes in “Entities on chart”.</li>
                <li><strong>Expand</strong> follows their links by the hops and filter in <em>Question settings</em>; <strong>Find paths</strong> joins two; <strong>Common associates</strong> finds what several share.</li>
                <li>Click an entity for its card, a link for its provenance. Links drawn red and dashed rest on a source with handling code C.</li>
                <li>Ctrl+Z undoes.</li>
              </ul>
            </section>
          )}
        </aside>
      </div>
    </div>
  );
}
