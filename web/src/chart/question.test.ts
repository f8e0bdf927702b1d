import { describe, expect, it } from 'vitest';
import { emptyChart, fromEntities, fromNetwork, merge } from './model';
import { exportPath, exportPlan } from './question';
import { coLocationInput, defaultSettings, keyPlayersInput, networkInput, pathsInput, traversalFilter } from './settings';

const P = (id: string) => ({ __typename: 'Person', id, label: id });

describe('what save and export use', () => {
  it('is the last question, unchanged, and its export route', () => {
    const q = { kind: 'NETWORK' as const, input: { seedIds: ['a'], hops: 2, nodeBudget: 100 } };
    const s = merge(emptyChart(), fromNetwork({ nodes: [P('a')], links: [], frontier: [], truncated: false }), { question: q });
    const plan = exportPlan(s);
    expect(plan.question).toBe(q);
    expect(plan.derived).toBe(false);
    expect(exportPath(q, 'anx')).toBe('/export/network.anx');
    expect(exportPath({ kind: 'COMMON_LINKS', input: {} }, 'graphml')).toBe('/export/common-links.graphml');
    expect(exportPath({ kind: 'KEY_PLAYERS', input: {} }, 'json')).toBe('/export/key-players.json');
    expect(exportPath({ kind: 'CO_LOCATION', input: {} }, 'json')).toBeNull();
    expect(exportPath({ kind: 'TIMELINE', input: {} }, 'json')).toBeNull();
  });

  it('says when the chart holds more than the question answered', () => {
    const q = { kind: 'NETWORK' as const, input: { seedIds: ['a'] } };
    let s = merge(emptyChart(), fromEntities([P('a')]), { question: q });
    s = merge(s, fromEntities([P('b')]), { question: null });
    expect(exportPlan(s).note).toMatch(/not part of it/);
  });

  it('for a chart built only by adding, is a network one hop around its entities, said to include neighbours', () => {
    const s = merge(emptyChart(), fromEntities([P('a'), P('b')]), { question: null });
    const plan = exportPlan(s);
    expect(plan.derived).toBe(true);
    expect(plan.question).toEqual({ kind: 'NETWORK', input: { seedIds: ['a', 'b'], hops: 1, nodeBudget: 2000 } });
    expect(plan.note).toMatch(/neighbours/);
  });

  it('is nothing for an empty chart, or one of more entities than a question takes', () => {
    expect(exportPlan(emptyChart()).question).toBeNull();
    const many = merge(emptyChart(), fromEntities(Array.from({ length: 51 }, (_, i) => P(`e${i}`))), { question: null });
    expect(exportPlan(many).question).toBeNull();
  });
});

describe('question inputs from the settings', () => {
  it('sends no filter when nothing is restricted', () => {
    expect(traversalFilter(defaultSettings())).toBeUndefined();
    expect(networkInput(defaultSettings(), ['a'])).toEqual({ seedIds: ['a'], hops: 1, nodeBudget: 500 });
  });

  it('sends each restriction the analyst chose, dates as whole UTC days', () => {
    const s = { ...defaultSettings(), linkTypes: ['USES', 'CONTACTED'] as const, seenAfter: '2024-01-01', seenBefore: '2024-12-31', minConfidence: 0.6, avoidKinds: ['LOCATION'] as const, throughKinds: ['PERSON'] as const };
    expect(traversalFilter({ ...s, linkTypes: [...s.linkTypes], avoidKinds: [...s.avoidKinds], throughKinds: [...s.throughKinds] })).toEqual({
      linkTypes: ['USES', 'CONTACTED'], seenAfter: '2024-01-01T00:00:00Z', seenBefore: '2024-12-31T23:59:59Z',
      minConfidence: 0.6, avoidKinds: ['LOCATION'], throughKinds: ['PERSON'],
    });
  });

  it('keeps hops, budget and path bounds within what the API takes', () => {
    const s = { ...defaultSettings(), hops: 9, nodeBudget: 5000, maxHops: 20, pathMode: 'K_SHORTEST' as const, k: 50 };
    expect(networkInput(s, ['a'])).toMatchObject({ hops: 3, nodeBudget: 2000 });
    expect(pathsInput(s, 'a', 'b')).toMatchObject({ fromId: 'a', toId: 'b', mode: 'K_SHORTEST', k: 10, maxHops: 8 });
    expect(pathsInput(defaultSettings(), 'a', 'b')).not.toHaveProperty('k');
  });

  it('asks key players of seeds with hops, of an operation without', () => {
    expect(keyPlayersInput(defaultSettings(), { seedIds: ['a'] })).toMatchObject({ seedIds: ['a'], hops: 1, rankBy: 'BETWEENNESS' });
    expect(keyPlayersInput(defaultSettings(), { operationId: 'op' })).not.toHaveProperty('hops');
  });

  it('asks co-location over the chart span unless dates are given', () => {
    const span = { min: Date.parse('2024-01-01T00:00:00Z'), max: Date.parse('2024-02-01T00:00:00Z') };
    expect(coLocationInput(defaultSettings(), 'op', [], span)).toEqual({ operationId: 'op', from: '2024-01-01T00:00:00.000Z', to: '2024-02-01T00:00:00.000Z', windowMinutes: 60 });
    expect(coLocationInput({ ...defaultSettings(), coFrom: '2023-05-01', coTo: '2023-05-02' }, 'op', ['a'], span)).toMatchObject({ entityIds: ['a'], from: '2023-05-01T00:00:00Z', to: '2023-05-02T23:59:59Z' });
  });
});
