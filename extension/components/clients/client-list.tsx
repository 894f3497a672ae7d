import { useEffect, useState } from 'react';
import { FilterButtons } from './filter-buttons';
import type { CounterpartListItem } from '@followthrough/shared/contract';
import type { ClientsSource } from '../../utils/messaging';
import { CLIENT_FILTERS, type ClientFilterId, type ClientsData } from './clients-data';
import { HealthReasons, HealthScore } from './health-reasons';

const PAGE_SIZE = 25;

/** One client in the list: health, who, and the reasons that cost the most. */
export function ClientRow({ client, open }: { client: CounterpartListItem; open(key: string): void }) {
  const badges: string[] = [];
  if (client.promises.overdue > 0) badges.push(`${client.promises.overdue} overdue`);
  if (client.awaitingOurReplyCount > 0) badges.push(`${client.awaitingOurReplyCount} awaiting us`);
  if (client.renewalDate) badges.push(`renews ${client.renewalDate}`);
  return (
    <li className="ft-client-row" data-testid="ft-clients-row" data-key={client.key} data-score={client.health.score}>
      <div className="ft-client-row-head">
        <HealthScore score={client.health.score} />
        <button type="button" className="ft-link ft-client-name" onClick={() => open(client.key)}>
          <strong>{client.name ?? client.key}</strong>
          {client.name && <span className="ft-note"> {client.key}</span>}
        </button>
        <span className="ft-note">
          {client.threads} threads{badges.length > 0 ? ` · ${badges.join(' · ')}` : ''}
        </span>
      </div>
      <HealthReasons health={client.health} max={2} testId="ft-clients-reasons" />
    </li>
  );
}

/**
 * Every client, worst health first, with filters and paging through the list's cursors. `data` decides
 * whose clients (the user's own now; a team's later).
 */
export function ClientList({ data, open, initialFilter = 'all' }: { data: ClientsData; open(key: string): void; initialFilter?: ClientFilterId | 'all' }) {
  const [filter, setFilter] = useState<ClientFilterId | 'all'>(initialFilter);
  const [items, setItems] = useState<CounterpartListItem[]>([]);
  const [total, setTotal] = useState(0);
  const [cursor, setCursor] = useState<string | null>(null);
  const [source, setSource] = useState<ClientsSource | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');
  const [error, setError] = useState('');

  const load = async (next: string | null, replace: boolean) => {
    setState('loading');
    const res = await data.list({ ...(filter === 'all' ? {} : { filter }), limit: PAGE_SIZE, cursor: next });
    if (res.status !== 'ok') {
      setState('error');
      setError(res.status === 'error' ? res.message : 'No clients to show.');
      return;
    }
    setItems((before) => (replace ? res.data.counterparts : [...before, ...res.data.counterparts]));
    setTotal(res.data.total);
    setCursor(res.data.nextCursor);
    setSource(res.data.source);
    setState('ready');
  };

  useEffect(() => {
    void load(null, true);
  }, [filter]);

  return (
    <section data-testid="ft-clients-list" data-state={state} data-filter={filter} aria-label="Clients">
      <FilterButtons
        filters={CLIENT_FILTERS}
        selected={filter}
        testIdPrefix="ft-clients-filter"
        onSelect={(id) => {
          setState('loading');
          setFilter(id);
        }}
      />
      <p className="ft-note" data-testid="ft-clients-total">
        {state === 'error'
          ? ''
          : `${total} ${total === 1 ? 'client' : 'clients'}${filter === 'all' ? '' : ` (${CLIENT_FILTERS.find((f) => f.id === filter)?.label.toLowerCase()})`}, worst health first${
              source === 'memory' ? ': from the threads you opened in this browser (sign in to a server for whole mailboxes)' : ''
            }`}
      </p>
      {state === 'error' && (
        <p className="ft-bad" role="alert">
          {error}
        </p>
      )}
      <ul className="ft-client-list">
        {items.map((c) => (
          <ClientRow key={c.key} client={c} open={open} />
        ))}
      </ul>
      {state === 'ready' && items.length === 0 && <p className="ft-note" data-testid="ft-clients-empty">No clients match.</p>}
      {cursor && (
        <button type="button" disabled={state === 'loading'} data-testid="ft-clients-more" onClick={() => void load(cursor, false)}>
          Show more ({total - items.length} left)
        </button>
      )}
    </section>
  );
}
