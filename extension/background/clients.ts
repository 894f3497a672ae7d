import type { CounterpartProfile, UpdateCounterpartRequest } from '@followthrough/shared/contract';
import type { ProtocolMap, Remote } from '../utils/messaging';
import { localClientsItem } from '../utils/storage';
import { currentClient, localMemory, queue, toRemote } from './context';

/**
 * The Clients view and the sidebar's client header: from the server when signed in, else from this
 * browser's memory of opened threads (local-memory.ts). Profile edits go through the offline queue when
 * signed in, and into local storage otherwise.
 */
type Data<K extends keyof ProtocolMap> = Parameters<ProtocolMap[K]>[0];
type Answer<K extends keyof ProtocolMap> = ReturnType<ProtocolMap[K]>;

const PAGE = 25;

export async function listClients(q: Data<'listClients'>): Promise<Answer<'listClients'>> {
  const client = await currentClient();
  if (client) {
    const result = toRemote(await client.counterparts({ ...(q.filter ? { filter: q.filter } : {}), sort: 'health', limit: q.limit, cursor: q.cursor ?? null }));
    return result.status === 'ok' ? { status: 'ok', data: { ...result.data, source: 'server' } } : result;
  }
  const page = await localMemory.listClients({ ...(q.filter ? { filter: q.filter } : {}), limit: q.limit, cursor: q.cursor ?? null });
  return { status: 'ok', data: { ...page, source: 'memory' } };
}

export async function getClient(key: string): Promise<Answer<'getClient'>> {
  const client = await currentClient();
  if (client) {
    const result = toRemote(await client.counterpart(key));
    return result.status === 'ok' ? { status: 'ok', data: { ...result.data, source: 'server' } } : result;
  }
  const detail = await localMemory.client(key);
  if (!detail) {
    // A client known only from a profile set here.
    const profile = (await localClientsItem.getValue()).profiles[key];
    return profile ? { status: 'not-found' } : { status: 'not-found' };
  }
  return { status: 'ok', data: { ...detail, source: 'memory' } };
}

export async function getClientThreads(key: string, cursor: string | null): Promise<Answer<'getClientThreads'>> {
  const client = await currentClient();
  if (client) return toRemote(await client.counterpartThreads(key, { limit: PAGE, cursor }));
  return { status: 'ok', data: await localMemory.clientThreads(key) };
}

export async function getClientPromises(key: string, cursor: string | null): Promise<Answer<'getClientPromises'>> {
  const client = await currentClient();
  if (client) return toRemote(await client.promises({ counterpart: key, limit: PAGE, cursor }));
  const detail = await localMemory.client(key);
  return { status: 'ok', data: { promises: detail?.promises ?? [], nextCursor: null } };
}

export async function getClientTouchpoints(key: string, cursor: string | null): Promise<Answer<'getClientTouchpoints'>> {
  const client = await currentClient();
  if (client) return toRemote(await client.touchpoints({ counterpart: key, limit: PAGE, cursor }));
  const detail = await localMemory.client(key);
  return { status: 'ok', data: { touchpoints: detail?.touchpoints ?? [], nextCursor: null } };
}

const EMPTY: CounterpartProfile = { name: null, cadenceDays: null, renewalDate: null, notes: null, initiationTargetPercent: null, reviewIntervalDays: null, feedbackIntervalDays: null };

export async function getClientProfile(key: string): Promise<Remote<{ profile: CounterpartProfile; source: 'server' | 'memory' }>> {
  const client = await currentClient();
  const pending = (await queue.pending()).entries.find((e) => e.key === `profile:${key}`);
  const pendingPatch = pending?.write.kind === 'profile' ? pending.write.patch : {};
  if (client) {
    const result = await client.counterpart(key);
    // A client the server has not heard of yet (a thread not synced): its profile starts empty.
    if (!result.ok && result.status !== 404) return { status: 'error', message: result.error };
    const profile = result.ok ? result.data.profile : EMPTY;
    return { status: 'ok', data: { profile: { ...profile, ...pendingPatch }, source: 'server' } };
  }
  const local = (await localClientsItem.getValue()).profiles[key];
  const { updatedAt: _updatedAt, ...profile } = local ?? { ...EMPTY, updatedAt: '' };
  return { status: 'ok', data: { profile: { ...EMPTY, ...profile }, source: 'memory' } };
}

export async function updateClientProfile(key: string, patch: UpdateCounterpartRequest, signedIn: boolean): Promise<{ queued: boolean; pending: number }> {
  // The local copy is kept either way: the sidebar and the Clients view show the edit at once, and a user
  // who signs out keeps what they set.
  const clients = await localClientsItem.getValue();
  const before = clients.profiles[key] ?? { ...EMPTY, updatedAt: '' };
  await localClientsItem.setValue({ ...clients, profiles: { ...clients.profiles, [key]: { ...before, ...patch, updatedAt: new Date().toISOString() } } });
  localMemory.invalidate();
  if (!signedIn) return { queued: false, pending: 0 };
  await queue.enqueue({ kind: 'profile', counterpart: key, patch });
  await queue.flush();
  return { queued: true, pending: (await queue.pending()).entries.length };
}
