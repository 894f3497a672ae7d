import type { PromiseVerdict, StoredMessageFacts, Touchpoint } from '@followthrough/shared/model';
import type { ProtocolMap } from '../utils/messaging';
import type { RememberedThread } from '../utils/memory-store';
import { completeSettings, isSignedIn } from '../utils/settings';
import { LOCAL_TOUCHPOINT_LIMIT, localStateItem, settingsItem } from '../utils/storage';
import { currentClient, localMemory, memoryStore, queue, toRemote } from './context';

/** What the sidebar asks of the background: the server's view of a thread, or local memory's. */
export async function threadSummary(threadId: string): Promise<ReturnType<ProtocolMap['getThreadSummary']>> {
  const client = await currentClient();
  if (!client) return { status: 'local-only' };
  return toRemote(await client.threadSummary(threadId));
}

export async function pushThreadMessages(messages: Parameters<ProtocolMap['pushThreadMessages']>[0]['messages']): Promise<ReturnType<ProtocolMap['pushThreadMessages']>> {
  const client = await currentClient();
  if (!client) return { status: 'local-only' };
  const result = await client.pushMessages(messages);
  return result.ok ? { status: 'ok', data: { accepted: messages.length } } : toRemote(result as never);
}

/**
 * Local-only mode: keeps the open thread's facts (what the server would store; no body) and answers with
 * the client's figures over every thread remembered so far. Signed in, nothing is kept here: the server has it.
 */
export async function rememberThread(thread: RememberedThread, facts: StoredMessageFacts[]): Promise<ReturnType<ProtocolMap['rememberThread']>> {
  const settings = completeSettings(await settingsItem.getValue());
  if (isSignedIn(settings) || facts.length === 0) return null;
  if (await memoryStore.remember(thread, facts)) localMemory.invalidate();
  return localMemory.threadView(thread.threadId, thread.counterpart);
}

export async function logTouchpoint(touchpoint: Touchpoint): Promise<{ queued: true; pending: number }> {
  const local = await localStateItem.getValue();
  if (!local.touchpoints.some((t) => t.id === touchpoint.id)) {
    await localStateItem.setValue({ ...local, touchpoints: [...local.touchpoints, touchpoint].slice(-LOCAL_TOUCHPOINT_LIMIT) });
  }
  localMemory.invalidate();
  await queue.enqueue({ kind: 'touchpoint', touchpoint });
  void queue.flush();
  return { queued: true, pending: (await queue.pending()).entries.length };
}

export async function setPromiseVerdict(promiseId: string, verdict: Required<Pick<PromiseVerdict, 'status'>> & PromiseVerdict): Promise<{ queued: boolean; pending: number }> {
  const local = await localStateItem.getValue();
  const previous = local.verdicts[promiseId];
  // A snooze or a due date the user set earlier stays unless this verdict changes it (a due-date change
  // used to drop a snooze silently).
  const merged = { ...previous, ...verdict, updatedAt: new Date().toISOString() };
  if (verdict.status !== 'open') delete merged.snoozedUntil;
  await localStateItem.setValue({ ...local, verdicts: { ...local.verdicts, [promiseId]: merged } });
  localMemory.invalidate();
  const dueAt = verdict.dueAt ?? (verdict.status === 'open' && verdict.snoozedUntil !== undefined ? previous?.dueAt : undefined);
  await queue.enqueue({
    kind: 'verdict',
    promiseId,
    body: { status: verdict.status, ...(dueAt ? { dueAt } : {}), ...(verdict.snoozedUntil !== undefined ? { snoozedUntil: verdict.snoozedUntil } : {}) },
  });
  void queue.flush();
  return { queued: true, pending: (await queue.pending()).entries.length };
}

export async function report(counterpart: string, since?: string): Promise<ReturnType<ProtocolMap['getReport']>> {
  const client = await currentClient();
  if (!client) return { status: 'local-only' };
  return toRemote(await client.report(counterpart, since));
}
