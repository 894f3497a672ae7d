import type { ProgressReport, StoredMessageFacts } from '@followthrough/shared/model';
import type { ThreadSnapshot } from '../hosts/mail-host';
import type { LocalAnalysis } from './local-analysis';
import type { ExtensionSettings } from './settings';
import type { LocalState } from './storage';

/**
 * The shared engine as the content scripts reach it: in the background (Chromium's service worker,
 * Firefox's event page), over extension messaging. The content scripts load no engine code at all
 * (issue 11: a mail page used to load a 52 KB gzip engine chunk); they send the thread snapshot and get
 * the analysis back. Type-only imports above: nothing of the engine is bundled from this file.
 */

/** What the background answers to an engine request: the result, or the name of the error the engine threw. */
export type EngineAnswer<T> = { ok: true; value: T } | { ok: false; error: string };

/** The engine requests of the protocol (utils/messaging.ts), one per engine function the sidebar uses. */
export interface EngineRequests {
  analyzeSnapshot: { snapshot: ThreadSnapshot; settings: ExtensionSettings; local: LocalState; now: string };
  localReport: { snapshot: ThreadSnapshot; settings: ExtensionSettings; local: LocalState; counterpart: string; now: string; name: string | null };
  rememberedFacts: { snapshot: ThreadSnapshot; settings: ExtensionSettings };
}

export interface EngineResults {
  analyzeSnapshot: LocalAnalysis;
  localReport: ProgressReport | null;
  rememberedFacts: StoredMessageFacts[] | null;
}

export type EngineRequestType = keyof EngineRequests;

/** The sidebar's engine: the engine's functions, answered asynchronously (remotely in content scripts). */
export interface SidebarEngine {
  analyzeSnapshot(snapshot: ThreadSnapshot, settings: ExtensionSettings, local: LocalState, now: Date): Promise<LocalAnalysis>;
  localReport(snapshot: ThreadSnapshot, settings: ExtensionSettings, local: LocalState, counterpart: string, now: Date, name: string | null): Promise<ProgressReport | null>;
  rememberedFacts(snapshot: ThreadSnapshot, settings: ExtensionSettings): Promise<StoredMessageFacts[] | null>;
}

/** How a request reaches the background: one message, answered or rejected (utils/messaging.ts's sendMessage). */
export type EngineSend = <K extends EngineRequestType>(type: K, data: EngineRequests[K]) => Promise<EngineAnswer<EngineResults[K]>>;

/** The engine threw on this input in the background (its error's name only: messages can quote mail). */
export class EngineFailedError extends Error {
  override name = 'EngineFailedError';
}

/** The background did not answer in time (every attempt). */
export class EngineTimeoutError extends Error {
  override name = 'EngineTimeoutError';
}

/** The background could not be reached (every attempt), or the extension was reloaded under this page. */
export class EngineUnreachableError extends Error {
  override name = 'EngineUnreachableError';
}

export interface RemoteEngineOptions {
  /** How long one attempt waits for the answer. A cold background answers in well under a second. */
  timeoutMs?: number;
  /** Attempts after the first, when the background could not be reached, dropped the request or timed out. */
  retries?: number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export const ENGINE_TIMEOUT_MS = 5_000;
export const ENGINE_RETRIES = 1;

/**
 * After this the content script's extension context is gone (the extension was updated or reloaded):
 * no retry can succeed, the page must be reloaded.
 */
const CONTEXT_GONE = /Extension context invalidated/i;

/**
 * The engine over messaging. A request is retried when the background dropped it: it could not be reached
 * ("Receiving end does not exist" while Chromium restarts the service worker), it stopped before answering
 * ("message port closed", Firefox's "Message manager disconnected"), or it did not answer in time. An
 * error the engine itself threw is not retried (the same input would fail the same way).
 */
export function createRemoteEngine(send: EngineSend, options: RemoteEngineOptions = {}): SidebarEngine {
  const timeoutMs = options.timeoutMs ?? ENGINE_TIMEOUT_MS;
  const retries = options.retries ?? ENGINE_RETRIES;
  const setTimer = options.setTimer ?? ((callback: () => void, ms: number) => setTimeout(callback, ms));
  const clearTimer = options.clearTimer ?? ((timer: unknown) => clearTimeout(timer as ReturnType<typeof setTimeout>));

  function attempt<K extends EngineRequestType>(type: K, data: EngineRequests[K]): Promise<EngineAnswer<EngineResults[K]>> {
    return new Promise((resolve, reject) => {
      let settled = false;
      const timer = setTimer(() => {
        if (settled) return;
        settled = true;
        reject(new EngineTimeoutError(`no answer to ${type} within ${timeoutMs} ms`));
      }, timeoutMs);
      let sent: Promise<EngineAnswer<EngineResults[K]>>;
      try {
        sent = send(type, data);
      } catch (error) {
        sent = Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
      sent.then(
        (answer) => {
          if (settled) return;
          settled = true;
          clearTimer(timer);
          resolve(answer);
        },
        (error: unknown) => {
          if (settled) return;
          settled = true;
          clearTimer(timer);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  async function request<K extends EngineRequestType>(type: K, data: EngineRequests[K]): Promise<EngineResults[K]> {
    let lastError: Error | null = null;
    for (let tries = 0; tries <= retries; tries += 1) {
      let answer: EngineAnswer<EngineResults[K]>;
      try {
        answer = await attempt(type, data);
      } catch (error) {
        lastError = error as Error;
        if (CONTEXT_GONE.test(lastError.message)) break;
        continue;
      }
      // A background that restarted mid-way can answer with nothing at all: treat it as dropped.
      if (answer === undefined || answer === null || typeof answer !== 'object') {
        lastError = new EngineUnreachableError(`no answer to ${type}`);
        continue;
      }
      if (answer.ok) return answer.value;
      throw new EngineFailedError(answer.error);
    }
    if (lastError instanceof EngineTimeoutError) throw lastError;
    throw new EngineUnreachableError(lastError ? `${lastError.name}: ${lastError.message}` : `no answer to ${type}`);
  }

  return {
    analyzeSnapshot: (snapshot, settings, local, now) => request('analyzeSnapshot', { snapshot, settings, local, now: now.toISOString() }),
    localReport: (snapshot, settings, local, counterpart, now, name) =>
      request('localReport', { snapshot, settings, local, counterpart, now: now.toISOString(), name }),
    rememberedFacts: (snapshot, settings) => request('rememberedFacts', { snapshot, settings }),
  };
}
