// Pure formatting of the evidence screens.
import type { DisclosureStatus } from '../gql/graphql';

const DISCLOSURE: Record<DisclosureStatus, string> = {
  UNASSESSED: 'Not yet assessed',
  USED: 'Used as evidence',
  UNUSED_NON_SENSITIVE: 'Unused, non-sensitive (MG6C)',
  UNUSED_SENSITIVE: 'Unused, sensitive (MG6D)',
};

/** An exhibit's CPIA disclosure status in words. */
export function disclosureLabel(s: DisclosureStatus | string): string {
  return DISCLOSURE[s as DisclosureStatus] ?? s;
}

/** A text cut at a word near `n` characters, with an ellipsis. */
export function excerpt(text: string, n = 160): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= n) return t;
  const cut = t.slice(0, n);
  const space = cut.lastIndexOf(' ');
  return `${(space > n * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '')}…`;
}
