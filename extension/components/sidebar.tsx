import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { NormalizedMessageInput, ProgressReport, Touchpoint, TouchpointKind } from '@followthrough/shared/model';
import type { ThreadSummaryResponse } from '@followthrough/shared/contract';
import type { ThreadReadResult, ThreadSnapshot } from '../hosts/mail-host';
import type { LocalThreadView, Remote } from '../utils/messaging';
import type { RememberedThread } from '../utils/memory-store';
import type { StoredMessageFacts } from '@followthrough/shared/model';
import { ClientHeader, type ClientHeaderDeps } from './client-header';
import { effectiveTimeZone, type ExtensionSettings } from '../utils/settings';
import { formatDate } from './format';
import type { LocalState } from '../utils/storage';
import type { LocalAnalysis } from '../utils/local-analysis';
import type { SidebarEngine } from '../utils/remote-engine';
import { snapshotToMessages, uniquePromises, withVerdict } from '../utils/thread-messages';
import { PANELS } from './panels/index';
import { LayoutNotice } from './layout-notice';
import { ReadCoverageNotice } from './read-coverage-notice';
import { PanelBoundary } from './panel-boundary';
import type { DataSource, ServerState, SidebarActions, SidebarView } from './panel-types';

/** What the sidebar needs from the outside world; the content script wires it to messaging. */
export interface SidebarDeps {
  fetchSummary(threadId: string): Promise<Remote<ThreadSummaryResponse>>;
  pushMessages(messages: NormalizedMessageInput[]): Promise<void>;
  logTouchpoint(touchpoint: Touchpoint): Promise<void>;
  setVerdict: SidebarActions['setVerdict'];
  fetchReport(counterpart: string): Promise<Remote<ProgressReport>>;
  insertIntoReply(text: string): boolean;
  copyText(text: string): Promise<boolean>;
  /** The censored structure of the page (host driver), for "Copy layout report". */
  layoutReport(): string;
  newId(): string;
  /**
   * The shared engine, answering asynchronously: in content scripts it runs in the background
   * (utils/remote-engine.ts) and the content script loads none of it. Null: no engine (nothing analysed).
   */
  engine: SidebarEngine | null;
  /**
   * Called from the first animation frame after a commit worth timing (marks for benchmarks and e2e):
   * `first`, once per thread, when the sidebar first shows something of it (the thread as read, while
   * the engine's answer is on its way, or the figures if they came first); `figures`, when the analysed
   * figures (or the final state: needs an address, not recognised, failed) are first shown.
   */
  onPainted?(what: 'first' | 'figures'): void;
  /** Local-only mode: keep the thread's facts (no body) and get the client's figures over every thread remembered. */
  rememberThread?(thread: RememberedThread, facts: StoredMessageFacts[]): Promise<LocalThreadView | null>;
  /** The client header's profile form and the Clients view. */
  client?: ClientHeaderDeps;
  /** "Sign in to <server>" (a server set by the user or an administrator, not signed in yet). */
  startSignIn?(serverUrl: string): Promise<{ ok: boolean; checkCode?: string; error?: string }>;
  /** The options page (its list of pending and refused writes). */
  openOptions?(): Promise<void>;
}

export interface SidebarProps {
  read: ThreadReadResult;
  hostLabel: string;
  dark: boolean;
  settings: ExtensionSettings;
  local: LocalState;
  deps: SidebarDeps;
  now?: Date;
  /** Writes waiting for the server, and those it refused (the badge in the header). */
  queue?: { pending: number; failed: number };
}

/**
 * Runs `task` in the task after the next frame, so work the sidebar starts on a new thread (serializing
 * the thread for the server, the server's own work on the same machine, its answer's re-render) comes
 * after the first paint of the local figures, not before it. Returns a cancel function. Hidden tabs
 * run no frames: the task then waits until the tab is shown, when the sidebar is seen again.
 */
function afterNextPaint(task: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(task, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
}

/** The server's summary for the thread; fetched again when `refresh` changes (after we pushed messages). */
function useServerSummary(
  threadId: string | null,
  settings: ExtensionSettings,
  deps: SidebarDeps,
  refresh: number,
): [ServerState, ThreadSummaryResponse | null] {
  const [state, setState] = useState<{ key: string; server: ServerState; summary: ThreadSummaryResponse | null }>({
    key: '',
    server: { status: 'loading' },
    summary: null,
  });
  const configured = settings.serverUrl !== '' && settings.token !== '';
  const key = `${threadId}|${settings.serverUrl}`;
  useEffect(() => {
    if (!threadId || !configured) return;
    let live = true;
    const cancel = afterNextPaint(() => {
      deps
        .fetchSummary(threadId)
        .then((remote) => {
          if (!live) return;
          if (remote.status === 'ok') setState({ key, server: { status: 'ok' }, summary: remote.data });
          else if (remote.status === 'error') setState({ key, server: { status: 'error', message: remote.message }, summary: null });
          else setState({ key, server: { status: remote.status }, summary: null });
        })
        .catch((error: unknown) => {
          if (live) setState({ key, server: { status: 'error', message: error instanceof Error ? error.message : String(error) }, summary: null });
        });
    });
    return () => {
      live = false;
      cancel();
    };
  }, [threadId, configured, key, deps, refresh]);
  if (!configured) return [{ status: 'local-only' }, null];
  if (state.key !== key) return [{ status: 'loading' }, null];
  return [state.server, state.summary];
}

/**
 * Local-only mode's memory: after the first paint, the thread's facts go to the background, which keeps
 * them and answers with the client's figures over every thread the user opened (the same engine).
 */
function useMemoryView(
  snapshot: ThreadSnapshot | null,
  analysis: LocalAnalysis | { kind: 'failed' } | null,
  settings: ExtensionSettings,
  deps: SidebarDeps,
  signedIn: boolean,
): { state: 'off' | 'pending' | 'ready'; view: LocalThreadView | null } {
  const [result, setResult] = useState<{ threadId: string; view: LocalThreadView | null } | null>(null);
  const counterpart = analysis?.kind === 'ok' ? analysis.summary.counterpart : null;
  const applies = !signedIn && snapshot !== null && deps.engine !== null && deps.rememberThread !== undefined && analysis?.kind === 'ok';
  useEffect(() => {
    if (!applies || !snapshot || !deps.engine || !deps.rememberThread) return;
    const engine = deps.engine;
    const remember = deps.rememberThread;
    let live = true;
    const done = (view: LocalThreadView | null) => live && setResult({ threadId: snapshot.threadId, view });
    const cancel = afterNextPaint(() => {
      // The facts are read by the engine in the background; the thread and its facts are then kept there.
      engine.rememberedFacts(snapshot, settings).then(
        (facts) => {
          if (!live) return;
          if (!facts || facts.length === 0) {
            done(null);
            return;
          }
          const lastAt = facts.map((f) => f.sentAt).sort().at(-1) ?? new Date().toISOString();
          const thread: RememberedThread = {
            threadId: snapshot.threadId,
            host: snapshot.host,
            subject: snapshot.subject,
            link: snapshot.link,
            counterpart,
            account: snapshot.account,
            uploadable: snapshot.messageIdsAreStable,
            lastAt,
            rememberedAt: new Date().toISOString(),
          };
          remember(thread, facts).then(done, () => done(null));
        },
        () => done(null),
      );
    });
    return () => {
      live = false;
      cancel();
    };
  }, [applies, snapshot, analysis, settings, deps, counterpart]);
  if (!applies || !snapshot) return { state: 'off', view: null };
  if (!result || result.threadId !== snapshot.threadId) return { state: 'pending', view: null };
  return { state: 'ready', view: result.view };
}

/**
 * The engine's analysis of the open thread. It is asked for in the commit that shows the thread (a layout
 * effect, so the request leaves in the open's own task) and shown when it arrives; until then the sidebar
 * is `loading`. When the settings or the local verdicts change, the previous analysis of the same thread
 * stays on screen until the new one arrives. The measure `followthrough:local-analysis` is the wait for
 * it: the round trip to the background, the engine's run there included.
 */
function useAnalysis(
  snapshot: ThreadSnapshot | null,
  settings: ExtensionSettings,
  local: LocalState,
  now: Date,
  engine: SidebarEngine | null,
): LocalAnalysis | { kind: 'failed' } | null {
  const [result, setResult] = useState<{ threadId: string; analysis: LocalAnalysis | { kind: 'failed' } } | null>(null);
  useLayoutEffect(() => {
    if (!snapshot || !engine) return;
    let live = true;
    const start = performance.now();
    engine.analyzeSnapshot(snapshot, settings, local, now).then(
      (analysis) => {
        performance.measure('followthrough:local-analysis', { start, end: performance.now() });
        // Committed in this task (not a scheduler task later): the figures make the next frame.
        if (live) flushSync(() => setResult({ threadId: snapshot.threadId, analysis }));
      },
      (error: unknown) => {
        console.warn(`[followthrough] local analysis failed: ${error instanceof Error ? error.name : typeof error}`);
        if (live) setResult({ threadId: snapshot.threadId, analysis: { kind: 'failed' } });
      },
    );
    return () => {
      live = false;
    };
  }, [snapshot, settings, local, now, engine]);
  if (!snapshot || !result || result.threadId !== snapshot.threadId) return null;
  return result.analysis;
}

/**
 * What the page showed, before the engine's answer (a frame or two later; longer when the background had
 * to start): how many messages were read and the last one's time and sender. No rule runs here: these are
 * the read values as they are, shown as text.
 */
function ThreadBasics({ snapshot, timeZone }: { snapshot: ThreadSnapshot; timeZone: string }) {
  const collapsed = snapshot.messages.filter((m) => m.partial).length;
  let last: ThreadSnapshot['messages'][number] | null = null;
  for (const message of snapshot.messages) if (message.sentAt && (!last?.sentAt || message.sentAt > last.sentAt)) last = message;
  const sender = last ? (last.from?.name || last.from?.address || null) : null;
  return (
    <p className="ft-notice" role="status" data-testid="ft-basics">
      {snapshot.messages.length} {snapshot.messages.length === 1 ? 'message' : 'messages'}
      {collapsed > 0 ? ` (${collapsed} collapsed)` : ''}
      {last?.sentAt ? `; the last on ${formatDate(last.sentAt, timeZone)}${sender ? ` from ${sender}` : ''}` : ''}. Analysing…
    </p>
  );
}

function SignInNotice({ serverUrl, deps }: { serverUrl: string; deps: SidebarDeps }) {
  const [state, setState] = useState<{ busy: boolean; text: string }>({ busy: false, text: '' });
  if (!deps.startSignIn) return null;
  const start = deps.startSignIn;
  return (
    <div className="ft-sign-in" data-testid="ft-sidebar-sign-in">
      <p>
        Your Followthrough server is <strong>{new URL(serverUrl).host}</strong>. Sign in to see each client across your whole mailbox.
      </p>
      <button
        type="button"
        disabled={state.busy}
        data-testid="ft-sidebar-sign-in-button"
        onClick={() => {
          setState({ busy: true, text: '' });
          void start(serverUrl).then((r) =>
            setState({ busy: false, text: r.ok ? `The sign-in page opened in a new tab; it shows the code ${r.checkCode ?? ''}.` : (r.error ?? 'Sign-in failed.') }),
          );
        }}
      >
        Sign in to {new URL(serverUrl).host}
      </button>
      {state.text && (
        <p role="status" data-testid="ft-sidebar-sign-in-status">
          {state.text}
        </p>
      )}
    </div>
  );
}

export function Sidebar({ read, hostLabel, dark, settings, local, deps, now: fixedNow, queue }: SidebarProps) {
  const renderStart = performance.now();
  const headingId = useId();
  const [open, setOpen] = useState(true);
  const now = useMemo(() => fixedNow ?? new Date(), [fixedNow, read, local]);
  const timeZone = effectiveTimeZone(settings);
  const snapshot = read.kind === 'thread' ? read.snapshot : null;
  const threadId = read.kind === 'thread' ? read.snapshot.threadId : read.kind === 'unrecognized' ? read.threadId : null;

  const analysis = useAnalysis(snapshot, settings, local, now, deps.engine);

  const [pushes, setPushes] = useState(0);
  const [server, serverSummary] = useServerSummary(threadId, settings, deps, pushes);
  const signedIn = settings.serverUrl !== '' && settings.token !== '';
  const remembered = useMemoryView(snapshot, analysis, settings, deps, signedIn);
  const memory = remembered.view;

  // Give the server what the page shows (idempotent by message id), so the mailbox view includes it;
  // then ask for the summary again, which now covers this thread even if the server had not seen it.
  useEffect(() => {
    // Only messages under the provider's own ids: made-up ids (Outlook) would be stored as copies.
    if (!snapshot?.messageIdsAreStable || !settings.serverUrl || !settings.token) return;
    let live = true;
    const cancel = afterNextPaint(() => {
      const { messages } = snapshotToMessages({ ...snapshot, messages: snapshot.messages.filter((m) => !m.partial && m.idFromProvider) });
      if (messages.length === 0) return;
      deps
        .pushMessages(messages)
        .then(() => live && setPushes((n) => n + 1))
        .catch(() => undefined);
    });
    return () => {
      live = false;
      cancel();
    };
  }, [snapshot, settings.serverUrl, settings.token, deps]);

  let summary: ThreadSummaryResponse | null = null;
  let source: DataSource = 'local';
  if (serverSummary) {
    summary = {
      ...serverSummary,
      // Verdicts given here show at once, before the queued write reaches the server.
      promises: uniquePromises(serverSummary.promises.map((p) => (local.verdicts[p.id] ? withVerdict(p, local) : p))),
      otherOpenPromises: uniquePromises(serverSummary.otherOpenPromises.map((p) => (local.verdicts[p.id] ? withVerdict(p, local) : p))),
    };
    source = 'server';
  } else if (analysis?.kind === 'ok') {
    summary = memory
      ? {
          ...analysis.summary,
          // Everything remembered of this client (this browser's memory), the thread's own figures as read now.
          counterpartSummary: memory.counterpartSummary,
          otherOpenPromises: memory.otherOpenPromises,
          otherOpenPromiseCount: memory.otherOpenPromiseCount,
        }
      : analysis.summary;
  }

  // Not one client address read, and messages left unread: "no client" would be a guess. Say we could not read it.
  const unreadableLocally =
    source === 'local' && analysis?.kind === 'ok' && analysis.summary.counterpart === null && analysis.coverage.unreadMessages > 0;
  if (unreadableLocally) summary = null;
  const missing =
    read.kind === 'unrecognized'
      ? read.missing
      : unreadableLocally && analysis?.kind === 'ok'
        ? [
            ...(analysis.coverage.unreadSenders > 0 ? [{ id: 'sender', finds: `the sender of ${analysis.coverage.unreadSenders} of ${read.kind === 'thread' ? read.snapshot.messages.length : 0} messages` }] : []),
            ...(analysis.coverage.unreadTimes > 0 ? [{ id: 'time', finds: `the time of ${analysis.coverage.unreadTimes} messages` }] : []),
          ]
        : null;
  const state =
    missing !== null ? 'unrecognized' : analysis?.kind === 'needs-address' ? 'needs-address' : summary ? 'ready' : analysis?.kind === 'failed' ? 'failed' : 'loading';

  useLayoutEffect(() => {
    // Render + commit of this update (analysis included): the sidebar's share of a long task.
    performance.measure('followthrough:render', { start: renderStart, end: performance.now() });
  });

  // The thread the first paint was reported for (this component is keyed by thread: once per thread).
  const firstPainted = useRef<string | null>(null);
  const showsBasics = state === 'loading' && snapshot !== null;
  useLayoutEffect(() => {
    if (!deps.onPainted || (state === 'loading' && !showsBasics)) return;
    const done = deps.onPainted;
    const key = threadId ?? '';
    // After layout, the next frame is the first one the user sees.
    const frame = requestAnimationFrame(() => {
      if (firstPainted.current !== key) {
        firstPainted.current = key;
        done('first');
      }
      if (state !== 'loading') done('figures');
    });
    return () => cancelAnimationFrame(frame);
  }, [state, showsBasics, threadId, deps]);

  const actions: SidebarActions = {
    async logTouchpoint(kind: TouchpointKind, note: string, extra = {}) {
      if (!summary?.counterpart) throw new Error('no client in this thread');
      await deps.logTouchpoint({
        id: deps.newId(),
        counterpart: summary.counterpart,
        kind,
        at: new Date().toISOString(),
        ...(note ? { summary: note } : {}),
        ...(extra.department ? { department: extra.department } : {}),
        ...(extra.review && kind === 'review' ? { review: extra.review } : {}),
        threadId: summary.threadId,
      });
    },
    setVerdict: deps.setVerdict,
    async draftReport() {
      const counterpart = summary?.counterpart;
      if (!counterpart) return { ok: false, message: 'No client in this thread.' };
      if (server.status === 'ok') {
        const remote = await deps.fetchReport(counterpart);
        if (remote.status === 'ok') return { ok: true, report: remote.data, source: 'server' };
      }
      if (!snapshot) return { ok: false, message: 'The report needs the thread on screen or a connected server.' };
      if (!deps.engine) return { ok: false, message: 'Still loading; try again in a moment.' };
      const profile = await deps.client?.getProfile(counterpart);
      const name = profile?.status === 'ok' ? profile.data.profile.name : null;
      let report: ProgressReport | null;
      try {
        report = await deps.engine.localReport(snapshot, settings, local, counterpart, new Date(), name);
      } catch (error) {
        return { ok: false, message: `The report could not be drafted (${error instanceof Error ? error.name : 'error'}); try again.` };
      }
      return report ? { ok: true, report, source: 'local' } : { ok: false, message: 'Set your own address in the options first.' };
    },
    insertIntoReply: deps.insertIntoReply,
    copyText: deps.copyText,
  };

  const view: SidebarView | null = summary
    ? {
        summary,
        source,
        now,
        timeZone,
        workingHours: settings.workingHours,
        partialCount: analysis?.kind === 'ok' ? analysis.partial : 0,
        coverage: source === 'local' && analysis?.kind === 'ok' ? analysis.coverage : null,
        threadsRemembered: source === 'local' ? (memory?.threadsRemembered ?? 1) : null,
        department: settings.department ?? null,
      }
    : null;
  const client = summary?.counterpartSummary?.name ?? summary?.counterpart ?? null;

  return (
    <aside
      className={`ft-root${dark ? ' ft-dark' : ''}`}
      data-testid="ft-sidebar"
      data-state={state}
      data-source={source}
      data-thread-id={threadId ?? ''}
      data-memory={remembered.state}
      aria-labelledby={headingId}
    >
      <header className="ft-header">
        <h2 id={headingId} className="ft-title">
          Followthrough{client ? <span className="ft-client" data-testid="ft-client">{client}</span> : null}
        </h2>
        {queue && queue.pending + queue.failed > 0 && (
          <button
            type="button"
            className={`ft-pending${queue.failed > 0 ? ' ft-has-failed' : ''}`}
            data-testid="ft-pending-badge"
            data-pending={queue.pending}
            data-failed={queue.failed}
            title={`${queue.pending} changes waiting for the server${queue.failed > 0 ? `, ${queue.failed} refused by it` : ''}: open the list`}
            onClick={() => void deps.openOptions?.()}
          >
            {queue.failed > 0 ? `${queue.failed} not saved` : `${queue.pending} waiting`}
          </button>
        )}
        <button type="button" className="ft-toggle" aria-expanded={open} aria-controls={`${headingId}-body`} data-testid="ft-toggle" onClick={() => setOpen(!open)}>
          {open ? 'Hide' : 'Show'}
        </button>
      </header>
      <div id={`${headingId}-body`} hidden={!open} className="ft-body">
        {settings.serverUrl && !signedIn && <SignInNotice serverUrl={settings.serverUrl} deps={deps} />}
        {summary?.counterpart && deps.client && <ClientHeader counterpart={summary.counterpart} deps={deps.client} userTargetPercent={settings.initiationTargetPercent ?? 80} />}
        <p className="ft-source" data-testid="ft-source">
          {source === 'server'
            ? 'Whole mailbox (server)'
            : memory && memory.threadsRemembered > 1
              ? `The ${memory.threadsRemembered} threads with this client you opened, analysed in this browser`
              : 'This thread, analysed on your computer'}
          {server.status === 'error' && <span className="ft-tone-warn"> · server: {server.message}</span>}
          {server.status === 'loading' && ' · loading mailbox history…'}
        </p>
        {missing !== null && (
          <LayoutNotice
            hostLabel={hostLabel}
            missing={missing}
            serverShown={source === 'server'}
            copyReport={() => deps.copyText(deps.layoutReport())}
          />
        )}
        {state === 'needs-address' && (
          <p className="ft-notice" role="status" data-testid="ft-needs-address">
            Add your own e-mail address in the Followthrough options so we can tell your messages from the client's.
          </p>
        )}
        {showsBasics && snapshot && <ThreadBasics snapshot={snapshot} timeZone={timeZone} />}
        {state === 'failed' && !summary && <p className="ft-notice" role="status">This thread could not be analysed.</p>}
        {view?.coverage && <ReadCoverageNotice coverage={view.coverage} collapsed={view.partialCount} />}
        {view &&
          PANELS.filter((panel) => !panel.applies || panel.applies(view)).map((panel) => (
            <section key={panel.id} className="ft-panel" data-testid={`ft-panel-${panel.id}`} aria-labelledby={`${headingId}-${panel.id}`}>
              <h3 id={`${headingId}-${panel.id}`} className="ft-panel-title">
                {panel.title}
              </h3>
              <PanelBoundary id={panel.id}>
                <panel.Component view={view} actions={actions} />
              </PanelBoundary>
            </section>
          ))}
      </div>
    </aside>
  );
}
