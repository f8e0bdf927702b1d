import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/react';
import { AuditDetail } from './AuditDetail';
import type { AuditEventRow } from './csv';

afterEach(cleanup);

const base = {
  __typename: 'AuditEvent', id: 'aud_1', at: '2026-12-07T21:27:45.507Z', actor: 'dev-analyst', officerId: 'off_1', requestId: 'REQ1',
  action: 'UPDATE', entityKind: 'IntelligenceItem', entityId: 'int_1', operationId: 'op_1', question: null,
  before: '{"sanitisedText":"old"}', after: '{"sanitisedText":"new"}', reason: 'corrected', purpose: 'Op Kestrel', parameters: null, resultSize: null, withheld: false,
} as AuditEventRow;

function show(event: AuditEventRow) {
  return render(
    <MemoryRouter>
      <AuditDetail event={event} officer={undefined} operation={undefined} clearance="SECRET" onClose={() => {}} headingId="h" />
    </MemoryRouter>,
  );
}

describe('AuditDetail', () => {
  it('shows what changed, the reason and the purpose', () => {
    show(base);
    const changes = screen.getByRole('table');
    expect(within(changes).getByRole('row', { name: /sanitisedText/ }).textContent).toContain('old');
    expect(within(changes).getByRole('row', { name: /sanitisedText/ }).textContent).toContain('new');
    expect(screen.getByText('corrected')).toBeTruthy();
    expect(screen.getByText('Op Kestrel')).toBeTruthy();
    expect(screen.queryByText(/Values withheld/)).toBeNull();
  });
  it('says plainly that a withheld event\'s values are withheld, and shows who, when, what and which record', () => {
    show({ ...base, withheld: true, before: null, after: null, reason: null, purpose: null });
    expect(screen.getByRole('note').textContent).toMatch(/Values withheld.*above your clearance \(SECRET\) or with a handling code/);
    expect(screen.getByText('int_1')).toBeTruthy();
    expect(screen.getByText('dev-analyst')).toBeTruthy();
    expect(screen.getByText('REQ1')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getAllByText('Withheld')).toHaveLength(3);
  });
  it('links an entity record to its page', () => {
    show({ ...base, action: 'ANALYSE', entityKind: 'Query', entityId: 'per_1', question: 'timeline', before: null, after: null, parameters: '{"entityIds":["per_1"]}', resultSize: 35 });
    expect(screen.getByRole('link', { name: 'per_1' }).getAttribute('href')).toBe('/entities/per_1');
    expect(screen.getByRole('row', { name: /entityIds/ }).textContent).toContain('per_1');
    expect(screen.getByText('35')).toBeTruthy();
  });
});
