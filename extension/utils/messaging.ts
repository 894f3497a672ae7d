import { defineExtensionMessaging } from '@webext-core/messaging';
import type { PromiseVerdict, Touchpoint, NormalizedMessageInput } from '@followthrough/shared/model';
import type { ProgressReport } from '@followthrough/shared/model';
import type { ThreadSummaryResponse } from '@followthrough/shared/contract';

/** Server answers as the sidebar sees them: data, or why there is none (never a thrown error). */
export type Remote<T> =
  | { status: 'ok'; data: T }
  /** No server configured: local-only mode. */
  | { status: 'local-only' }
  | { status: 'not-found' }
  | { status: 'error'; message: string };

export interface ConnectionTestResult {
  ok: boolean;
  /** One line per step: reachability (/healthz), then the token (an authenticated call). */
  steps: { name: 'reachable' | 'token' | 'permission'; ok: boolean; detail: string }[];
}

export interface QueueStatus {
  pending: number;
  failed: number;
  oldestPendingAt: string | null;
}

/**
 * The one protocol between content scripts / popup / options and the background, which alone talks
 * to the server. Every message is typed here; nothing else calls sendMessage.
 */
export interface ProtocolMap {
  getThreadSummary(data: { threadId: string }): Remote<ThreadSummaryResponse>;
  /** Pushes what the open thread shows to the server (idempotent by message id). Bodies go only there. */
  pushThreadMessages(data: { messages: NormalizedMessageInput[] }): Remote<{ accepted: number }>;
  logTouchpoint(data: { touchpoint: Touchpoint }): { queued: true; pending: number };
  setPromiseVerdict(data: { promiseId: string; verdict: Required<Pick<PromiseVerdict, 'status'>> & PromiseVerdict }): {
    queued: boolean;
    pending: number;
  };
  getReport(data: { counterpart: string; since?: string }): Remote<ProgressReport>;
  testConnection(data: { serverUrl: string; token: string }): ConnectionTestResult;
  refreshReminders(): { ok: boolean; count: number; error: string | null };
  getQueueStatus(): QueueStatus;
  openThread(data: { link: string }): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
