import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { MailHost, SpaceReservation, ThreadReadResult } from '../hosts/mail-host';
import { Sidebar, type SidebarDeps } from '../components/sidebar';
import sidebarCss from '../components/sidebar.css?inline';
import { createRemoteEngine, type EngineSend } from './remote-engine';
import { isOwnMutation } from './own-mutations';
import { warmUp } from './warm-up';
import { sendMessage } from './messaging';
import type { QueueState } from './offline-queue';
import { completeSettings, DEFAULT_SETTINGS, type ExtensionSettings } from './settings';
import { localStateItem, offlineQueueItem, settingsItem, type LocalState } from './storage';

export const SIDEBAR_TAG = 'followthrough-sidebar';
/**
 * Room the host keeps free at the right edge while the sidebar is on the page: its width (300 px)
 * plus its distance from the window edge (8 px), both from `.ft-root` in sidebar.css. The client's
 * own margin on the narrowed column stays as the gap between the thread and the sidebar.
 */
export const SIDEBAR_SPACE_PX = 308;
export const MARK_THREAD_OPEN = 'followthrough:thread-open';
export const MARK_SIDEBAR_PAINTED = 'followthrough:sidebar-painted';
export const MEASURE_OPEN_TO_PAINT = 'followthrough:open-to-paint';
/** The engine's figures (or the final state) painted: after MARK_SIDEBAR_PAINTED, or in the same frame. */
export const MARK_FIGURES_PAINTED = 'followthrough:figures-painted';
export const MEASURE_OPEN_TO_FIGURES = 'followthrough:open-to-figures';
/** The background compiled the engine's rules for an open: it had been stopped, or had not run the engine yet. */
export const MARK_ENGINE_STARTED = 'followthrough:engine-started';
export const MEASURE_ENGINE_START = 'followthrough:engine-start';
/** How long a URL change waits for a DOM change before it is read on its own. */
const URL_ONLY_CHANGE_DELAY_MS = 250;
/** Per-phase measures, for finding where time goes in a real browser. */
export const MEASURE_READ = 'followthrough:read-thread';
export const MEASURE_ANALYSIS = 'followthrough:local-analysis';
export const MEASURE_OPEN_TASK = 'followthrough:open-task';

/** Runs `task`, swallowing and naming any error: nothing may escape into the mail client's page. */
export function guard<A extends unknown[]>(label: string, task: (...args: A) => unknown): (...args: A) => void {
  return (...args: A) => {
    try {
      const result = task(...args);
      if (result instanceof Promise) result.catch((error: unknown) => report(label, error));
    } catch (error) {
      report(label, error);
    }
  };
}

function report(label: string, error: unknown): void {
  // Error names only: messages can carry mail text (an address, a subject).
  console.warn(`[followthrough] ${label} failed: ${error instanceof Error ? error.name : typeof error}`);
}

function signature(read: ThreadReadResult): string {
  if (read.kind === 'none') return 'none';
  if (read.kind === 'unrecognized') return `unrecognized|${read.threadId}|${read.missing.map((part) => part.id).join(',')}`;
  const { snapshot } = read;
  return `thread|${snapshot.threadId}|${snapshot.messages.map((m) => `${m.id}:${m.partial ? 'p' : 'f'}`).join(',')}`;
}

function threadKey(read: ThreadReadResult): string | null {
  return read.kind === 'thread' ? read.snapshot.threadId : read.kind === 'unrecognized' ? read.threadId : null;
}

/** The engine requests of the protocol, as the remote engine sends them. */
const sendEngine: EngineSend = (type, data) => (sendMessage as unknown as EngineSend)(type, data);

/**
 * While the user is in a mail tab, the background (Chromium stops an idle service worker after 30 s,
 * Firefox suspends an idle event page after 30 s) is kept running and its engine compiled: a background
 * started by the open itself makes the sidebar wait ~250-350 ms for its figures (tests/bench, cold mode)
 * instead of ~10-25 ms. The tab pings it every KEEP_WARM_INTERVAL_MS while it is visible and focused, at
 * once when it becomes so (the background then has the time the user takes to pick a thread to start),
 * and when a thread starts opening. A tab in the background or a window without focus keeps nothing alive.
 */
export const KEEP_WARM_INTERVAL_MS = 20_000;
/** Pings closer together than this are one. */
const WARM_THROTTLE_MS = 1_000;
let lastWarm = Number.NEGATIVE_INFINITY;

/**
 * Tells the background a thread may be opened soon (`opening`: one is, never throttled); marks
 * MARK_ENGINE_STARTED when it had to start (or compile the engine).
 */
function warmBackground(opening = false): void {
  const now = performance.now();
  if (!opening && now - lastWarm < WARM_THROTTLE_MS) return;
  lastWarm = now;
  sendMessage('warmEngine', undefined).then(
    (answer) => {
      if (!answer.warmed) return;
      performance.mark(MARK_ENGINE_STARTED);
      // How long a stopped background takes to start and compile the engine: the lead a ping needs.
      performance.measure(MEASURE_ENGINE_START, { start: now, end: performance.now() });
    },
    () => undefined,
  );
}

const inUse = () => document.visibilityState === 'visible' && document.hasFocus();

function createDeps(host: MailHost): SidebarDeps {
  return {
    fetchSummary: (threadId) => sendMessage('getThreadSummary', { threadId }),
    pushMessages: async (messages) => {
      await sendMessage('pushThreadMessages', { messages });
    },
    logTouchpoint: async (touchpoint) => {
      await sendMessage('logTouchpoint', { touchpoint });
    },
    setVerdict: async (promiseId, verdict) => {
      await sendMessage('setPromiseVerdict', { promiseId, verdict });
    },
    fetchReport: (counterpart) => sendMessage('getReport', { counterpart }),
    insertIntoReply: (text) => host.insertIntoReply(document, text),
    copyText: async (text) => {
      try {
        await navigator.clipboard.writeText(text);
        return true;
      } catch {
        return false;
      }
    },
    layoutReport: () => host.layoutReport(document, new URL(location.href)),
    newId: () => crypto.randomUUID(),
    // The engine runs in the background: the content script loads none of it.
    engine: createRemoteEngine(sendEngine),
    rememberThread: (thread, facts) => sendMessage('rememberThread', { thread, facts }),
    client: {
      getProfile: (counterpart) => sendMessage('getClientProfile', { counterpart }),
      saveProfile: (counterpart, patch) => sendMessage('updateClientProfile', { counterpart, patch }),
      openClients: (counterpart) => sendMessage('openClients', counterpart ? { counterpart } : {}),
    },
    startSignIn: (serverUrl) => sendMessage('startSignIn', { serverUrl }),
    openOptions: () => sendMessage('openOptions', undefined),
    onPainted: (what) => {
      // Called from the first animation frame after the commit. Mark in the task after that frame,
      // so the mark is after the sidebar's pixels whether the commit ran inside the previous frame's
      // rendering or in a task of its own just before this frame.
      setTimeout(() => (what === 'first' ? markPainted() : markFiguresPainted()), 0);
    },
  };
}

/**
 * Marks a paint and measures it from the thread's open, also on the host element (for tests that cannot
 * reach the content script's timeline). Without an open mark (a repaint for a settings change) there is
 * nothing to measure.
 */
function markAndMeasure(mark: string, measureName: string, attribute: string): void {
  performance.mark(mark);
  try {
    const measure = performance.measure(measureName, MARK_THREAD_OPEN, mark);
    document.querySelector(SIDEBAR_TAG)?.setAttribute(attribute, measure.duration.toFixed(1));
  } catch {
    // No open mark: nothing to measure.
  }
}

const markFiguresPainted = (): void => markAndMeasure(MARK_FIGURES_PAINTED, MEASURE_OPEN_TO_FIGURES, 'data-open-to-figures-ms');
const markPainted = (): void => markAndMeasure(MARK_SIDEBAR_PAINTED, MEASURE_OPEN_TO_PAINT, 'data-open-to-paint-ms');

/**
 * Wires a host driver to the sidebar for the life of the content script: watches the single-page
 * app for threads opening and closing (URL changes plus DOM changes, all tied to ctx), mounts the
 * sidebar in a shadow root beside the thread and remounts it when the thread changes.
 */
export async function startSidebar(ctx: ContentScriptContext, host: MailHost): Promise<void> {
  let settings: ExtensionSettings = DEFAULT_SETTINGS;
  let local: LocalState = { verdicts: {}, touchpoints: [] };
  let queueCounts = { pending: 0, failed: 0 };
  const countsOf = (state: QueueState | null) => ({ pending: state?.entries.length ?? 0, failed: state?.failed.length ?? 0 });
  const [stored, storedLocal, queued] = await Promise.all([settingsItem.getValue(), localStateItem.getValue(), offlineQueueItem.getValue()]);
  local = storedLocal;
  settings = completeSettings(stored);
  queueCounts = countsOf(queued);
  const deps = createDeps(host);

  // One shadow-root UI for the content script's life (its CSS and isolation are set up once). It is
  // mounted while a thread is open and kept (with its React root) when another thread opens; the
  // sidebar is keyed by thread so no state leaks between threads. Removing it when no thread is open
  // takes the host element off the page.
  const ui: ShadowRootContentScriptUi<Root> = await createShadowRootUi<Root>(ctx, {
    name: SIDEBAR_TAG,
    // Inlined at build time: no stylesheet fetch.
    css: sidebarCss,
    position: 'inline',
    anchor: 'body',
    append: 'last',
    // Keys typed in the sidebar must not trigger Gmail/Outlook keyboard shortcuts.
    isolateEvents: true,
    onMount: (container) => createRoot(container),
    onRemove: (root) => root?.unmount(),
  });
  let mountedFor: string | null = null;
  let lastSignature = '';
  // The sidebar sits beside the thread, not over it: the host narrows its thread column while the
  // sidebar is mounted (only host drivers touch the client's DOM) and restores it on unmount.
  let reservation: SpaceReservation | null = null;
  const holdSpace = () => {
    if (reservation?.element.isConnected) return;
    reservation?.release();
    reservation = host.reserveSidebarSpace(document, SIDEBAR_SPACE_PX);
  };
  const freeSpace = () => {
    reservation?.release();
    reservation = null;
  };
  const unmount = () => {
    ui.remove();
    freeSpace();
  };
  let current: ThreadReadResult = { kind: 'none' };
  /** The URL of the page when it was last read. */
  let lastReadHref = '';

  const render = () => {
    const root = ui.mounted;
    if (!root) return;
    // Commit in this task rather than a scheduler hop later: the read and the render of one thread
    // change are one short task (~10 ms for 50 messages), and the sidebar is on the next frame.
    flushSync(() =>
      root.render(
        <Sidebar key={mountedFor ?? ''} read={current} hostLabel={host.label} dark={host.isDarkTheme(document)} settings={settings} local={local} deps={deps} queue={queueCounts} />,
      ),
    );
  };

  // Pay the engine's (in the background) and React's first-run cost now, in idle time, not on the
  // user's first open.
  if (deps.engine) warmUp(deps.engine, (error) => report('warm-up', error));

  /** Remounts the sidebar for another thread (the location changed to it). */
  const remount = (key: string) => {
    // Thread to thread: keep the shadow root and the React root (creating them again costs a few ms
    // on every open); the key on <Sidebar> below still gives each thread a fresh component state.
    if (mountedFor === null) ui.mount();
    mountedFor = key;
    holdSpace();
    render();
  };

  /**
   * Narrows the thread column when the client changes its DOM under a thread URL (called from the
   * mutation callback, which runs in the client's own task, before its first frame of the thread): the
   * client then lays the new thread out once, at its final width, instead of once at full width and
   * again (every message re-wrapped) when the sidebar appears. It also tells the background a thread is
   * opening (warmBackground), once per thread: the client changes the DOM many times per open.
   */
  let warmedFor: string | null = null;
  const prepareFor = (url: URL) => {
    const urlThread = host.threadIdFromUrl(url);
    if (urlThread === null) {
      warmedFor = null;
      return;
    }
    if (mountedFor === null) holdSpace();
    if (warmedFor !== urlThread) {
      warmedFor = urlThread;
      warmBackground(true);
    }
  };

  const check = guard('thread check', () => {
    lastReadHref = location.href;
    const url = new URL(location.href);
    prepareFor(url);
    const readStart = performance.now();
    const read = host.readThread(document, url);
    performance.measure(MEASURE_READ, { start: readStart, end: performance.now() });
    // Nothing to show after all: give the space back.
    if (mountedFor === null && threadKey(read) === null) freeSpace();
    const sig = signature(read);
    if (sig === lastSignature) return;
    lastSignature = sig;
    current = read;
    if (read.kind === 'unrecognized') {
      // Element names only: the censored structure is in the sidebar's "Copy layout report", for the user to send.
      console.warn(`[followthrough] ${host.label} layout not recognised: missing ${read.missing.map((part) => part.id).join(', ')}`);
    }
    const key = threadKey(read);
    if (key === null) {
      if (mountedFor !== null) unmount();
      mountedFor = null;
      return;
    }
    if (key !== mountedFor) {
      // The open is timed from the start of the read: reading the thread is part of the wait.
      performance.mark(MARK_THREAD_OPEN, { startTime: readStart });
      remount(key);
      // The whole main-thread task of an open (read, analysis, React commit): the extension's longest.
      performance.measure(MEASURE_OPEN_TASK, { start: readStart, end: performance.now() });
      return;
    }
    // The client may have re-rendered the column we narrowed: narrow its replacement.
    holdSpace();
    render();
  });

  // Reads are coalesced to one per frame and run in a task just after that frame, never inside it.
  // The frame that first shows a newly opened thread is the client's own layout of every message
  // (~40 ms for 50 expanded messages); reading, analysing and rendering inside it made one task of
  // over 50 ms. After it, the read, the analysis and the React commit are one task of their own
  // (~20 ms), and the sidebar is painted in the frame after the thread's.
  let scheduled = false;
  // A change that arrived after the awaited frame had begun (the client's task ran between that frame
  // and our task) would be read before the client's first frame of it: wait for one more frame.
  let changedSinceFrame = false;
  const afterNextFrame = (deferrals: number) => {
    ctx.requestAnimationFrame(() => {
      changedSinceFrame = false;
      ctx.setTimeout(() => {
        // Bounded: a page that changes every frame is still read, at most a few frames late.
        if (changedSinceFrame && deferrals < 3) {
          afterNextFrame(deferrals + 1);
          return;
        }
        scheduled = false;
        check();
      }, 0);
    });
  };
  const schedule = () => {
    changedSinceFrame = true;
    if (scheduled) return;
    scheduled = true;
    afterNextFrame(0);
  };

  // The URL changes before the client renders the new view (the Navigation API's navigate event), and
  // a client may fetch the thread first: the DOM change that follows is what schedules the read (and
  // narrows the column, just before the client's first frame of the thread; narrowing at the URL
  // change would shift the list the user is still looking at). A URL change with no DOM change after
  // it is still read, a moment later.
  ctx.addEventListener(window, 'wxt:locationchange', guard('location change', () => {
    ctx.setTimeout(() => {
      if (lastReadHref !== location.href) schedule();
    }, URL_ONLY_CHANGE_DELAY_MS);
  }));
  const observer = new MutationObserver(guard('mutation', (records: MutationRecord[]) => {
    // Mounting and unmounting the sidebar's own host element is not a change of the mail client's.
    if (records.every((record) => isOwnMutation(record, SIDEBAR_TAG))) return;
    prepareFor(new URL(location.href));
    schedule();
  }));
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['class', 'data-legacy-thread-id'] });
  ctx.onInvalidated(() => {
    observer.disconnect();
    if (mountedFor !== null) unmount();
  });

  // Keeps the background (the engine) running while the user is in this tab.
  ctx.setInterval(guard('keep warm', () => {
    if (inUse()) warmBackground();
  }), KEEP_WARM_INTERVAL_MS);
  ctx.addEventListener(document, 'visibilitychange', guard('visible', () => {
    if (inUse()) warmBackground();
  }));
  ctx.addEventListener(window, 'focus', guard('focus', () => {
    if (inUse()) warmBackground();
  }));

  const unwatchSettings = settingsItem.watch(guard('settings change', (next: ExtensionSettings | null) => {
    settings = completeSettings(next);
    render();
  }));
  // The header's badge: writes waiting for the server, and those it refused.
  const unwatchQueue = offlineQueueItem.watch(guard('queue change', (next: QueueState | null) => {
    const counts = countsOf(next);
    if (counts.pending === queueCounts.pending && counts.failed === queueCounts.failed) return;
    queueCounts = counts;
    render();
  }));
  const unwatchLocal = localStateItem.watch(guard('local state change', (next: LocalState | null) => {
    local = next ?? { verdicts: {}, touchpoints: [] };
    render();
  }));
  ctx.onInvalidated(() => {
    unwatchSettings();
    unwatchLocal();
    unwatchQueue();
  });

  check();
}
