/**
 * Benchmark: from "thread opened" to "sidebar painted" in real Chromium and Firefox with the production
 * builds, on a 50-message Gmail thread (every message expanded), N opens per mode, plus the longest
 * main-thread tasks where the browser exposes them.
 *
 *   pnpm --filter @followthrough/e2e bench        (or: cd tests && npx tsx bench/extension-e2e.ts)
 *   FOLLOWTHROUGH_BENCH_RUNS=20 by default; FOLLOWTHROUGH_BENCH_BROWSERS=chromium,firefox by default.
 *
 * One measuring function drives both browsers through a small adapter (bench-browser.ts): Chromium with
 * playwright-core, Firefox (firefox-esr) with puppeteer-core over WebDriver BiDi. Everything is read
 * from the page's main world, whose performance timeline the content script shares in both.
 *
 * Modes, in one run: `page only` (the same browser and page with no extension: the baseline), `local`
 * (no server: the sidebar asks the engine in the background, running), `cold` (`local` with the
 * background stopped before every open: Chromium's service worker stopped over CDP, Firefox's event page
 * suspended after a 1 s idle timeout; each such open records followthrough:engine-started, counted in
 * the output), `idle` (`local` with the inbox left alone FOLLOWTHROUGH_BENCH_IDLE_MS, 75 s, before each of
 * FOLLOWTHROUGH_BENCH_IDLE_RUNS opens, 3: does the background stay warm while the user is in the tab?; not in
 * the default list) and `server` (a real server process too). FOLLOWTHROUGH_BENCH_MODES picks some of them.
 * Figures per open, all from the page's performance timeline (which the content script shares):
 * - route→paint, the headline: from fixture:route (the page puts the thread into the DOM) to
 *   followthrough:sidebar-painted (the task after the frame that first shows the sidebar with the thread:
 *   the thread as read while the engine's answer is on its way, or its figures): what the user waits
 *   for, the page's own render included.
 * - route→figures: to followthrough:figures-painted, the frame that shows the engine's figures (the
 *   same frame when the answer came before it; later by the background's round trip, more when it had
 *   to start).
 * - page: fixture:route to fixture:painted (the task after the page's first frame of the thread):
 *   the page's own cost, which the page-only mode shows is there without the extension.
 * - added: fixture:painted to sidebar-painted, the wait the extension adds after the thread is shown.
 * - open→paint: the extension's own marks (from the start of its read of the thread).
 * - longest task: the longest 'longtask' entry (PerformanceObserver, main world; content-script work
 *   runs on the same main thread) from route to paint; also after fixture:painted only (the tasks
 *   the extension causes), and the extension's own open task (followthrough:open-task: read, analysis
 *   and React commit). Long tasks are only reported over 50 ms: 0 means none. Firefox exposes neither
 *   'longtask' nor 'long-animation-frame' entries (PerformanceObserver.supportedEntryTypes, firefox-esr
 *   153): its long-task figures are null and the output says they are not exposed, never 0. Firefox
 *   also rounds the timeline to whole milliseconds (privacy.reduceTimerPrecision), left as it ships.
 * Content-script sizes (gzip) of both builds are reported too. Results: bench-results/extension-e2e.json.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { setTimeout as sleep } from 'node:timers/promises';
import { createLongThread, createMailbox, createRolloutThread } from '../fixtures/client-threads';
import { GMAIL_INBOX_URL, gmailUrlToken } from '../fixtures/gmail-page';
import { assertBrowsersInstalled } from '../harness/browser-check';
import { createE2eWorld } from '../harness/e2e-world';
import { ensureExtensionBuilt, snapshotExtensionBuild } from '../harness/extension-build';
import { MARK_ENGINE_STARTED, MARK_FIGURES_PAINTED, MARK_SIDEBAR_PAINTED, MARK_THREAD_OPEN, MEASURE_OPEN_TASK, SIDEBAR_HOST_TAG } from '../harness/extension-ui';
import { BENCH_RESULTS_DIR, CHROME_BUILD_DIR, FIREFOX_BUILD_DIR } from '../harness/paths';
import type { BenchBrowser, BenchMode, BenchPage, BenchSession, BrowserName } from './bench-browser';
import { createChromiumBenchBrowser } from './chromium-bench-browser';
import { createFirefoxBenchBrowser } from './firefox-bench-browser';

const RUNS = Number(process.env.FOLLOWTHROUGH_BENCH_RUNS ?? 20);
const WARMUP = 2;
/**
 * FOLLOWTHROUGH_BENCH_NO_FIGURES_MARK=1: the build has no followthrough:figures-painted mark (builds before
 * the engine moved to the background, which painted the figures in the first paint): figures = first paint.
 */
const FIGURES_MARK = process.env.FOLLOWTHROUGH_BENCH_NO_FIGURES_MARK !== '1';
const MESSAGE_COUNT = 50;
const BROWSERS = parseBrowsers(process.env.FOLLOWTHROUGH_BENCH_BROWSERS ?? 'chromium,firefox');
const ALL_MODES: BenchMode[] = ['page only', 'local', 'cold', 'idle', 'server'];
/** `idle` mode: how long the inbox is left alone before each open (past both browsers' 30 s idle timeout), and how many opens. */
const IDLE_MS = Number(process.env.FOLLOWTHROUGH_BENCH_IDLE_MS ?? 75_000);
const IDLE_RUNS = Number(process.env.FOLLOWTHROUGH_BENCH_IDLE_RUNS ?? 3);
const MODES = parseModes(process.env.FOLLOWTHROUGH_BENCH_MODES ?? 'page only,local,cold,server');

function parseModes(list: string): BenchMode[] {
  const names = list.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !(ALL_MODES as string[]).includes(name));
  if (unknown.length > 0 || names.length === 0) throw new Error(`FOLLOWTHROUGH_BENCH_MODES must list some of ${ALL_MODES.join(', ')}, not "${list}"`);
  return names as BenchMode[];
}

function parseBrowsers(list: string): BrowserName[] {
  const names = list.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => name !== 'chromium' && name !== 'firefox');
  if (unknown.length > 0 || names.length === 0) throw new Error(`FOLLOWTHROUGH_BENCH_BROWSERS must list chromium and/or firefox, not "${list}"`);
  return names as BrowserName[];
}

/** The longest animation frame of an open, split into script, forced layout and rendering (style, layout, paint). */
interface FrameAttribution {
  durationMs: number;
  scriptMs: number;
  forcedStyleAndLayoutMs: number;
  renderingMs: number;
  scripts: string[];
}

interface OpenSample {
  frame: FrameAttribution | null;
  phases: Record<string, number>;
  routeToPaintMs: number;
  /** null in page-only mode. */
  routeToFiguresMs: number | null;
  pageMs: number;
  /** null in page-only mode (no sidebar). */
  addedMs: number | null;
  openToPaintMs: number | null;
  /** null where the browser does not expose 'longtask' entries. */
  longestTaskMs: number | null;
  longestTaskAfterPageMs: number | null;
  openTaskMs: number | null;
  /** The background started (and compiled the engine's rules) during this open. */
  engineStarted: boolean;
}

const LONG_TASKS_NOT_EXPOSED = "not exposed by this browser (no 'longtask' in PerformanceObserver.supportedEntryTypes)";

interface ModeResult {
  browser: BrowserName;
  mode: BenchMode;
  runs: number;
  routeToPaint: Stats;
  routeToFigures: Stats | null;
  page: Stats;
  added: Stats | null;
  openToPaint: Stats | null;
  /** Whether the long-task figures below were observed, or why they are null. */
  longTasks: 'observed' | typeof LONG_TASKS_NOT_EXPOSED;
  /** Longest long task (> 50 ms) of any open, route to paint; 0 = none. */
  longestTaskMs: number | null;
  /** Same, counting only tasks that start after the page's first frame of the thread. */
  longestTaskAfterPageMs: number | null;
  /** How many opens had any long task (> 50 ms), and how many had one after the page's first frame. */
  opensWithLongTask: number | null;
  opensWithLongTaskAfterPage: number | null;
  /** The extension's open task (read + analysis + React commit), whatever its length. */
  openTask: Stats | null;
  /** The longest animation frame of the median open (by route→paint), for attribution. */
  medianOpenLongestFrame: FrameAttribution | null;
  /** p50 of each followthrough:* phase measure, summed per open. */
  phasesP50Ms: Record<string, number>;
  /** Opens during which the background started and compiled the engine (every one, in cold mode). */
  opensWithEngineStart: number;
}

interface Stats {
  p50: number;
  p95: number;
  max: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? Number.NaN;
}

function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (value: number): number => Math.round(value * 10) / 10;
  return { p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), max: round(sorted.at(-1) ?? Number.NaN) };
}

/**
 * Installed before any page script: collects long tasks in the page's main world. A browser without the
 * entry type leaves the list null (observe() with an unknown type only warns, so it is asked first).
 */
const LONG_TASK_OBSERVER = `
  window.__ftLongTasks = PerformanceObserver.supportedEntryTypes.includes('longtask') ? [] : null;
  if (window.__ftLongTasks) try {
    new PerformanceObserver(function (list) {
      for (const entry of list.getEntries()) window.__ftLongTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (error) { window.__ftLongTasks = null; }
  window.__ftFrames = PerformanceObserver.supportedEntryTypes.includes('long-animation-frame') ? [] : null;
  if (window.__ftFrames) try {
    new PerformanceObserver(function (list) {
      for (const entry of list.getEntries()) {
        window.__ftFrames.push({
          start: entry.startTime, duration: entry.duration, renderStart: entry.renderStart, styleAndLayoutStart: entry.styleAndLayoutStart,
          scripts: entry.scripts.map(function (s) { return { invoker: s.invoker, source: (s.sourceURL || '').split('/').pop(), duration: s.duration, forcedStyleAndLayout: s.forcedStyleAndLayoutDuration }; }),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch (error) { window.__ftFrames = null; }
`;

async function openOnce(session: BenchSession, token: string, threadId: string, mode: BenchMode): Promise<OpenSample> {
  const page = session.page;
  const withSidebar = mode !== 'page only';
  await page.evaluate(() => {
    location.hash = '#inbox';
  }, undefined);
  if (withSidebar) {
    await page.waitFor((tag) => (document.querySelector(tag)?.shadowRoot?.querySelector('[data-testid="ft-sidebar"]') ? null : true), SIDEBAR_HOST_TAG, 10_000);
  }
  // Let the inbox settle (its frame, the extension's read of it) before the clock starts.
  await sleep(100);
  if (mode === 'cold') {
    if (!session.stopBackground) throw new Error('cold mode needs a session that can stop the background');
    await session.stopBackground();
  }
  if (mode === 'idle') await sleep(IDLE_MS);
  await page.evaluate(() => {
    performance.clearMarks();
    performance.clearMeasures();
    (window as unknown as { __ftLongTasks: unknown[] | null }).__ftLongTasks?.splice(0);
    (window as unknown as { __ftFrames: unknown[] | null }).__ftFrames?.splice(0);
  }, undefined);
  await page.evaluate((next) => {
    location.hash = next;
  }, `#inbox/${token}`);
  // No named helpers inside page functions: tsx's keepNames would reference a __name the page lacks.
  const [route = 0, pagePainted = 0, open = 0, sidebarPainted = 0, figuresPainted = 0] = await page.waitFor(
    ([open, painted, figures, id, sidebarExpected, tag, figuresMark]) => {
      const route = performance.getEntriesByName('fixture:route').at(-1)?.startTime;
      const pagePainted = performance.getEntriesByName('fixture:painted').at(-1)?.startTime;
      if (route === undefined || pagePainted === undefined) return null;
      if (!sidebarExpected) return [route, pagePainted, -1, -1, -1];
      const sidebar = document.querySelector(tag)?.shadowRoot?.querySelector('[data-testid="ft-sidebar"]');
      const values = [open, painted, figuresMark ? figures : painted].map((name) => performance.getEntriesByName(name).at(-1)?.startTime);
      if (!sidebar || sidebar.getAttribute('data-thread-id') !== id || values.some((v) => v === undefined)) return null;
      return [route, pagePainted, ...(values as number[])];
    },
    [MARK_THREAD_OPEN, MARK_SIDEBAR_PAINTED, MARK_FIGURES_PAINTED, threadId, withSidebar, SIDEBAR_HOST_TAG, FIGURES_MARK] as const,
    15_000,
  );
  const painted = withSidebar ? sidebarPainted : pagePainted;
  // Long tasks and frames are looked for until the figures are painted too.
  const end = withSidebar ? Math.max(sidebarPainted, figuresPainted) : pagePainted;
  // Long tasks end asynchronously: wait a frame or two before reading them.
  await sleep(100);
  const tasks = await page.evaluate(() => (window as unknown as { __ftLongTasks: { start: number; duration: number }[] | null }).__ftLongTasks, undefined);
  interface RawFrame { start: number; duration: number; renderStart: number; styleAndLayoutStart: number; scripts: { invoker: string; source: string; duration: number; forcedStyleAndLayout: number }[] }
  const frames = await page.evaluate(() => (window as unknown as { __ftFrames: RawFrame[] | null }).__ftFrames, undefined);
  const inWindow = (frames ?? []).filter((f) => f.start + f.duration >= route && f.start <= end + 50);
  const worst = inWindow.reduce<RawFrame | null>((max, f) => (max === null || f.duration > max.duration ? f : max), null);
  const round = (value: number): number => Math.round(value * 10) / 10;
  const frame: FrameAttribution | null = worst
    ? {
        durationMs: round(worst.duration),
        scriptMs: round(worst.scripts.reduce((sum, s) => sum + s.duration, 0)),
        forcedStyleAndLayoutMs: round(worst.scripts.reduce((sum, s) => sum + s.forcedStyleAndLayout, 0)),
        renderingMs: round(worst.renderStart > 0 ? worst.start + worst.duration - worst.renderStart : 0),
        scripts: worst.scripts.map((s) => `${s.invoker} (${s.source}) ${round(s.duration)} ms`),
      }
    : null;
  const phases = await page.evaluate(() => {
    const sums: Record<string, number> = {};
    for (const entry of performance.getEntriesByType('measure')) {
      if (entry.name.startsWith('followthrough:')) sums[entry.name] = (sums[entry.name] ?? 0) + entry.duration;
    }
    return sums;
  }, undefined);
  const engineStarted = await page.evaluate((name) => performance.getEntriesByName(name).length > 0, MARK_ENGINE_STARTED);
  const inOpen = tasks?.filter((task) => task.start + task.duration >= route && task.start <= end + 50) ?? null;
  const longest = (list: { duration: number }[]): number => list.reduce((max, task) => Math.max(max, task.duration), 0);
  return {
    frame,
    phases,
    routeToPaintMs: painted - route,
    routeToFiguresMs: withSidebar ? figuresPainted - route : null,
    pageMs: pagePainted - route,
    addedMs: withSidebar ? painted - pagePainted : null,
    openToPaintMs: withSidebar ? painted - open : null,
    longestTaskMs: inOpen ? longest(inOpen) : null,
    longestTaskAfterPageMs: inOpen ? longest(inOpen.filter((task) => task.start >= pagePainted - 1)) : null,
    openTaskMs: withSidebar ? phases[MEASURE_OPEN_TASK] ?? null : null,
    engineStarted,
  };
}

/**
 * A mode is only what it says when the sidebar shows figures from the expected source: otherwise a
 * server mode whose settings never arrived would be timed as local.
 */
async function assertSidebarSource(page: BenchPage, browser: BrowserName, mode: Exclude<BenchMode, 'page only'>): Promise<void> {
  const source = mode === 'server' ? 'server' : 'local';
  try {
    await page.waitFor(
      ([tag, source]) => (document.querySelector(tag)?.shadowRoot?.querySelector('[data-testid="ft-sidebar"]')?.getAttribute('data-source') === source ? true : null),
      [SIDEBAR_HOST_TAG, source] as const,
      20_000,
    );
  } catch {
    throw new Error(`${browser}, ${mode} mode: the sidebar never showed figures from the ${mode === 'server' ? 'server' : 'local engine'}`);
  }
}

async function runMode(browser: BenchBrowser, mode: BenchMode): Promise<ModeResult> {
  const long = createLongThread({ thread: '19a4e0b1c2d3e100', messagePrefix: '19a4e0b1c2d3' }, MESSAGE_COUNT);
  const rollout = createRolloutThread({ thread: '19a4c2e8b7d10f3a', messages: ['19a4c2e8b7d10f3a', '19a4c2e8b7d10f3b', '19a4c2e8b7d10f3c', '19a4c2e8b7d10f3d'] });
  const mailbox = createMailbox([long, rollout]);
  const world = await createE2eWorld(mailbox, { ingest: mode === 'server' });
  try {
    const session = await browser.open(mode, world, LONG_TASK_OBSERVER, GMAIL_INBOX_URL);
    try {
      const samples: OpenSample[] = [];
      const warmup = mode === 'idle' ? 1 : WARMUP;
      const runs = mode === 'idle' ? IDLE_RUNS : RUNS;
      for (let index = 0; index < warmup + runs; index += 1) {
        const sample = await openOnce(session, gmailUrlToken(long), long.id, mode === 'idle' && index < warmup ? 'local' : mode);
        if (index === warmup - 1 && mode !== 'page only') await assertSidebarSource(session.page, browser.name, mode);
        if (index >= warmup) samples.push(sample);
      }
      return summarize(browser.name, mode, samples);
    } finally {
      await session.close();
    }
  } finally {
    await world.dispose();
  }
}

function summarize(browser: BrowserName, mode: BenchMode, samples: OpenSample[]): ModeResult {
  const present = (values: (number | null)[]): number[] => values.filter((value): value is number => value !== null);
  const optionalStats = (values: (number | null)[]): Stats | null => (present(values).length > 0 ? stats(present(values)) : null);
  const byRoute = [...samples].sort((a, b) => a.routeToPaintMs - b.routeToPaintMs);
  const phaseNames = [...new Set(samples.flatMap((s) => Object.keys(s.phases)))];
  const phasesP50Ms = Object.fromEntries(phaseNames.map((name) => [name, stats(samples.map((s) => s.phases[name] ?? 0)).p50]));
  const longTasksObserved = samples.every((s) => s.longestTaskMs !== null);
  const longTaskFigure = (values: (number | null)[], figure: (observed: number[]) => number): number | null => (longTasksObserved ? figure(present(values)) : null);
  return {
    browser,
    mode,
    runs: samples.length,
    routeToPaint: stats(samples.map((s) => s.routeToPaintMs)),
    routeToFigures: optionalStats(samples.map((s) => s.routeToFiguresMs)),
    page: stats(samples.map((s) => s.pageMs)),
    added: optionalStats(samples.map((s) => s.addedMs)),
    openToPaint: optionalStats(samples.map((s) => s.openToPaintMs)),
    longTasks: longTasksObserved ? 'observed' : LONG_TASKS_NOT_EXPOSED,
    longestTaskMs: longTaskFigure(samples.map((s) => s.longestTaskMs), (values) => Math.round(Math.max(...values))),
    longestTaskAfterPageMs: longTaskFigure(samples.map((s) => s.longestTaskAfterPageMs), (values) => Math.round(Math.max(...values))),
    opensWithLongTask: longTaskFigure(samples.map((s) => s.longestTaskMs), (values) => values.filter((value) => value > 0).length),
    opensWithLongTaskAfterPage: longTaskFigure(samples.map((s) => s.longestTaskAfterPageMs), (values) => values.filter((value) => value > 0).length),
    openTask: optionalStats(samples.map((s) => s.openTaskMs)),
    medianOpenLongestFrame: byRoute[Math.floor(byRoute.length / 2)]?.frame ?? null,
    phasesP50Ms,
    opensWithEngineStart: samples.filter((s) => s.engineStarted).length,
  };
}

function contentScriptSizes(): Record<string, { bytes: number; gzipBytes: number }> {
  const sizes: Record<string, { bytes: number; gzipBytes: number }> = {};
  for (const [label, dir] of [['chrome', CHROME_BUILD_DIR], ['firefox', FIREFOX_BUILD_DIR]] as const) {
    const files = readdirSync(path.join(dir, 'content-scripts')).filter((file) => file.endsWith('.js')).map((file) => `content-scripts/${file}`);
    for (const file of files) {
      let content: Buffer;
      try {
        content = readFileSync(path.join(dir, file));
      } catch {
        continue;
      }
      sizes[`${label}/${file}`] = { bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
    }
  }
  return sizes;
}

async function main(): Promise<void> {
  const versions = assertBrowsersInstalled();
  ensureExtensionBuilt();
  snapshotExtensionBuild();
  const adapters = { chromium: createChromiumBenchBrowser(versions.chromium), firefox: createFirefoxBenchBrowser(versions.firefox) };
  const browsers = BROWSERS.map((name) => adapters[name]);
  const results: ModeResult[] = [];
  for (const browser of browsers) {
    for (const mode of MODES) {
      console.log(`[bench] ${browser.name}, ${mode}: ${WARMUP} warm-up + ${RUNS} opens of a ${MESSAGE_COUNT}-message Gmail thread…`);
      results.push(await runMode(browser, mode));
    }
  }
  const sizes = contentScriptSizes();
  const output = {
    name: 'extension-e2e',
    date: new Date().toISOString(),
    /** Each result's `browser` names one of these. */
    browsers: Object.fromEntries(browsers.map((browser) => [browser.name, browser.version])),
    thread: { host: 'gmail', messages: MESSAGE_COUNT, expanded: 'all' },
    runsPerMode: RUNS,
    aims: { routeToPaintP95Ms: 100, longestTaskMs: 50, contentScriptGzipBytes: 100 * 1024 },
    results,
    contentScripts: sizes,
  };
  mkdirSync(BENCH_RESULTS_DIR, { recursive: true });
  const file = path.join(BENCH_RESULTS_DIR, 'extension-e2e.json');
  writeFileSync(file, `${JSON.stringify(output, null, 2)}\n`);

  console.log(`\nThread open -> sidebar painted, ${MESSAGE_COUNT}-message Gmail thread, ${RUNS} opens per mode (${browsers.map((b) => b.version).join('; ')})`);
  const dash = '—';
  const notExposed = 'not exposed';
  console.table(
    results.map((r) => ({
      browser: r.browser,
      mode: r.mode,
      'route→paint p50': r.routeToPaint.p50,
      'route→paint p95': r.routeToPaint.p95,
      'route→figures p50': r.routeToFigures?.p50 ?? dash,
      'route→figures p95': r.routeToFigures?.p95 ?? dash,
      'page p50': r.page.p50,
      'page p95': r.page.p95,
      'added p50': r.added?.p50 ?? dash,
      'added p95': r.added?.p95 ?? dash,
      'open→paint p95': r.openToPaint?.p95 ?? dash,
      'longest task': r.longestTaskMs ?? notExposed,
      'opens with one': r.opensWithLongTask === null ? notExposed : `${r.opensWithLongTask}/${r.runs}`,
      'longest after page': r.longestTaskAfterPageMs ?? notExposed,
      'opens with one after page': r.opensWithLongTaskAfterPage === null ? notExposed : `${r.opensWithLongTaskAfterPage}/${r.runs}`,
      'open task max': r.openTask?.max ?? dash,
      'opens starting the background': r.mode === 'page only' ? dash : `${r.opensWithEngineStart}/${r.runs}`,
    })),
  );
  console.log('All figures in ms. Long tasks are reported over 50 ms only (0 = none).');
  for (const name of new Set(results.filter((r) => r.longTasks !== 'observed').map((r) => r.browser))) console.log(`${name}: long tasks ${LONG_TASKS_NOT_EXPOSED}.`);
  for (const r of results) console.log(`${r.browser}, ${r.mode}: phases p50`, r.phasesP50Ms, '\nlongest frame of the median open', r.medianOpenLongestFrame);
  console.table(Object.fromEntries(Object.entries(sizes).map(([file, size]) => [file, { KB: Math.round(size.bytes / 102.4) / 10, 'gzip KB': Math.round(size.gzipBytes / 102.4) / 10 }])));
  console.log(`wrote ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
