import { beforeEach, describe, expect, it } from 'vitest';
import { fromEntities, hide, merge } from './model';
import { commit, getStore, resetStore, setStore, undo } from './store';

const P = (id: string) => ({ __typename: 'Person', id, label: id });

describe('chart store', () => {
  beforeEach(() => resetStore());

  it('undoes each committed change, Ctrl+Z style, back to the empty chart', () => {
    commit((c) => merge(c, fromEntities([P('a'), P('b')])));
    commit((c) => hide(c, ['a']));
    expect(getStore().history.present.hidden).toEqual({ a: true });
    undo();
    expect(getStore().history.present.hidden).toEqual({});
    expect(Object.keys(getStore().history.present.nodes)).toEqual(['a', 'b']);
    undo();
    expect(Object.keys(getStore().history.present.nodes)).toEqual([]);
  });

  it('drops from the selection what a change or an undo removed', () => {
    commit((c) => merge(c, fromEntities([P('a')])));
    commit((c) => merge(c, fromEntities([P('b')])));
    setStore({ selection: ['a', 'b'] });
    undo();
    expect(getStore().selection).toEqual(['a']);
  });

  it('keeps the chart across a page leaving and coming back (module state, not component state)', async () => {
    commit((c) => merge(c, fromEntities([P('a')])));
    const again = await import('./store');
    expect(Object.keys(again.getStore().history.present.nodes)).toEqual(['a']);
  });
});
