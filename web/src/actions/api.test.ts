import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { errorMessage, fieldKey } from './api';

describe('fieldKey', () => {
  it('names the form field an API error points at', () => {
    expect(fieldKey('input.title')).toBe('title');
    expect(fieldKey('input.raisedFromIds[2]')).toBe('raisedFromIds');
    expect(fieldKey('date')).toBe('dueDate');
    expect(fieldKey('reason')).toBe('reason');
    expect(fieldKey(undefined)).toBeNull();
  });
});

describe('errorMessage', () => {
  it('says a conflict means someone else changed the action', () => {
    expect(errorMessage(new ApiError('act_1 has changed since version 3; reload and retry', 'CONFLICT', 200)))
      .toBe('Changed by someone else; reload. (act_1 has changed since version 3; reload and retry)');
  });
  it('says plainly when the role may not do something', () => {
    expect(errorMessage(new ApiError('your role may not cancel this action', 'FORBIDDEN', 200))).toBe('Not permitted: your role may not cancel this action');
  });
});
