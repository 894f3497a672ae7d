import { useEffect, useRef, useState, type DependencyList } from 'react';
import type { Remote } from '../../utils/messaging';

/** One page of a list the server pages by cursor (the personal and the team's Clients lists). */
export interface CursorPage<T> {
  counterparts: T[];
  total: number;
  nextCursor: string | null;
}

export interface CursorPages<T, P extends CursorPage<T>> {
  items: T[];
  total: number;
  /** The cursor of the next page, null when every item is shown. */
  cursor: string | null;
  /** The latest page answered (what else the server said with it). */
  last: P | null;
  state: 'loading' | 'ready' | 'error';
  error: string;
  /** Appends the next page. */
  more(): void;
  /** Shows the loading state at once, before the dependencies change (a filter button). */
  markLoading(): void;
}

/**
 * A list read a page at a time, from the first page again whenever `deps` change (a filter, the organisation).
 * An answer to a request that a later one made stale is dropped: with a slow server, the first filter's page
 * must not land after, and in place of, the page of the filter chosen since.
 */
export function useCursorPages<T, P extends CursorPage<T>>(
  fetchPage: (cursor: string | null) => Promise<Remote<P>>,
  failure: (answer: Exclude<Remote<P>, { status: 'ok' }>) => string,
  deps: DependencyList,
): CursorPages<T, P> {
  const [items, setItems] = useState<T[]>([]);
  const [total, setTotal] = useState(0);
  const [cursor, setCursor] = useState<string | null>(null);
  const [last, setLast] = useState<P | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');
  const [error, setError] = useState('');
  // Which first-page request is current; a page fetched for an older one is not shown.
  const generation = useRef(0);

  const load = async (next: string | null, replace: boolean) => {
    const mine = replace ? ++generation.current : generation.current;
    setState('loading');
    const res = await fetchPage(next);
    if (mine !== generation.current) return;
    if (res.status !== 'ok') {
      setState('error');
      setError(failure(res));
      return;
    }
    setItems((before) => (replace ? res.data.counterparts : [...before, ...res.data.counterparts]));
    setTotal(res.data.total);
    setCursor(res.data.nextCursor);
    setLast(res.data);
    setState('ready');
  };

  useEffect(() => {
    void load(null, true);
  }, deps);

  return {
    items,
    total,
    cursor,
    last,
    state,
    error,
    more: () => {
      if (cursor) void load(cursor, false);
    },
    markLoading: () => setState('loading'),
  };
}
