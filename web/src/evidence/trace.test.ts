import { describe, expect, it } from 'vitest';
import { toDiagramElements, diagramLabel } from './diagram';
import { buildTraceGraph, chains, compareRecords, formatRate, forwardTree, kindCounts, naturalCompare, orderedEdges, origins, ranks, relationPhrase, summarise, widestRank } from './trace';

type N = { __typename: string; id: string; urn?: string; number?: string; reference?: string; title?: string; grading?: { code: string }; classification?: string; kind?: string };

const intel: N = { __typename: 'IntelligenceItem', id: 'int_1', urn: 'INT/2026/000135', grading: { code: '1B P' }, classification: 'OFFICIAL_SENSITIVE' };
const a40: N = { __typename: 'Action', id: 'act_40', number: 'A40', title: 'Exhibit the property' };
const a44: N = { __typename: 'Action', id: 'act_44', number: 'A44', title: 'Download a handset' };
const a45: N = { __typename: 'Action', id: 'act_45', number: 'A45', title: 'Submit drugs' };
const nh3: N = { __typename: 'Exhibit', id: 'exh_nh3', reference: 'NH/3', kind: 'DIGITAL_DOWNLOAD' };
const nh4: N = { __typename: 'Exhibit', id: 'exh_nh4', reference: 'NH/4', kind: 'FORENSIC' };
const lm3: N = { __typename: 'Exhibit', id: 'exh_lm3', reference: 'LM/3', kind: 'DRUGS' };

// As the API gives NH/3's traceBack: steps point from the later record back to the earlier.
const back = {
  truncated: false,
  nodes: [nh3, a44, a40, intel],
  steps: [
    { from: 'exh_nh3', to: 'act_44', relation: 'OBTAINED_BY' },
    { from: 'act_44', to: 'act_40', relation: 'RAISED_FROM' },
    { from: 'act_40', to: 'int_1', relation: 'RAISED_FROM' },
  ],
};

// As the API gives the item's traceForward.
const forward = {
  truncated: false,
  nodes: [intel, a40, lm3, a45, a44, nh4, nh3],
  steps: [
    { from: 'act_40', to: 'int_1', relation: 'RAISED_FROM' },
    { from: 'exh_lm3', to: 'act_40', relation: 'OBTAINED_BY' },
    { from: 'act_45', to: 'act_40', relation: 'RAISED_FROM' },
    { from: 'act_44', to: 'act_40', relation: 'RAISED_FROM' },
    { from: 'exh_nh4', to: 'act_45', relation: 'OBTAINED_BY' },
    { from: 'exh_nh3', to: 'act_44', relation: 'OBTAINED_BY' },
  ],
};

describe('buildTraceGraph', () => {
  it('reverses the API steps to read from the intelligence to the evidence', () => {
    const g = buildTraceGraph(back);
    expect(g.edges.map((e) => `${e.source} ${e.verb} ${e.target}`)).toEqual([
      'act_44 obtained exh_nh3', 'act_40 raised act_44', 'int_1 raised act_40',
    ]);
    expect(g.upstream.get('exh_nh3')!.map((e) => e.source)).toEqual(['act_44']);
    expect(g.downstream.get('int_1')!.map((e) => e.target)).toEqual(['act_40']);
  });

  it('drops steps to records the API did not return, and duplicate steps, without inventing records', () => {
    const g = buildTraceGraph({
      truncated: false,
      nodes: [nh3, a44],
      steps: [
        { from: 'exh_nh3', to: 'act_44', relation: 'OBTAINED_BY' },
        { from: 'exh_nh3', to: 'act_44', relation: 'OBTAINED_BY' },
        { from: 'act_44', to: 'int_hidden', relation: 'RAISED_FROM' },
      ],
    });
    expect(g.nodes.size).toBe(2);
    expect(g.edges).toHaveLength(1);
    expect(g.dropped).toBe(1);
    expect(origins(g).map((n) => n.id)).toEqual(['act_44']);
  });

  it('keeps the truncated flag', () => {
    expect(buildTraceGraph({ ...back, truncated: true }).truncated).toBe(true);
  });
});

describe('chains', () => {
  it('lists the chain behind an exhibit earliest first', () => {
    const g = buildTraceGraph(back);
    expect(chains(g, 'exh_nh3', 'back').paths).toEqual([['int_1', 'act_40', 'act_44', 'exh_nh3']]);
  });

  it('lists each chain when an action was raised from two records, intelligence first', () => {
    const loe = { __typename: 'LineOfEnquiry', id: 'loe_1', title: 'Finance' };
    const g = buildTraceGraph({
      truncated: false,
      nodes: [nh3, a44, loe, intel],
      steps: [
        { from: 'exh_nh3', to: 'act_44', relation: 'OBTAINED_BY' },
        { from: 'act_44', to: 'loe_1', relation: 'RAISED_FROM' },
        { from: 'act_44', to: 'int_1', relation: 'RAISED_FROM' },
      ],
    });
    expect(chains(g, 'exh_nh3', 'back').paths).toEqual([
      ['int_1', 'act_44', 'exh_nh3'],
      ['loe_1', 'act_44', 'exh_nh3'],
    ]);
  });

  it('lists forward chains from the item to each end and stops at cycles and the limit', () => {
    const g = buildTraceGraph(forward);
    expect(chains(g, 'int_1', 'forward').paths).toEqual([
      ['int_1', 'act_40', 'act_44', 'exh_nh3'],
      ['int_1', 'act_40', 'act_45', 'exh_nh4'],
      ['int_1', 'act_40', 'exh_lm3'],
    ]);
    const limited = chains(g, 'int_1', 'forward', 2);
    expect(limited.paths).toHaveLength(2);
    expect(limited.cut).toBe(true);
    const cyclic = buildTraceGraph({ truncated: false, nodes: [a40, a44], steps: [
      { from: 'act_44', to: 'act_40', relation: 'RAISED_FROM' }, { from: 'act_40', to: 'act_44', relation: 'RAISED_FROM' },
    ] });
    expect(chains(cyclic, 'act_40', 'forward').paths).toEqual([['act_40', 'act_44']]);
  });

  it('is empty for a root the API did not return', () => {
    expect(chains(buildTraceGraph(back), 'exh_missing', 'back').paths).toEqual([]);
  });
});

describe('forwardTree', () => {
  it('nests what an item led to, actions before exhibits, references in natural order', () => {
    const t = forwardTree(buildTraceGraph(forward), 'int_1')!;
    const flat = (n: typeof t, depth = 0): string[] => [`${'-'.repeat(depth)}${n.verb}${n.verb ? ' ' : ''}${n.id}`, ...n.children.flatMap((c) => flat(c, depth + 1))];
    expect(flat(t)).toEqual([
      'int_1', '-raised act_40', '--raised act_44', '---obtained exh_nh3', '--raised act_45', '---obtained exh_nh4', '--obtained exh_lm3',
    ]);
  });

  it('shows a record reached twice once in full, then as a repeat', () => {
    const g = buildTraceGraph({ truncated: false, nodes: [intel, a40, a44, nh3], steps: [
      { from: 'act_40', to: 'int_1', relation: 'RAISED_FROM' },
      { from: 'act_44', to: 'int_1', relation: 'RAISED_FROM' },
      { from: 'exh_nh3', to: 'act_40', relation: 'OBTAINED_BY' },
      { from: 'exh_nh3', to: 'act_44', relation: 'OBTAINED_BY' },
    ] });
    const t = forwardTree(g, 'int_1')!;
    expect(t.children[0].children[0]).toMatchObject({ id: 'exh_nh3', repeat: false });
    expect(t.children[1].children[0]).toMatchObject({ id: 'exh_nh3', repeat: true });
  });
});

describe('ordering and figures', () => {
  it('compares references naturally', () => {
    expect(['A10', 'A2', 'A1'].sort(naturalCompare)).toEqual(['A1', 'A2', 'A10']);
    expect(['JS/12', 'JS/3'].sort(naturalCompare)).toEqual(['JS/3', 'JS/12']);
  });

  it('orders records intelligence, actions, exhibits', () => {
    expect([nh3, a44, intel, a40].sort(compareRecords).map((n) => n.id)).toEqual(['int_1', 'act_40', 'act_44', 'exh_nh3']);
  });

  it('orders the steps table by the earlier record', () => {
    const g = buildTraceGraph(forward);
    expect(orderedEdges(g).map((e) => `${e.source}>${e.target}`)).toEqual([
      'int_1>act_40', 'act_40>act_44', 'act_40>act_45', 'act_40>exh_lm3', 'act_44>exh_nh3', 'act_45>exh_nh4',
    ]);
  });

  it('counts and summarises the records on a trace, root excluded', () => {
    const g = buildTraceGraph(forward);
    expect(kindCounts(g, 'int_1')).toEqual({ Action: 3, Exhibit: 3 });
    expect(summarise(kindCounts(g, 'int_1'))).toBe('3 actions, 3 exhibits');
    expect(summarise({ IntelligenceItem: 1, Action: 1 })).toBe('1 intelligence item, 1 action');
    expect(summarise({})).toBe('nothing');
  });

  it('ranks records into columns for the drawing', () => {
    const g = buildTraceGraph(forward);
    const r = ranks(g);
    expect([r.get('int_1'), r.get('act_40'), r.get('act_44'), r.get('exh_lm3'), r.get('exh_nh3')]).toEqual([0, 1, 2, 2, 3]);
    expect(widestRank(r)).toBe(3);
  });

  it('formats rates', () => {
    expect(formatRate(0.06598984771573604)).toBe('6.6%');
    expect(formatRate(0.1218274111675127)).toBe('12%');
    expect(formatRate(0)).toBe('0%');
    expect(formatRate(1)).toBe('100%');
  });

  it('words each relation earliest first', () => {
    expect(relationPhrase('RAISED_FROM')).toBe('raised action');
    expect(relationPhrase('OBTAINED_BY')).toBe('obtained exhibit');
    expect(relationPhrase('DERIVED_FROM')).toBe('result produced intelligence');
  });
});

describe('diagram', () => {
  it('labels intelligence with its grade and classification, and marks the root', () => {
    expect(diagramLabel(intel)).toBe('INT/2026/000135\n1B P · OFFICIAL-SENSITIVE');
    const els = toDiagramElements(buildTraceGraph(back), 'exh_nh3');
    expect(els.filter((e) => e.group === 'nodes')).toHaveLength(4);
    expect(els.find((e) => e.data.id === 'exh_nh3')!.classes).toBe('exhibit root');
    expect(els.filter((e) => e.group === 'edges').map((e) => `${e.data.source}>${e.data.target}:${e.data.label}`)).toContain('int_1>act_40:raised');
  });
});
