import type { Touchpoint } from '@followthrough/shared/model';
import type { UpdateCounterpartRequest, UpdatePromiseRequest, UserSettingsInput } from '@followthrough/shared/contract';

/** A write the server must eventually receive. */
export type QueuedWrite =
  | { kind: 'touchpoint'; touchpoint: Touchpoint }
  | { kind: 'verdict'; promiseId: string; body: UpdatePromiseRequest }
  /** A client's profile (name, cadence, renewal, notes, initiation target): later edits merge into a pending one. */
  | { kind: 'profile'; counterpart: string; patch: UpdateCounterpartRequest }
  /** The user's settings as a whole (the latest wins). */
  | { kind: 'settings'; settings: UserSettingsInput }
  /** A reminder put away until an instant (null: shown again). */
  | { kind: 'snooze'; reminderId: string; until: string | null };

export interface QueueEntry {
  /** Idempotency key: the touchpoint's UUID, or "verdict:<promiseId>" (the latest verdict wins). */
  key: string;
  write: QueuedWrite;
  enqueuedAt: string;
  attempts: number;
  /** Earliest time of the next attempt (ISO). */
  nextAttemptAt: string;
  lastError: string | null;
}

export interface QueueState {
  entries: QueueEntry[];
  /** Writes the server refused for good (400/404/422): kept for the user to see, never retried. */
  failed: QueueEntry[];
}

/** How a send ended. `retry` = try later (network down, 5xx, 429); `reject` = the server said no for good. */
export type SendOutcome = { ok: true } | { ok: false; retry: boolean; error: string; retryAfterMs?: number };

export interface OfflineQueueDeps {
  load(): Promise<QueueState>;
  save(state: QueueState): Promise<void>;
  send(write: QueuedWrite): Promise<SendOutcome>;
  now(): number;
  /** 0..1, for jitter; injectable so tests are deterministic. */
  random?: () => number;
}

export const BACKOFF_BASE_MS = 5_000;
export const BACKOFF_MAX_MS = 30 * 60_000;

/** Exponential backoff with "equal jitter": half fixed, half random, capped at 30 minutes. */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

export function keyOf(write: QueuedWrite): string {
  switch (write.kind) {
    case 'touchpoint':
      return `touchpoint:${write.touchpoint.id}`;
    case 'verdict':
      return `verdict:${write.promiseId}`;
    case 'profile':
      return `profile:${write.counterpart}`;
    case 'settings':
      return 'settings';
    case 'snooze':
      return `snooze:${write.reminderId}`;
  }
}

const TOUCHPOINT_WORDS: Record<Touchpoint['kind'], string> = {
  call: 'call',
  meeting: 'meeting',
  note: 'note',
  'feedback-asked': 'feedback request',
  'report-sent': 'report sent',
  invoice: 'invoice',
  review: 'quarterly review',
  other: 'contact',
};

/** A write in words, for the options page's list of pending and refused writes. */
export function describeWrite(write: QueuedWrite): string {
  switch (write.kind) {
    case 'touchpoint':
      return `Logged ${TOUCHPOINT_WORDS[write.touchpoint.kind]} with ${write.touchpoint.counterpart}${write.touchpoint.summary ? `: “${write.touchpoint.summary.slice(0, 60)}”` : ''}`;
    case 'verdict': {
      const b = write.body;
      const what = b.status === 'done' ? 'marked done' : b.status === 'dismissed' ? 'marked “not a promise”' : b.status === 'not-kept' ? 'marked not kept' : b.dueAt ? 'new due date' : b.snoozedUntil ? 'snoozed' : 'reopened';
      return `Promise ${what}`;
    }
    case 'profile':
      return `Client ${write.counterpart}: ${Object.keys(write.patch).map((k) => (k === 'initiationTargetPercent' ? 'initiation target' : k === 'cadenceDays' ? 'cadence' : k === 'renewalDate' ? 'renewal date' : k === 'reviewIntervalDays' ? 'review interval' : k === 'feedbackIntervalDays' ? 'feedback interval' : k)).join(', ')}`;
    case 'settings':
      return 'Your settings (addresses, time zone, working hours, cadence, target)';
    case 'snooze':
      return write.until ? `Reminder snoozed until ${write.until.slice(0, 10)}` : 'Reminder woken';
  }
}

export interface FlushReport {
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * The offline write queue. State lives in extension storage (`load`/`save`), so a browser restart
 * loses nothing; sends are idempotent on the server (touchpoints by client UUID, verdicts by
 * promise id), so a write that reached the server before a crash and is sent again changes nothing.
 * Operations are serialized: two flushes never send the same entry at once.
 */
export function createOfflineQueue(deps: OfflineQueueDeps) {
  const random = deps.random ?? Math.random;
  let chain: Promise<unknown> = Promise.resolve();
  const serialized = <T>(task: () => Promise<T>): Promise<T> => {
    const run = chain.then(task, task);
    chain = run.catch(() => undefined);
    return run;
  };

  return {
    enqueue(write: QueuedWrite): Promise<QueueEntry> {
      return serialized(async () => {
        const state = await deps.load();
        const key = keyOf(write);
        const at = new Date(deps.now()).toISOString();
        const existing = state.entries.find((entry) => entry.key === key);
        // The same touchpoint twice is one touchpoint; a newer verdict, settings or snooze replaces the
        // pending one; a profile edit merges into the pending edit of the same client.
        if (existing && write.kind === 'touchpoint') return existing;
        const merged: QueuedWrite =
          existing && existing.write.kind === 'profile' && write.kind === 'profile' ? { ...write, patch: { ...existing.write.patch, ...write.patch } } : write;
        const entry: QueueEntry = { key, write: merged, enqueuedAt: at, attempts: 0, nextAttemptAt: at, lastError: null };
        const entries = existing ? state.entries.map((e) => (e.key === key ? entry : e)) : [...state.entries, entry];
        await deps.save({ ...state, entries });
        return entry;
      });
    },

    /** Sends every due entry in order; stops early at a retryable failure (the server is likely down). */
    flush(): Promise<FlushReport> {
      return serialized(async () => {
        const state = await deps.load();
        const report: FlushReport = { sent: 0, retrying: 0, failed: 0 };
        const remaining: QueueEntry[] = [];
        const failed = [...state.failed];
        let serverDown = false;
        for (const entry of state.entries) {
          const now = deps.now();
          if (serverDown || Date.parse(entry.nextAttemptAt) > now) {
            remaining.push(entry);
            report.retrying += 1;
            continue;
          }
          let outcome: SendOutcome;
          try {
            outcome = await deps.send(entry.write);
          } catch (error) {
            outcome = { ok: false, retry: true, error: error instanceof Error ? error.message : String(error) };
          }
          if (outcome.ok) {
            report.sent += 1;
            continue;
          }
          const attempts = entry.attempts + 1;
          if (!outcome.retry) {
            failed.push({ ...entry, attempts, lastError: outcome.error });
            report.failed += 1;
            continue;
          }
          const wait = Math.max(outcome.retryAfterMs ?? 0, backoffMs(attempts, random));
          remaining.push({ ...entry, attempts, lastError: outcome.error, nextAttemptAt: new Date(now + wait).toISOString() });
          report.retrying += 1;
          serverDown = true;
        }
        // Entries enqueued while we were sending are kept: reload and merge by key.
        const latest = await deps.load();
        const handled = new Set(state.entries.map((entry) => entry.key));
        const added = latest.entries.filter((entry) => !handled.has(entry.key));
        await deps.save({ entries: [...remaining, ...added], failed: failed.slice(-100) });
        return report;
      });
    },

    async pending(): Promise<QueueState> {
      return deps.load();
    },

    /** A refused write sent again (the user fixed what the server objected to, or wants another try). */
    retry(key: string): Promise<boolean> {
      return serialized(async () => {
        const state = await deps.load();
        const entry = state.failed.find((e) => e.key === key) ?? state.entries.find((e) => e.key === key);
        if (!entry) return false;
        const at = new Date(deps.now()).toISOString();
        await deps.save({
          entries: [...state.entries.filter((e) => e.key !== key), { ...entry, attempts: 0, nextAttemptAt: at, lastError: null }],
          failed: state.failed.filter((e) => e.key !== key),
        });
        return true;
      });
    },

    /** Drops a pending or refused write for good (the user decided it should not be sent). */
    discard(key: string): Promise<QueueEntry | null> {
      return serialized(async () => {
        const state = await deps.load();
        const entry = state.entries.find((e) => e.key === key) ?? state.failed.find((e) => e.key === key) ?? null;
        await deps.save({ entries: state.entries.filter((e) => e.key !== key), failed: state.failed.filter((e) => e.key !== key) });
        return entry;
      });
    },

    /** Makes every waiting entry due now (e.g. after the user fixed the server URL). */
    retryNow(): Promise<void> {
      return serialized(async () => {
        const state = await deps.load();
        const at = new Date(deps.now()).toISOString();
        await deps.save({ ...state, entries: state.entries.map((entry) => ({ ...entry, nextAttemptAt: at })) });
      });
    },
  };
}

export type OfflineQueue = ReturnType<typeof createOfflineQueue>;
