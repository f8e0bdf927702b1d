// The entity's timeline (Query.timeline): the events it was present at or
// involved in, and the contacts of its phones, in time order, within an
// optional date window.
import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { gql } from '../api/client';
import type { EntityTimelineQuery } from '../gql/graphql';
import { dayBound, entityPath, enumLabel, formatDateTime } from './format';
import { EntityTimelineDocument } from './queries';

export const TIMELINE_LIMIT = 200;

export function timelineInput(id: string, from: string, to: string, includeContacts: boolean) {
  return {
    entityIds: [id],
    from: dayBound(from, false),
    to: dayBound(to, true),
    includeContacts,
    limit: TIMELINE_LIMIT,
  };
}

type Entry = EntityTimelineQuery['timeline'][number];

export function TimelineSection({ id, onProvenance }: { id: string; onProvenance: (linkId: string, opener: HTMLElement) => void }) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [contacts, setContacts] = useState(true);
  const input = timelineInput(id, from, to, contacts);
  const q = useQuery({
    queryKey: ['entity', 'timeline', input],
    queryFn: () => gql(EntityTimelineDocument, { input }),
    placeholderData: keepPreviousData,
  });
  const entries = q.data?.timeline ?? [];
  return (
    <section className="entity-section" aria-labelledby="entity-timeline-h" id="timeline">
      <header>
        <h2 id="entity-timeline-h">Timeline</h2>
        {q.data && <span className="muted">{entries.length.toLocaleString('en-GB')} {entries.length === 1 ? 'entry' : 'entries'}, in date order</span>}
      </header>
      <form className="filters" aria-label="Timeline filters" onSubmit={(e) => e.preventDefault()}>
        <label>From<input type="date" value={from} onChange={(e) => setFrom(e.target.value)} /></label>
        <label>To<input type="date" value={to} onChange={(e) => setTo(e.target.value)} /></label>
        <label className="filter-inline">
          <input type="checkbox" checked={contacts} onChange={(e) => setContacts(e.target.checked)} />
          Include phone contacts
        </label>
        <div className="filters-actions">
          <button type="button" onClick={() => { setFrom(''); setTo(''); }} disabled={!from && !to}>Clear dates</button>
        </div>
      </form>
      {q.error ? (
        <p role="alert" className="error">Could not load the timeline: {q.error.message}</p>
      ) : q.isPending ? (
        <p className="muted" aria-busy="true">Loading timeline…</p>
      ) : entries.length === 0 ? (
        <p className="empty">{from || to ? 'Nothing dated in this window.' : 'No dated events or contacts you may see.'}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" aria-label="Timeline" aria-busy={q.isFetching || undefined}>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Entry</th>
                <th scope="col">What</th>
                <th scope="col"><span className="sr-only">Provenance</span></th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e, i) => <TimelineRow key={`${e.entry}-${e.event?.id ?? e.link?.id}-${e.at}-${i}`} e={e} onProvenance={onProvenance} />)}
            </tbody>
          </table>
        </div>
      )}
      {entries.length >= TIMELINE_LIMIT && (
        <p className="timeline-note">Showing the earliest {TIMELINE_LIMIT} entries; narrow the dates to see later ones.</p>
      )}
    </section>
  );
}

function TimelineRow({ e, onProvenance }: { e: Entry; onProvenance: (linkId: string, opener: HTMLElement) => void }) {
  if (e.event) {
    return (
      <tr>
        <td className="nowrap">{formatDateTime(e.at)}</td>
        <td><span className="timeline-kind timeline-kind-event">{enumLabel(e.event.kind)}</span></td>
        <td>
          <Link to={entityPath(e.event.id)}>{e.event.summary}</Link>
          {e.event.crimeNumber && <span className="sub mono">Crime {e.event.crimeNumber}</span>}
        </td>
        <td />
      </tr>
    );
  }
  if (e.link) {
    return (
      <tr>
        <td className="nowrap">{formatDateTime(e.at)}</td>
        <td><span className="timeline-kind timeline-kind-contact">Contact</span></td>
        <td>
          <Link to={entityPath(e.link.from.id)}>{e.link.from.label}</Link>
          {' → '}
          <Link to={entityPath(e.link.to.id)}>{e.link.to.label}</Link>
          {e.link.count != null && <span className="sub">{e.link.count.toLocaleString('en-GB')} contacts on this link in all</span>}
        </td>
        <td>
          <button type="button" title="Provenance of this contact link" onClick={(ev) => onProvenance(e.link!.id, ev.currentTarget)}>Provenance</button>
        </td>
      </tr>
    );
  }
  return null;
}
