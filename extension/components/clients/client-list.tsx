import { useState } from 'react';
import { FilterButtons } from './filter-buttons';
import type { CounterpartListItem } from '@followthrough/shared/contract';
import { CLIENT_FILTERS, type ClientFilterId, type ClientsData, type ClientsPage } from './clients-data';
import { ClientRowHead } from './client-row-head';
import { useCursorPages } from './cursor-pages';
import { HealthReasons } from './health-reasons';

const PAGE_SIZE = 25;

/** One client in the list: health, who, and the reasons that cost the most. */
export function ClientRow({ client, open }: { client: CounterpartListItem; open(key: string): void }) {
  return (
    <li className="ft-client-row" data-testid="ft-clients-row" data-key={client.key} data-score={client.health.score}>
      <ClientRowHead client={client} open={open} />
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
  const pages = useCursorPages<CounterpartListItem, ClientsPage>(
    (cursor) => data.list({ ...(filter === 'all' ? {} : { filter }), limit: PAGE_SIZE, cursor }),
    (res) => (res.status === 'error' ? res.message : 'No clients to show.'),
    [filter],
  );
  const { items, total, cursor, state, error } = pages;
  const source = pages.last?.source ?? null;

  return (
    <section data-testid="ft-clients-list" data-state={state} data-filter={filter} aria-label="Clients">
      <FilterButtons
        filters={CLIENT_FILTERS}
        selected={filter}
        testIdPrefix="ft-clients-filter"
        onSelect={(id) => {
          pages.markLoading();
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
        <button type="button" disabled={state === 'loading'} data-testid="ft-clients-more" onClick={pages.more}>
          Show more ({total - items.length} left)
        </button>
      )}
    </section>
  );
}
