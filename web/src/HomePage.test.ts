import { describe, expect, it } from 'vitest';
import { screensFor } from './HomePage';

describe('screensFor', () => {
  it("puts a role's own screens first and keeps every screen", () => {
    const am = screensFor(['ACTION_MANAGER']).map((s) => s.title);
    expect(am.slice(0, 2)).toEqual(['Actions', 'Action dashboard']);
    expect(am).toHaveLength(8);
    expect(screensFor(['AUDITOR'])[0].title).toBe('Audit trail');
  });
});
