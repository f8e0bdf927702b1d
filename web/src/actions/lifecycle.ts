// The action lifecycle as the screens offer it: which steps a caller may
// take from each state (a mirror of the API's rules in action.go, so the
// screen offers only what will be allowed; the API still decides), labels,
// and due-date wording. Pure: no React, no I/O.
import type { ActionPriority, ActionQueue, ActionStatus, ActionStep, Role } from '../gql/graphql';

export type Step = ActionStep | 'CHASE';

interface Rule {
  from: readonly ActionStatus[];
  roles: readonly Role[];
  /** The officer the action is allocated to may take it whatever their role. */
  allocatedMayAct?: boolean;
  needsReason?: boolean;
  needsResult?: boolean;
  needsOfficer?: boolean;
}

const OPEN: readonly ActionStatus[] = ['RAISED', 'ALLOCATED', 'IN_PROGRESS'];
const MANAGERS: readonly Role[] = ['ACTION_MANAGER', 'SIO', 'DEPUTY_SIO'];
const COMMAND: readonly Role[] = ['SIO', 'DEPUTY_SIO'];

export const RULES: Record<Step, Rule> = {
  ALLOCATE: { from: OPEN, roles: MANAGERS, needsOfficer: true },
  START: { from: ['ALLOCATED'], roles: ['ACTION_MANAGER'], allocatedMayAct: true },
  RESULT: { from: ['ALLOCATED', 'IN_PROGRESS'], roles: ['ACTION_MANAGER'], allocatedMayAct: true, needsResult: true },
  RETURN: { from: ['RESULTED'], roles: MANAGERS, needsReason: true },
  COMPLETE: { from: ['RESULTED'], roles: MANAGERS },
  REFER: { from: OPEN, roles: MANAGERS, allocatedMayAct: true, needsReason: true },
  REINSTATE: { from: ['REFERRED'], roles: COMMAND, needsReason: true },
  CANCEL: { from: ['REFERRED', ...OPEN], roles: COMMAND, needsReason: true },
  CHASE: { from: OPEN, roles: MANAGERS },
};

/** Order in which the steps are offered (the usual next step first). */
const ORDER: readonly Step[] = ['ALLOCATE', 'START', 'RESULT', 'COMPLETE', 'RETURN', 'CHASE', 'REFER', 'REINSTATE', 'CANCEL'];

export interface Caller {
  roles: readonly Role[];
  /** The caller's officer id, if they have an officer record. */
  officerId?: string | null;
}

/** Whether the caller may take step on an action in status allocated to allocatedTo. */
export function mayTake(step: Step, status: ActionStatus, caller: Caller, allocatedTo?: string | null): boolean {
  const rule = RULES[step];
  if (!rule.from.includes(status)) return false;
  if (rule.roles.some((r) => caller.roles.includes(r))) return true;
  return !!rule.allocatedMayAct && !!allocatedTo && !!caller.officerId && caller.officerId === allocatedTo;
}

/** The steps to offer, in the order a manager works them. */
export function stepsOffered(status: ActionStatus, caller: Caller, allocatedTo?: string | null): Step[] {
  return ORDER.filter((s) => mayTake(s, status, caller, allocatedTo));
}

/** Whether the caller may raise or edit actions (PermRaiseAction). */
export function mayRaise(roles: readonly Role[]): boolean {
  return roles.some((r) => r === 'ANALYST' || r === 'INVESTIGATOR' || MANAGERS.includes(r));
}

export const STEP_LABEL: Record<Step, string> = {
  ALLOCATE: 'Allocate',
  START: 'Start work',
  RESULT: 'Record result',
  RETURN: 'Return for more work',
  COMPLETE: 'Complete and file',
  REFER: 'Refer to SIO',
  REINSTATE: 'Reinstate',
  CANCEL: 'Cancel action',
  CHASE: 'Chase',
};

/** What the screen says once a step is done. */
export const STEP_DONE: Record<Step, string> = {
  ALLOCATE: 'allocated',
  START: 'started',
  RESULT: 'resulted: the result is recorded',
  RETURN: 'returned for more work',
  COMPLETE: 'completed and filed',
  REFER: 'referred to the SIO',
  REINSTATE: 'reinstated',
  CANCEL: 'cancelled',
  CHASE: 'chased',
};

/** What the form for a step asks for. */
export function stepNeeds(step: Step): 'reason' | 'result' | 'officer' | 'note' | null {
  const r = RULES[step];
  if (r.needsOfficer) return 'officer';
  if (r.needsResult) return 'result';
  if (r.needsReason) return 'reason';
  if (step === 'CHASE') return 'note';
  return null;
}

export const STATUS_LABEL: Record<ActionStatus, string> = {
  RAISED: 'Raised',
  ALLOCATED: 'Allocated',
  IN_PROGRESS: 'In progress',
  RESULTED: 'Resulted',
  COMPLETED: 'Completed',
  REFERRED: 'Referred to SIO',
  CANCELLED: 'Cancelled',
};

export const STATUSES: readonly ActionStatus[] = ['RAISED', 'ALLOCATED', 'IN_PROGRESS', 'RESULTED', 'COMPLETED', 'REFERRED', 'CANCELLED'];

export const PRIORITY_LABEL: Record<ActionPriority, string> = { HIGH: 'High', MEDIUM: 'Medium', LOW: 'Low' };
export const PRIORITIES: readonly ActionPriority[] = ['HIGH', 'MEDIUM', 'LOW'];

export function isOpen(status: ActionStatus): boolean {
  return OPEN.includes(status);
}

export type QueueKey = ActionQueue | 'ALL';

export interface QueueDef {
  key: QueueKey;
  label: string;
  /** Field of the counts query. */
  count: 'outstanding' | 'overdue' | 'dueSoon' | 'stale' | 'resulted' | 'referred' | 'all';
  hint: string;
}

export const QUEUES: readonly QueueDef[] = [
  { key: 'OUTSTANDING', label: 'Outstanding', count: 'outstanding', hint: 'Open actions, High first, then by due date' },
  { key: 'OVERDUE', label: 'Overdue', count: 'overdue', hint: 'Open actions past their due date' },
  { key: 'DUE_SOON', label: 'Due soon', count: 'dueSoon', hint: 'Open actions due within 3 days' },
  { key: 'STALE', label: 'Stale', count: 'stale', hint: 'Open actions with no update in 14 days' },
  { key: 'RESULTED', label: 'Resulted', count: 'resulted', hint: 'Results awaiting the action manager' },
  { key: 'REFERRED', label: 'Referred', count: 'referred', hint: 'Referred to the SIO, awaiting a decision' },
  { key: 'ALL', label: 'All actions', count: 'all', hint: 'Every action, newest first' },
];

const DAY = 86_400_000;

/** Days from today to a YYYY-MM-DD date (negative when past), by calendar day in UTC. */
export function daysUntil(dueDate: string, today: Date): number {
  const [y, m, d] = dueDate.split('-').map(Number);
  const due = Date.UTC(y, m - 1, d);
  const now = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Math.round((due - now) / DAY);
}

export interface DueInfo {
  /** e.g. "3 days overdue", "Due today", "Due in 2 days", "No due date". */
  text: string;
  tone: 'overdue' | 'soon' | 'ok' | 'none' | 'closed';
}

/** How the due date reads for an action in status. */
export function dueInfo(dueDate: string | null | undefined, status: ActionStatus, today: Date, overdue?: boolean): DueInfo {
  if (!dueDate) return { text: 'No due date', tone: 'none' };
  if (!isOpen(status)) return { text: `Due ${formatDate(dueDate)}`, tone: 'closed' };
  const n = daysUntil(dueDate, today);
  if (n < 0 || overdue) {
    const late = Math.max(1, -n);
    return { text: `${late} day${late === 1 ? '' : 's'} overdue`, tone: 'overdue' };
  }
  if (n === 0) return { text: 'Due today', tone: 'soon' };
  if (n === 1) return { text: 'Due tomorrow', tone: 'soon' };
  if (n <= 3) return { text: `Due in ${n} days`, tone: 'soon' };
  return { text: `Due in ${n} days`, tone: 'ok' };
}

/** 2026-03-05 → "5 Mar 2026" (the date as recorded, no time zone shift). */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${d} ${months[m - 1]} ${y}`;
}

/** An instant as "5 Mar 2026, 14:05" in UK time. */
export function formatDateTime(iso: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  return t.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
}

/** The due date a priority gets under the SIO's policy, from now (what the API will set when none is given). */
export function policyDueDate(priority: ActionPriority, policy: { highHours: number; mediumDays: number; lowDays: number }, now: Date): string {
  const ms = priority === 'HIGH' ? policy.highHours * 3_600_000 : (priority === 'MEDIUM' ? policy.mediumDays : policy.lowDays) * DAY;
  return new Date(now.getTime() + ms).toISOString().slice(0, 10);
}

/** The SIO's timescale for a priority, in words. */
export function timescaleLabel(priority: ActionPriority, policy: { highHours: number; mediumDays: number; lowDays: number }): string {
  if (priority === 'HIGH') return `${policy.highHours} hours`;
  const d = priority === 'MEDIUM' ? policy.mediumDays : policy.lowDays;
  return `${d} day${d === 1 ? '' : 's'}`;
}

/** Step names of the history (RAISE, CHASE, REPRIORITISE as well as the lifecycle steps), in words. */
export function historyStepLabel(step: string): string {
  const words: Record<string, string> = {
    RAISE: 'Raised', ALLOCATE: 'Allocated', START: 'Started', RESULT: 'Resulted', RETURN: 'Returned',
    COMPLETE: 'Completed', REFER: 'Referred to SIO', REINSTATE: 'Reinstated', CANCEL: 'Cancelled',
    CHASE: 'Chased', REPRIORITISE: 'Reprioritised',
  };
  return words[step] ?? step.charAt(0) + step.slice(1).toLowerCase().replace(/_/g, ' ');
}
