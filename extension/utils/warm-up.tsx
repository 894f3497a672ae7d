import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { Sidebar, type SidebarDeps } from '../components/sidebar';
import type { SidebarEngine } from './remote-engine';
import { WARM_UP_LOCAL, WARM_UP_SETTINGS, createWarmUpSnapshot } from './warm-up-thread';

export { createWarmUpSnapshot } from './warm-up-thread';

/**
 * The first thread opened after page load used to pay for the engine's and React's warm-up (JIT
 * compilation, lazy initialisation): 250-550 ms tasks instead of ~10 ms. Asking the engine (in the
 * background) for a tiny made-up thread while the page is idle starts the background and compiles the
 * rules there; rendering the sidebar with that answer into a detached element warms React and the
 * panels here. Nothing here touches the page.
 */

const noop = async () => undefined;

/** Runs `task` when the page is idle (or after `timeoutMs` at the latest); Firefox and Chromium both have requestIdleCallback. */
function whenIdle(task: () => void, timeoutMs: number): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => task(), { timeout: timeoutMs });
  else setTimeout(task, 0);
}

/**
 * Warms the engine, then (in later idle slots, so nothing is one long task) React and the panels.
 * Errors go to `onError`: warming up is an optimisation, never a reason to fail.
 */
export function warmUp(engine: SidebarEngine, onError: (error: unknown) => void): void {
  const now = new Date();
  const snapshot = createWarmUpSnapshot(now);
  whenIdle(() => {
    engine.analyzeSnapshot(snapshot, WARM_UP_SETTINGS, WARM_UP_LOCAL, now).then(
      (analysis) =>
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
              // The answer just received: the sidebar renders its panels with it once the promise settles.
              engine: {
                analyzeSnapshot: async () => analysis,
                localReport: async () => null,
                rememberedFacts: async () => null,
              },
            };
            flushSync(() =>
              root.render(<Sidebar read={{ kind: 'thread', snapshot }} hostLabel="Gmail" dark={false} settings={WARM_UP_SETTINGS} local={WARM_UP_LOCAL} deps={deps} now={now} />),
            );
            // The panels render when the answer is applied (a task of React's); unmount after it.
            whenIdle(() => {
              try {
                root.unmount();
              } catch (error) {
                onError(error);
              }
            }, 1000);
          } catch (error) {
            onError(error);
          }
        }, 3000),
      onError,
    );
  }, 2000);
}
