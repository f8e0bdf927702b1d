import { describe, expect, it } from 'vitest';
import { auditCsvRows, buildCsv, collectEvents, csvCell, exportFilename, type AuditEventRow, type PageOf } from './csv';

function ev(over: Partial<AuditEventRow> = {}): AuditEventRow {
  return {
    __typename: 'AuditEvent',
    id: 'aud_1', at: '2026-12-07T21:27:45.507Z', actor: 'dev-analyst', officerId: 'off_1', requestId: 'REQ1',
    action: 'READ', entityKind: 'IntelligenceItem', entityId: 'int_1', operationId: 'op_1', question: null,
    before: null, after: null, reason: null, purpose: null, parameters: null, resultSize: null, withheld: false,
    ...over,
  } as AuditEventRow;
}

describe('csvCell', () => {
  it('leaves plain text alone and empties null', () => {
    expect(csvCell('READ')).toBe('READ');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(12)).toBe('12');
  });
  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "no"')).toBe('"say ""no"""');
    expect(csvCell('line1\nline2')).toBe('"line1\nline2"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
    expect(csvCell('{"a":1,"b":2}')).toBe('"{""a"":1,""b"":2}"');
  });
  it('neutralises formulas: = + - @ tab and CR at the start get a quote', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+441234')).toBe("'+441234");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    // Only at the start.
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('2026-12-07')).toBe('2026-12-07');
  });
});

describe('buildCsv', () => {
  it('joins cells with commas and ends every line with CRLF', () => {
    expect(buildCsv([['a', 'b'], ['1', null], ['=x', 'y,z']])).toBe(`a,b\r\n1,\r\n'=x,"y,z"\r\n`);
  });
});

describe('auditCsvRows', () => {
  const names = { officerName: (s: string) => (s === 'dev-analyst' ? 'Priya Nair' : undefined), operationRef: (id: string) => (id === 'op_1' ? 'OP-KESTREL-2026' : undefined) };
  it('writes a header and one row per event with names for ids', () => {
    const rows = auditCsvRows([ev({ action: 'ANALYSE', entityKind: 'Query', question: 'timeline', parameters: '{"entityIds":["per_1"]}', resultSize: 7, purpose: 'Op Kestrel review' })], names);
    expect(rows[0][0]).toBe('time (UTC)');
    expect(rows[0]).toContain('withheld');
    const r = rows[1];
    expect(r.slice(0, 10)).toEqual(['2026-12-07T21:27:45.507Z', 'Priya Nair', 'dev-analyst', 'off_1', 'ANALYSE', 'Query', 'int_1', 'OP-KESTREL-2026', 'op_1', 'REQ1']);
    expect(r).toContain('timeline');
    expect(r).toContain(7);
    expect(r).toContain('Op Kestrel review');
    expect(r[17]).toBe('no');
  });
  it('keeps a withheld event to who, when, what and which record, and says it is withheld', () => {
    const rows = auditCsvRows([ev({ withheld: true, actor: 'someone' })], names);
    const r = rows[1];
    expect(r[1]).toBe('');
    expect(r[6]).toBe('int_1');
    expect(r.slice(11, 17)).toEqual(['', '', '', '', '', '']);
    expect(r[17]).toMatch(/^yes/);
  });
  it('protects every cell of the file, parameters included', () => {
    const csv = buildCsv(auditCsvRows([ev({ reason: '=cmd|calc', purpose: '@evil' })], names));
    expect(csv).toContain(`'=cmd|calc`);
    expect(csv).toContain(`'@evil`);
    expect(csv).not.toMatch(/(^|,)=/m);
  });
});

describe('exportFilename', () => {
  it('names the file by UTC time', () => {
    expect(exportFilename(new Date('2026-12-07T21:28:05Z'))).toBe('keyline-audit-20261207-2128.csv');
  });
});

describe('collectEvents', () => {
  function pages(total: number, per: number) {
    const all = Array.from({ length: total }, (_, i) => ev({ id: `aud_${i}` }));
    const calls: { after: string | undefined; first: number }[] = [];
    const fetchPage = async (after: string | undefined, first: number): Promise<PageOf> => {
      calls.push({ after, first });
      const start = after ? Number(after) + 1 : 0;
      const n = Math.min(first, per);
      const events = all.slice(start, start + n);
      return { events, total, hasNext: start + n < total, endCursor: events.length ? String(start + events.length - 1) : null };
    };
    return { fetchPage, calls };
  }
  it('pages through everything under the cap', async () => {
    const { fetchPage, calls } = pages(250, 100);
    const r = await collectEvents(fetchPage, { cap: 10_000, pageSize: 100 });
    expect(r.events).toHaveLength(250);
    expect(r.capped).toBe(false);
    expect(r.total).toBe(250);
    expect(calls.map((c) => c.after)).toEqual([undefined, '99', '199']);
  });
  it('stops at the cap and says so', async () => {
    const { fetchPage, calls } = pages(1000, 100);
    const r = await collectEvents(fetchPage, { cap: 250, pageSize: 100 });
    expect(r.events).toHaveLength(250);
    expect(r.capped).toBe(true);
    expect(r.total).toBe(1000);
    expect(calls.at(-1)!.first).toBe(50);
  });
  it('is not capped when the cap is exactly the total', async () => {
    const { fetchPage } = pages(200, 100);
    const r = await collectEvents(fetchPage, { cap: 200, pageSize: 100 });
    expect(r.events).toHaveLength(200);
    expect(r.capped).toBe(false);
  });
  it('drops an event repeated when a new one shifts the pages', async () => {
    let n = 0;
    const fetchPage = async (): Promise<PageOf> => {
      n++;
      if (n === 1) return { events: [ev({ id: 'a' }), ev({ id: 'b' })], total: 4, hasNext: true, endCursor: '1' };
      return { events: [ev({ id: 'b' }), ev({ id: 'c' }), ev({ id: 'd' })], total: 5, hasNext: false, endCursor: '4' };
    };
    const r = await collectEvents(fetchPage, { pageSize: 2 });
    expect(r.events.map((e) => e.id)).toEqual(['a', 'b', 'c', 'd']);
  });
  it('can be cancelled', async () => {
    const ctl = new AbortController();
    const { fetchPage } = pages(1000, 100);
    const p = collectEvents(async (a, f) => { const r = await fetchPage(a, f); ctl.abort(); return r; }, { signal: ctl.signal });
    await expect(p).rejects.toThrow(/cancelled/);
  });
});
