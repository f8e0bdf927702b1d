import { describe, expect, it } from 'vitest';
import {
  emptyChart, fromCoLocation, fromCommonLinks, fromEntities, fromKeyPlayers, fromNetwork, fromPaths, fromTimeline,
  group, hide, merge, removeElements, showHidden, toElements, togglePin, ungroup,
  type ApiKeyPlayers, type ApiLink, type ApiNetwork,
} from './model';

const P = (id: string, label = id) => ({ __typename: 'Person', id, label });
const L = (id: string, from: string, to: string, extra: Partial<ApiLink> = {}): ApiLink => ({
  id, type: 'ASSOCIATE_OF', from: { id: from }, to: { id: to }, confidence: 0.9,
  firstSeen: '2024-01-01T00:00:00Z', lastSeen: '2024-06-01T00:00:00Z',
  sources: [{ classification: 'OFFICIAL', grading: { handling: 'P', conditions: null } }], ...extra,
});
const net = (nodes: string[], links: ApiLink[], frontier: string[] = [], truncated = false): ApiNetwork => ({
  nodes: nodes.map((n) => P(n)), links, frontier: frontier.map((id) => ({ id })), truncated,
});

describe('converting answers', () => {
  it('takes a network as entities, links and frontier, with the kind from __typename', () => {
    const f = fromNetwork({
      nodes: [P('a'), { __typename: 'CommsDevice', id: 'c', label: '07700 900123' }],
      links: [L('l1', 'a', 'c', { type: 'USES' })],
      frontier: [{ id: 'c' }],
      truncated: true,
    });
    expect(f.nodes.map((n) => [n.id, n.kind])).toEqual([['a', 'Person'], ['c', 'CommsDevice']]);
    expect(f.edges).toHaveLength(1);
    expect(f.edges[0]).toMatchObject({ id: 'l1', source: 'a', target: 'c', type: 'USES' });
    expect(f.frontier).toEqual(['c']);
    expect(f.truncated).toBe(true);
  });

  it('highlights every entity and link of the paths, each once', () => {
    const f = fromPaths({
      truncated: false,
      paths: [
        { length: 2, nodes: [P('a'), P('b'), P('d')], links: [L('ab', 'a', 'b'), L('bd', 'b', 'd')] },
        { length: 2, nodes: [P('a'), P('c'), P('d')], links: [L('ac', 'a', 'c'), L('dc', 'd', 'c')] },
      ],
    });
    expect(f.nodes.map((n) => n.id).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(f.edges.map((e) => e.id).sort()).toEqual(['ab', 'ac', 'bd', 'dc']);
    expect(f.highlight?.nodes.sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(f.highlight?.label).toBe('2 paths');
  });

  it('adds the ends of common links named by the answer and highlights only the shared entities', () => {
    const f = fromCommonLinks({
      shared: [{ entity: { __typename: 'Location', id: 'x', label: '1 High St' }, linkedTo: ['a', 'b'], count: 2,
        links: [L('ax', 'a', 'x', { from: P('a', 'A'), to: { __typename: 'Location', id: 'x', label: '1 High St' } }), L('bx', 'b', 'x', { from: P('b', 'B') })] }],
      coMentions: [],
    });
    expect(f.nodes.map((n) => n.id).sort()).toEqual(['a', 'b', 'x']);
    expect(f.highlight?.nodes).toEqual(['x']);
  });

  it('charts every entity key players analysed and sizes them by the measure relative to the highest', () => {
    const kp: ApiKeyPlayers = {
      nodeCount: 3, linkCount: 2, truncated: false, rankedBy: 'BETWEENNESS', modularity: 0.41,
      ranked: [
        { rank: 1, entity: P('a'), degree: 2, degreeCentrality: 1, betweenness: 0.5, closeness: 1, eigenvector: 0.7, community: 0 },
        { rank: 2, entity: P('b'), degree: 1, degreeCentrality: 0.5, betweenness: 0.25, closeness: 0.6, eigenvector: 0.5, community: 1 },
      ],
      communities: [{ id: 0, size: 2, members: [P('a'), P('c')] }, { id: 1, size: 1, members: [P('b')] }],
    };
    const f = fromKeyPlayers(kp);
    expect(f.nodes.map((n) => n.id).sort()).toEqual(['a', 'b', 'c']);
    expect(f.keyPlayers?.size).toEqual({ a: 1, b: 0.5 });
    expect(f.keyPlayers?.community).toEqual({ a: 0, b: 1, c: 0 });
    expect(fromKeyPlayers(kp, 'CLOSENESS').keyPlayers?.size.b).toBeCloseTo(0.6);
  });

  it('charts co-location places with who was there, and timelines with events and contact links', () => {
    const m = fromCoLocation([{ place: { __typename: 'Location', id: 'loc', label: 'Car park' }, entities: [P('a'), P('b')], firstSeen: null, lastSeen: null }]);
    expect(m.nodes.map((n) => n.id)).toEqual(['loc', 'a', 'b']);
    const t = fromTimeline([
      { at: '2024-01-01T10:00:00Z', entry: 'EVENT', event: { __typename: 'Event', id: 'e1', label: 'ARREST' }, link: null },
      { at: '2024-01-02T10:00:00Z', entry: 'CONTACT', event: null, link: L('c1', 'p1', 'p2', { type: 'CONTACTED', from: { __typename: 'CommsDevice', id: 'p1', label: '0770' }, to: { __typename: 'CommsDevice', id: 'p2', label: '0771' } }) },
      { at: '2024-01-03T10:00:00Z', entry: 'CONTACT', event: null, link: L('c1', 'p1', 'p2', { type: 'CONTACTED', from: { __typename: 'CommsDevice', id: 'p1', label: '0770' }, to: { __typename: 'CommsDevice', id: 'p2', label: '0771' } }) },
    ]);
    expect(t.nodes.map((n) => n.id)).toEqual(['e1', 'p1', 'p2']);
    expect(t.edges.map((e) => e.id)).toEqual(['c1']);
  });

  it('skips entities the API withheld (null) when adding by id', () => {
    expect(fromEntities([P('a'), null, undefined]).nodes.map((n) => n.id)).toEqual(['a']);
  });
});

describe('merging into the chart', () => {
  it('adds without duplicates and refreshes what was already charted', () => {
    let s = merge(emptyChart(), fromNetwork(net(['a', 'b'], [L('ab', 'a', 'b')])));
    s = merge(s, fromNetwork({ ...net(['b', 'c'], [L('ab', 'a', 'b', { confidence: 0.5 }), L('bc', 'b', 'c')]), nodes: [P('b', 'B renamed'), P('c')] }));
    expect(Object.keys(s.nodes).sort()).toEqual(['a', 'b', 'c']);
    expect(Object.keys(s.edges).sort()).toEqual(['ab', 'bc']);
    expect(s.nodes.b.label).toBe('B renamed');
    expect(s.edges.ab.confidence).toBe(0.5);
  });

  it('never adds a link without both its ends', () => {
    const s = merge(emptyChart(), { nodes: [{ id: 'a', kind: 'Person', label: 'a' }], edges: fromNetwork(net(['a', 'b'], [L('ab', 'a', 'b')])).edges });
    expect(Object.keys(s.edges)).toEqual([]);
  });

  it('clears the frontier flag of entities an answer followed', () => {
    let s = merge(emptyChart(), fromNetwork(net(['a', 'b'], [L('ab', 'a', 'b')], ['b'], true)));
    expect(s.frontier).toEqual({ b: true });
    expect(s.truncated).toBe(true);
    s = merge(s, fromNetwork(net(['b', 'c'], [L('bc', 'b', 'c')], ['c'])));
    expect(s.frontier).toEqual({ c: true });
    expect(s.truncated).toBe(false);
  });

  it('keeps the question, and knows when the chart holds more than its answer', () => {
    const q = { kind: 'NETWORK' as const, input: { seedIds: ['a'], hops: 1 } };
    let s = merge(emptyChart(), fromNetwork(net(['a', 'b'], [L('ab', 'a', 'b')])), { question: q });
    expect(s.question).toBe(q);
    expect(s.questionOnly).toBe(true);
    // Adding what is already there by hand changes nothing.
    s = merge(s, fromEntities([P('a')]), { question: null });
    expect(s.questionOnly).toBe(true);
    s = merge(s, fromEntities([P('z')]), { question: null });
    expect(s.question).toBe(q);
    expect(s.questionOnly).toBe(false);
    // A question asked over an existing chart adds to it.
    const q2 = { kind: 'PATHS' as const, input: { fromId: 'a', toId: 'z' } };
    s = merge(s, fromEntities([P('y')]), { question: q2 });
    expect(s.question).toBe(q2);
    expect(s.questionOnly).toBe(false);
    // Replacing starts over.
    s = merge(s, fromEntities([P('k')]), { question: q, replace: true });
    expect(Object.keys(s.nodes)).toEqual(['k']);
    expect(s.questionOnly).toBe(true);
  });

  it('does not change the state it was given', () => {
    const s0 = merge(emptyChart(), fromNetwork(net(['a', 'b'], [L('ab', 'a', 'b')])));
    const snapshot = JSON.stringify(s0);
    merge(s0, fromNetwork(net(['c'], [])));
    removeElements(s0, ['a']);
    hide(s0, ['a']);
    togglePin(s0, ['a']);
    group(s0, ['a', 'b'], 'G');
    expect(JSON.stringify(s0)).toBe(snapshot);
  });
});

describe('hand edits', () => {
  const base = () => merge(emptyChart(), fromNetwork(net(['a', 'b', 'c'], [L('ab', 'a', 'b'), L('bc', 'b', 'c')], ['c'])));

  it('removes entities with their links and forgets them everywhere', () => {
    let s = togglePin(hide(base(), ['b']), ['b', 'c']);
    s = group(s, ['b', 'c'], 'G', 'g1');
    s = removeElements(s, ['b']);
    expect(Object.keys(s.nodes)).toEqual(['a', 'c']);
    expect(Object.keys(s.edges)).toEqual([]);
    expect(s.hidden).toEqual({});
    expect(s.pinned).toEqual({ c: true });
    expect(s.groups.g1.members).toEqual(['c']);
    expect(removeElements(s, ['c']).groups).toEqual({});
  });

  it('removes a single link and keeps its ends', () => {
    const s = removeElements(base(), ['ab']);
    expect(Object.keys(s.nodes)).toEqual(['a', 'b', 'c']);
    expect(Object.keys(s.edges)).toEqual(['bc']);
  });

  it('hides and shows again; a hidden entity hides its links on the canvas', () => {
    const s = hide(base(), ['b', 'nope']);
    expect(s.hidden).toEqual({ b: true });
    const els = toElements(s);
    expect(els.find((e) => e.data.id === 'ab')?.classes).toContain('hidden');
    expect(showHidden(s).hidden).toEqual({});
  });

  it('pins, and unpins when all given are pinned', () => {
    let s = togglePin(base(), ['a']);
    s = togglePin(s, ['a', 'b']);
    expect(s.pinned).toEqual({ a: true, b: true });
    expect(togglePin(s, ['a', 'b']).pinned).toEqual({});
  });

  it('groups as a compound parent, moving entities out of an older group, and ungroups', () => {
    let s = group(base(), ['a', 'b'], 'G1', 'g1');
    s = group(s, ['b', 'c'], 'G2', 'g2');
    expect(s.groups.g1.members).toEqual(['a']);
    expect(s.groups.g2.members).toEqual(['b', 'c']);
    const els = toElements(s);
    expect(els[0]).toMatchObject({ group: 'nodes', data: { id: 'g1' } });
    expect(els.find((e) => e.data.id === 'c')?.data.parent).toBe('g2');
    s = ungroup(s, ['c']);
    expect(Object.keys(s.groups)).toEqual(['g1']);
    expect(toElements(s).find((e) => e.data.id === 'c')?.data.parent).toBeUndefined();
  });
});

describe('cytoscape elements', () => {
  it('classes entities by kind and frontier, and links by their sources handling', () => {
    const s = merge(emptyChart(), fromNetwork(net(['a', 'b', 'c'], [
      L('ab', 'a', 'b', { sources: [{ classification: 'SECRET', grading: { handling: 'C', conditions: 'x' } }] }),
      L('bc', 'b', 'c'),
    ], ['c'])));
    const els = toElements(s);
    const cls = (id: string) => String(els.find((e) => e.data.id === id)?.classes ?? '').split(' ');
    expect(cls('a')).toContain('k-Person');
    expect(cls('c')).toContain('frontier');
    expect(cls('ab')).toEqual(expect.arrayContaining(['handling-c', 'secret']));
    expect(cls('bc')).not.toContain('handling-c');
    expect(els.find((e) => e.data.id === 'ab')?.data).toMatchObject({ source: 'a', target: 'b', label: 'associate of' });
  });

  it('fades what a highlight leaves out', () => {
    const s = { ...merge(emptyChart(), fromNetwork(net(['a', 'b'], [L('ab', 'a', 'b')]))), highlight: { label: 'x', nodes: ['a'], edges: [] } };
    const els = toElements(s);
    expect(els.find((e) => e.data.id === 'a')?.classes).toContain('hl');
    expect(els.find((e) => e.data.id === 'b')?.classes).toContain('faded');
    expect(els.find((e) => e.data.id === 'ab')?.classes).toContain('faded');
  });
});
