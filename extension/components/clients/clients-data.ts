import type { CounterpartDetailResponse, CounterpartListItem, CounterpartThread, PromiseView, StoredTouchpoint, UpdateCounterpartRequest } from '@followthrough/shared/contract';
import type { ProgressReport, Touchpoint } from '@followthrough/shared/model';
import { sendMessage, type ClientsSource, type Remote } from '../../utils/messaging';
import type { CursorPage } from './cursor-pages';

export type ClientFilterId = 'overdue' | 'silent' | 'renewal' | 'awaiting';

/** A page of the user's clients, and whether they come from a server or from this browser's memory. */
export type ClientsPage = CursorPage<CounterpartListItem> & { source: ClientsSource };

/**
 * Where the Clients view gets its data. The view's components take this, not messaging, so another
 * source (a team's shared clients) can drive the same list and client page.
 */
export interface ClientsData {
  list(q: { filter?: ClientFilterId; limit: number; cursor?: string | null }): Promise<Remote<ClientsPage>>;
  client(key: string): Promise<Remote<CounterpartDetailResponse & { source: ClientsSource }>>;
  threads(key: string, cursor: string | null): Promise<Remote<{ threads: CounterpartThread[]; total: number; nextCursor: string | null }>>;
  promises(key: string, cursor: string | null): Promise<Remote<{ promises: PromiseView[]; nextCursor: string | null }>>;
  touchpoints(key: string, cursor: string | null): Promise<Remote<{ touchpoints: StoredTouchpoint[]; nextCursor: string | null }>>;
  saveProfile(key: string, patch: UpdateCounterpartRequest): Promise<{ queued: boolean; pending: number }>;
  report(key: string): Promise<Remote<ProgressReport>>;
  openThread(link: string): Promise<void>;
  /** Logs a touchpoint of the user's (a quarterly review from the client's page): through the offline queue. */
  logTouchpoint?(touchpoint: Touchpoint): Promise<void>;
}

/** The signed-in user's own clients (server) or this browser's memory, through the background. */
export const ownClientsData: ClientsData = {
  list: (q) => sendMessage('listClients', q),
  client: (key) => sendMessage('getClient', { counterpart: key }),
  threads: (key, cursor) => sendMessage('getClientThreads', { counterpart: key, cursor }),
  promises: (key, cursor) => sendMessage('getClientPromises', { counterpart: key, cursor }),
  touchpoints: (key, cursor) => sendMessage('getClientTouchpoints', { counterpart: key, cursor }),
  saveProfile: (key, patch) => sendMessage('updateClientProfile', { counterpart: key, patch }),
  report: (key) => sendMessage('getReport', { counterpart: key }),
  openThread: (link) => sendMessage('openThread', { link }),
  logTouchpoint: async (touchpoint) => {
    await sendMessage('logTouchpoint', { touchpoint });
  },
};

/** The filters of issue 12, in the order a manager works through them. */
export const CLIENT_FILTERS: { id: ClientFilterId | 'all'; label: string }[] = [
  { id: 'all', label: 'All clients' },
  { id: 'overdue', label: 'Overdue promises' },
  { id: 'silent', label: 'Silent past cadence' },
  { id: 'renewal', label: 'Renewal within 60 days' },
  { id: 'awaiting', label: 'Awaiting our reply' },
];
