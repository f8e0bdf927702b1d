// The header's entity search: one query over the current operation's
// people, organisations, phones, vehicles and places, shown grouped by
// kind in an ARIA 1.2 combobox (arrow keys move, Enter opens the entity's
// page, Escape closes; "/" anywhere focuses the box).
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { gql } from '../api/client';
import { useOperation } from '../operation';
import { entityPath } from '../entity/format';
import { SearchEntitiesDocument } from './queries';
import { MIN_QUERY, cleanQuery, flatOptions, groupResults, moveActive, searchVariables, splitMatch, useDebounced } from './searchLogic';
import './search.css';

export function SearchBox() {
  const { operation } = useOperation();
  const navigate = useNavigate();
  const baseId = useId();
  const listboxId = `${baseId}-listbox`;
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const debounced = useDebounced(text);
  const vars = operation ? searchVariables(operation.id, debounced) : null;

  const q = useQuery({
    queryKey: ['search', vars],
    enabled: !!vars,
    queryFn: () => gql(SearchEntitiesDocument, vars!),
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });

  const current = cleanQuery(text);
  const tooShort = current.length < MIN_QUERY;
  const groups = useMemo(() => (tooShort || !vars ? [] : groupResults(q.data)), [q.data, tooShort, vars]);
  const options = useMemo(() => flatOptions(groups), [groups]);
  const settled = !!vars && cleanQuery(debounced) === current && !q.isFetching && !q.isPlaceholderData;
  const total = groups.reduce((n, g) => n + g.options.length + g.more, 0);

  // A new answer starts with nothing active.
  useEffect(() => { setActive(-1); }, [q.data, current]);

  // "/" anywhere outside a text field focuses the search, as in most tools.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
      e.preventDefault();
      inputRef.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const choose = (id: string) => {
    setOpen(false);
    setText('');
    setActive(-1);
    navigate(entityPath(id));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        e.preventDefault();
        if (!open) { setOpen(true); return; }
        setActive((a) => moveActive(a, options.length, e.key as 'ArrowDown' | 'ArrowUp'));
        return;
      case 'Home':
      case 'End':
        if (open && active >= 0) {
          e.preventDefault();
          setActive(moveActive(active, options.length, e.key));
        }
        return;
      case 'Enter': {
        if (!open) return;
        const pick = active >= 0 ? options[active] : settled ? options[0] : undefined;
        if (pick) { e.preventDefault(); choose(pick.id); }
        return;
      }
      case 'Escape':
        e.preventDefault();
        if (open && !tooShort) setOpen(false);
        else { setText(''); setOpen(false); }
        return;
      case 'Tab':
        setOpen(false);
        return;
    }
  };

  const expanded = open && !tooShort && options.length > 0;
  const activeId = expanded && active >= 0 ? `${baseId}-opt-${active}` : undefined;

  let message: string | null = null;
  let messageIsError = false;
  if (open && !operation) message = 'Choose an operation to search in.';
  else if (open && current.length > 0 && tooShort) message = `Type at least ${MIN_QUERY} characters.`;
  else if (open && !tooShort) {
    if (q.error && settled) { message = `Search failed: ${q.error.message}`; messageIsError = true; }
    else if (!settled && options.length === 0) message = 'Searching…';
    else if (settled && options.length === 0) message = `No entities match “${current}” in ${operation?.reference ?? 'this operation'}.`;
  }

  let index = -1;
  return (
    <div className="searchbox" onBlur={(e) => { if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOpen(false); }}>
      <span className="searchbox-icon" aria-hidden="true">⌕</span>
      <input
        ref={inputRef}
        type="text"
        role="combobox"
        aria-label="Search entities"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listboxId}
        aria-activedescendant={activeId}
        aria-describedby={`${baseId}-hint`}
        autoComplete="off"
        spellCheck={false}
        placeholder={operation ? 'Search people, phones, vehicles, places…' : 'No operation'}
        disabled={!operation}
        value={text}
        onChange={(e) => { setText(e.target.value); setOpen(true); }}
        onFocus={() => { if (cleanQuery(text).length >= MIN_QUERY) setOpen(true); }}
        onKeyDown={onKeyDown}
      />
      <kbd className="searchbox-kbd" aria-hidden="true">/</kbd>
      <span id={`${baseId}-hint`} className="sr-only">
        Names, aliases, PNC ids, phone numbers, VRMs, addresses, postcodes and organisations. Arrow keys to choose, Enter to open.
      </span>
      <div className={`search-popup${open && message !== null || expanded ? ' open' : ''}`}>
        <div role="listbox" id={listboxId} aria-label="Search results" hidden={!expanded}>
          {expanded && groups.map((g) => (
            <div role="group" key={g.kind} aria-labelledby={`${baseId}-g-${g.kind}`} className="search-group">
              <div role="presentation" id={`${baseId}-g-${g.kind}`} className="search-group-title">
                {g.title}
                {g.more > 0 && <span className="search-more"> +{g.more} more, refine the search</span>}
              </div>
              {g.options.map((o) => {
                index += 1;
                const i = index;
                const [before, match, after] = splitMatch(o.label, current);
                return (
                  <div
                    role="option"
                    key={o.id}
                    id={`${baseId}-opt-${i}`}
                    aria-selected={i === active}
                    className={`search-option${i === active ? ' active' : ''}`}
                    onMouseDown={(e) => e.preventDefault()}
                    onMouseMove={() => { if (active !== i) setActive(i); }}
                    onClick={() => choose(o.id)}
                  >
                    <span className="search-option-label">{before}{match && <mark>{match}</mark>}{after}</span>
                    {o.detail && <span className="search-option-detail">{o.detail}</span>}
                  </div>
                );
              })}
            </div>
          ))}
        </div>
        {message !== null && (
          <p className={`search-message${messageIsError ? ' error' : ''}`} role={messageIsError ? 'alert' : undefined}>{message}</p>
        )}
        {expanded && (
          <p className="search-footer" aria-hidden="true">↑↓ to choose · Enter to open · Esc to close</p>
        )}
      </div>
      <span className="sr-only" role="status" aria-live="polite">
        {open && settled && !tooShort ? (options.length ? `${total} ${total === 1 ? 'match' : 'matches'}` : 'No matches') : ''}
      </span>
    </div>
  );
}
