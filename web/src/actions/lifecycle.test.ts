import { describe, expect, it } from 'vitest';
import type { ActionStatus, Role } from '../gql/graphql';
import { daysUntil, dueInfo, formatDate, historyStepLabel, mayRaise, mayTake, policyDueDate, stepNeeds, stepsOffered, timescaleLabel } from './lifecycle';

const am = { roles: ['ACTION_MANAGER'] as Role[], officerId: 'off_am' };
const sio = { roles: ['SIO'] as Role[], officerId: 'off_sio' };
const deputy = { roles: ['DEPUTY_SIO'] as Role[], officerId: 'off_dep' };
const dc = { roles: ['INVESTIGATOR'] as Role[], officerId: 'off_dc' };
const auditor = { roles: ['AUDITOR'] as Role[], officerId: 'off_aud' };

describe('stepsOffered', () => {
  it('offers the action manager allocation, chasing and referral of a raised action, never cancellation', () => {
    expect(stepsOffered('RAISED', am)).toEqual(['ALLOCATE', 'CHASE', 'REFER']);
  });
  it('offers the action manager start and result once allocated', () => {
    expect(stepsOffered('ALLOCATED', am, 'off_dc')).toEqual(['ALLOCATE', 'START', 'RESULT', 'CHASE', 'REFER']);
    expect(stepsOffered('IN_PROGRESS', am, 'off_dc')).toEqual(['ALLOCATE', 'RESULT', 'CHASE', 'REFER']);
  });
  it('offers completion or return of a resulted action to the managers', () => {
    expect(stepsOffered('RESULTED', am)).toEqual(['COMPLETE', 'RETURN']);
    expect(stepsOffered('RESULTED', sio)).toEqual(['COMPLETE', 'RETURN']);
  });
  it('lets only the SIO or deputy reinstate or cancel a referred action', () => {
    expect(stepsOffered('REFERRED', am)).toEqual([]);
    expect(stepsOffered('REFERRED', sio)).toEqual(['REINSTATE', 'CANCEL']);
    expect(stepsOffered('REFERRED', deputy)).toEqual(['REINSTATE', 'CANCEL']);
  });
  it('lets the SIO cancel an open action directly, but not start or result it', () => {
    expect(stepsOffered('ALLOCATED', sio, 'off_dc')).toEqual(['ALLOCATE', 'CHASE', 'REFER', 'CANCEL']);
  });
  it('lets the allocated investigator start, result and refer, and nobody else of that role', () => {
    expect(stepsOffered('ALLOCATED', dc, 'off_dc')).toEqual(['START', 'RESULT', 'REFER']);
    expect(stepsOffered('ALLOCATED', dc, 'off_other')).toEqual([]);
    expect(stepsOffered('ALLOCATED', { roles: ['INVESTIGATOR'] }, null)).toEqual([]);
  });
  it('offers nothing on closed actions or to an auditor', () => {
    for (const s of ['COMPLETED', 'CANCELLED'] as ActionStatus[]) {
      expect(stepsOffered(s, am)).toEqual([]);
      expect(stepsOffered(s, sio)).toEqual([]);
    }
    expect(stepsOffered('RAISED', auditor)).toEqual([]);
  });
  it('never lets the action manager cancel', () => {
    for (const s of ['RAISED', 'ALLOCATED', 'IN_PROGRESS', 'REFERRED'] as ActionStatus[]) expect(mayTake('CANCEL', s, am)).toBe(false);
  });
});

describe('stepNeeds and mayRaise', () => {
  it('asks for what the API requires', () => {
    expect(stepNeeds('ALLOCATE')).toBe('officer');
    expect(stepNeeds('RESULT')).toBe('result');
    expect(stepNeeds('REFER')).toBe('reason');
    expect(stepNeeds('CANCEL')).toBe('reason');
    expect(stepNeeds('CHASE')).toBe('note');
    expect(stepNeeds('COMPLETE')).toBeNull();
    expect(stepNeeds('START')).toBeNull();
  });
  it('lets every role but the auditor and external systems raise', () => {
    expect(mayRaise(['ACTION_MANAGER'])).toBe(true);
    expect(mayRaise(['ANALYST'])).toBe(true);
    expect(mayRaise(['AUDITOR'])).toBe(false);
    expect(mayRaise(['EXTERNAL_SYSTEM'])).toBe(false);
  });
});

describe('due dates', () => {
  const today = new Date('2026-03-10T09:30:00Z');
  it('counts calendar days', () => {
    expect(daysUntil('2026-03-10', today)).toBe(0);
    expect(daysUntil('2026-03-13', today)).toBe(3);
    expect(daysUntil('2026-03-01', today)).toBe(-9);
    expect(daysUntil('2026-04-01', today)).toBe(22);
  });
  it('words open actions by urgency', () => {
    expect(dueInfo('2026-03-09', 'ALLOCATED', today)).toEqual({ text: '1 day overdue', tone: 'overdue' });
    expect(dueInfo('2026-03-01', 'RAISED', today)).toEqual({ text: '9 days overdue', tone: 'overdue' });
    expect(dueInfo('2026-03-10', 'IN_PROGRESS', today)).toEqual({ text: 'Due today', tone: 'soon' });
    expect(dueInfo('2026-03-11', 'RAISED', today)).toEqual({ text: 'Due tomorrow', tone: 'soon' });
    expect(dueInfo('2026-03-13', 'RAISED', today)).toEqual({ text: 'Due in 3 days', tone: 'soon' });
    expect(dueInfo('2026-03-20', 'RAISED', today)).toEqual({ text: 'Due in 10 days', tone: 'ok' });
  });
  it('believes the API when it says overdue (a High action due later today)', () => {
    expect(dueInfo('2026-03-10', 'RAISED', today, true)).toEqual({ text: '1 day overdue', tone: 'overdue' });
  });
  it('does not call closed actions overdue', () => {
    expect(dueInfo('2026-03-01', 'COMPLETED', today)).toEqual({ text: 'Due 1 Mar 2026', tone: 'closed' });
    expect(dueInfo(null, 'RAISED', today)).toEqual({ text: 'No due date', tone: 'none' });
  });
  it('formats dates without shifting the day', () => {
    expect(formatDate('2026-12-31')).toBe('31 Dec 2026');
    expect(formatDate('not a date')).toBe('not a date');
  });
  it('previews the due date the SIO policy gives', () => {
    const policy = { highHours: 24, mediumDays: 7, lowDays: 28 };
    expect(policyDueDate('HIGH', policy, today)).toBe('2026-03-11');
    expect(policyDueDate('MEDIUM', policy, today)).toBe('2026-03-17');
    expect(policyDueDate('LOW', policy, today)).toBe('2026-04-07');
    expect(timescaleLabel('HIGH', policy)).toBe('24 hours');
    expect(timescaleLabel('LOW', { ...policy, lowDays: 1 })).toBe('1 day');
  });
  it('names history steps', () => {
    expect(historyStepLabel('REFER')).toBe('Referred to SIO');
    expect(historyStepLabel('REPRIORITISE')).toBe('Reprioritised');
    expect(historyStepLabel('SOMETHING_NEW')).toBe('Something new');
  });
});
