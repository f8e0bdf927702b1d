import { describe, expect, it } from 'vitest';
import { byNumber, isForbidden, parseKind, scheduleColumns, scheduleDocPath, scheduleFileName } from './schedule';

describe('disclosure schedule', () => {
  it('has the columns of the printable schedule and its CSV', () => {
    expect(scheduleColumns('MG6C')).toEqual(['Item', 'Reference', 'Description', 'Obtained']);
    expect(scheduleColumns('MG6D')).toEqual(['Item', 'Reference', 'Description', 'Obtained', 'Reason for sensitivity']);
  });

  it('reads the kind from the query, MG6C by default', () => {
    expect(parseKind('mg6d')).toBe('MG6D');
    expect(parseKind('MG6D')).toBe('MG6D');
    expect(parseKind(null)).toBe('MG6C');
    expect(parseKind('x')).toBe('MG6C');
  });

  it('builds the document route and a file name', () => {
    expect(scheduleDocPath('op_1', 'MG6C', 'csv')).toBe('/reports/operations/op_1/mg6c.csv');
    expect(scheduleDocPath('op 1', 'MG6D', 'html')).toBe('/reports/operations/op%201/mg6d.html');
    expect(scheduleFileName('OP-KESTREL-2026', 'MG6C', 'csv', new Date('2026-12-07T10:00:00Z'))).toBe('OP-KESTREL-2026-MG6C-2026-12-07.csv');
    expect(scheduleFileName('Op / Kestrel', 'MG6D', 'html', new Date('2026-12-07T10:00:00Z'))).toBe('Op-Kestrel-MG6D-2026-12-07.html');
  });

  it('knows the API refusal', () => {
    expect(isForbidden({ code: 'FORBIDDEN' })).toBe(true);
    expect(isForbidden({ code: 'NOT_FOUND' })).toBe(false);
    expect(isForbidden(null)).toBe(false);
  });

  it('orders by item number', () => {
    expect(byNumber([{ number: 3 }, { number: 1 }, { number: 2 }]).map((e) => e.number)).toEqual([1, 2, 3]);
  });
});
