// Small shared pieces of the action screens.
import type { ActionPriority, ActionStatus } from '../gql/graphql';
import { dueInfo, formatDate, PRIORITY_LABEL, STATUS_LABEL } from './lifecycle';

export function PriorityBadge({ value }: { value: ActionPriority }) {
  return <span className={`pill pri-${value.toLowerCase()}`} title={`${PRIORITY_LABEL[value]} priority`}>{PRIORITY_LABEL[value]}</span>;
}

export function StatusBadge({ value }: { value: ActionStatus }) {
  return <span className={`pill st-${value.toLowerCase()}`}>{STATUS_LABEL[value]}</span>;
}

export function DueText({ dueDate, status, overdue, today }: { dueDate?: string | null; status: ActionStatus; overdue?: boolean; today: Date }) {
  const d = dueInfo(dueDate, status, today, overdue);
  return (
    <span className={`due due-${d.tone}`} title={dueDate ? `Due ${formatDate(dueDate)}` : undefined}>
      {d.tone === 'overdue' && <span aria-hidden="true">● </span>}
      {d.text}
      {dueDate && d.tone !== 'closed' && <span className="due-date">{formatDate(dueDate)}</span>}
    </span>
  );
}
