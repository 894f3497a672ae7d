import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { ThreadSnapshot } from '../hosts/mail-host';
import { Sidebar, type SidebarDeps } from '../components/sidebar';
import { DEFAULT_SETTINGS, type ExtensionSettings } from './settings';
import type { LocalEngine } from './local-analysis';

/**
 * The first thread opened after page load used to pay for the engine's and React's warm-up (JIT
 * compilation, lazy initialisation): 250-550 ms tasks instead of ~10 ms. Running both once on a tiny
 * made-up thread while the page is idle moves that cost out of the user's first open. Nothing here
 * touches the page: the analysis is pure and the React tree is rendered into a detached element.
 */

const WARM_UP_ME = 'we@warm-up.invalid';

/** Two messages, a question and a promise, between two invented domains (.invalid never resolves). */
export function createWarmUpSnapshot(now: Date): ThreadSnapshot {
  const hour = 3_600_000;
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * hour).toISOString();
  const them = { name: 'Warm Up', address: 'client@warm-up-client.invalid' };
  const us = { address: WARM_UP_ME };
  return {
    host: 'gmail',
    threadId: 'followthrough-warm-up',
    subject: 'Warm-up',
    account: WARM_UP_ME,
    link: 'about:blank',
    messageIdsAreStable: false,
    foldedCount: 0,
    foldedAfter: null,
    messages: [
      { id: 'warm-1', idFromProvider: false, from: them, to: [us], cc: [], sentAt: at(30), text: 'Hi, could you send the plan by Friday?\n\nThanks', partial: false, attachments: [], unread: [] },
      { id: 'warm-2', idFromProvider: false, from: us, to: [them], cc: [], sentAt: at(26), text: "Sure, I'll send it by Thursday.", partial: true, attachments: [], unread: [] },
    ],
  };
}

const warmUpSettings: ExtensionSettings = { ...DEFAULT_SETTINGS, serverUrl: '', token: '', addresses: [WARM_UP_ME], timeZone: 'UTC' };

const noop = async () => undefined;

/** Runs `task` when the page is idle (or after `timeoutMs` at the latest); Firefox and Chromium both have requestIdleCallback. */
function whenIdle(task: () => void, timeoutMs: number): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => task(), { timeout: timeoutMs });
  else setTimeout(task, 0);
}

/**
 * Warms the engine, then (in a second idle slot, so neither is one long task) React and the panels.
 * Errors are swallowed by `onError`: warming up is an optimisation, never a reason to fail.
 */
export function warmUp(engine: LocalEngine, onError: (error: unknown) => void): void {
  const now = new Date();
  const snapshot = createWarmUpSnapshot(now);
  whenIdle(() => {
    try {
      engine.analyzeSnapshot(snapshot, warmUpSettings, { verdicts: {}, touchpoints: [] }, now);
    } catch (error) {
      onError(error);
    }
    whenIdle(() => {
      try {
        const container = document.createElement('div');
        const root = createRoot(container);
        const deps: SidebarDeps = {
          fetchSummary: async () => ({ status: 'local-only' }),
          pushMessages: noop,
          logTouchpoint: noop,
          setVerdict: noop,
          fetchReport: async () => ({ status: 'local-only' }),
          insertIntoReply: () => false,
          copyText: async () => false,
          layoutReport: () => '',
          newId: () => 'warm-up',
          engine,
        };
        flushSync(() =>
          root.render(<Sidebar read={{ kind: 'thread', snapshot }} hostLabel="Gmail" dark={false} settings={warmUpSettings} local={{ verdicts: {}, touchpoints: [] }} deps={deps} now={now} />),
        );
        root.unmount();
      } catch (error) {
        onError(error);
      }
    }, 3000);
  }, 2000);
}
