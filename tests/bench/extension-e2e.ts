/**
 * Benchmark: from "thread opened" to "sidebar painted" in real Chromium with the production build, on a
 * 50-message Gmail thread (every message expanded), N opens per mode, plus the longest main-thread tasks.
 *
 *   pnpm --filter @followthrough/e2e bench        (or: cd tests && npx tsx bench/extension-e2e.ts)
 *   FOLLOWTHROUGH_BENCH_RUNS=20 by default.
 *
 * Modes, in one run: `page only` (the same browser and page with no extension: the baseline), `local`
 * (no server: the engine runs in the content script) and `server` (a real server process too).
 * Figures per open, all from the page's performance timeline (which the content script shares):
 * - route→paint, the headline: from fixture:route (the page puts the thread into the DOM) to
 *   followthrough:sidebar-painted (the task after the frame that shows the sidebar's content): what
 *   the user waits for, the page's own render included.
 * - page: fixture:route to fixture:painted (the task after the page's first frame of the thread):
 *   the page's own cost, which the page-only mode shows is there without the extension.
 * - added: fixture:painted to sidebar-painted, the wait the extension adds after the thread is shown.
 * - open→paint: the extension's own marks (from the start of its read of the thread).
 * - longest task: the longest 'longtask' entry (PerformanceObserver, main world; content-script work
 *   runs on the same main thread) from route to paint; also after fixture:painted only (the tasks
 *   the extension causes), and the extension's own open task (followthrough:open-task: read, analysis
 *   and React commit). Long tasks are only reported over 50 ms: 0 means none.
 * Content-script sizes (gzip) of both builds are reported too. Results: bench-results/extension-e2e.json.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { createLongThread, createMailbox, createRolloutThread } from '../fixtures/client-threads';
import { GMAIL_INBOX_URL, gmailUrlToken } from '../fixtures/gmail-page';
import { assertBrowsersInstalled } from '../harness/browser-check';
import { launchChromiumWithExtension, launchChromiumWithoutExtension } from '../harness/chromium-launch';
import { createE2eWorld } from '../harness/e2e-world';
import { ensureExtensionBuilt, snapshotExtensionBuild } from '../harness/extension-build';
import { configureThroughOptionsPage, MARK_SIDEBAR_PAINTED, MARK_THREAD_OPEN, MEASURE_OPEN_TASK, SIDEBAR } from '../harness/extension-ui';
import { BENCH_RESULTS_DIR, CHROME_BUILD_DIR, FIREFOX_BUILD_DIR } from '../harness/paths';

const RUNS = Number(process.env.FOLLOWTHROUGH_BENCH_RUNS ?? 20);
const WARMUP = 2;
const MESSAGE_COUNT = 50;

/** The longest animation frame of an open, split into script, forced layout and rendering (style, layout, paint). */
interface FrameAttribution {
  durationMs: number;
  scriptMs: number;
  forcedStyleAndLayoutMs: number;
  renderingMs: number;
  scripts: string[];
}

type Mode = 'page only' | 'local' | 'server';

interface OpenSample {
  frame: FrameAttribution | null;
  phases: Record<string, number>;
  routeToPaintMs: number;
  pageMs: number;
  /** null in page-only mode (no sidebar). */
  addedMs: number | null;
  openToPaintMs: number | null;
  longestTaskMs: number;
  longestTaskAfterPageMs: number;
  openTaskMs: number | null;
}

interface ModeResult {
  mode: Mode;
  runs: number;
  routeToPaint: Stats;
  page: Stats;
  added: Stats | null;
  openToPaint: Stats | null;
  /** Longest long task (> 50 ms) of any open, route to paint; 0 = none. */
  longestTaskMs: number;
  /** Same, counting only tasks that start after the page's first frame of the thread. */
  longestTaskAfterPageMs: number;
  /** How many opens had any long task (> 50 ms), and how many had one after the page's first frame. */
  opensWithLongTask: number;
  opensWithLongTaskAfterPage: number;
  /** The extension's open task (read + analysis + React commit), whatever its length. */
  openTask: Stats | null;
  /** The longest animation frame of the median open (by route→paint), for attribution. */
  medianOpenLongestFrame: FrameAttribution | null;
  /** p50 of each followthrough:* phase measure, summed per open. */
  phasesP50Ms: Record<string, number>;
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

/** Installed before any page script: collects long tasks in the page's main world. */
const LONG_TASK_OBSERVER = `
  window.__ftLongTasks = [];
  try {
    new PerformanceObserver(function (list) {
      for (const entry of list.getEntries()) window.__ftLongTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (error) { window.__ftLongTasks = null; }
  window.__ftFrames = [];
  try {
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

async function openOnce(page: Page, token: string, threadId: string, mode: Mode): Promise<OpenSample> {
  const withSidebar = mode !== 'page only';
  await page.evaluate(() => {
    location.hash = '#inbox';
  });
  if (withSidebar) await page.locator(SIDEBAR).waitFor({ state: 'detached', timeout: 10_000 });
  // Let the inbox settle (its frame, the extension's read of it) before the clock starts.
  await page.waitForTimeout(100);
  await page.evaluate(() => {
    performance.clearMarks();
    performance.clearMeasures();
    (window as unknown as { __ftLongTasks: unknown[] | null }).__ftLongTasks?.splice(0);
    (window as unknown as { __ftFrames: unknown[] | null }).__ftFrames?.splice(0);
  });
  await page.evaluate((next) => {
    location.hash = next;
  }, `#inbox/${token}`);
  // No named helpers inside page functions: tsx's keepNames would reference a __name the page lacks.
  const handle = await page.waitForFunction(
    ([open, painted, id, sidebarExpected]) => {
      const route = performance.getEntriesByName('fixture:route').at(-1)?.startTime;
      const pagePainted = performance.getEntriesByName('fixture:painted').at(-1)?.startTime;
      if (route === undefined || pagePainted === undefined) return null;
      if (!sidebarExpected) return [route, pagePainted, -1, -1];
      const sidebar = document.querySelector('followthrough-sidebar')?.shadowRoot?.querySelector('[data-testid="ft-sidebar"]');
      const values = [open, painted].map((name) => performance.getEntriesByName(name).at(-1)?.startTime);
      if (!sidebar || sidebar.getAttribute('data-thread-id') !== id || values.some((v) => v === undefined)) return null;
      return [route, pagePainted, ...(values as number[])];
    },
    [MARK_THREAD_OPEN, MARK_SIDEBAR_PAINTED, threadId, withSidebar] as const,
    { timeout: 15_000, polling: 50 },
  );
  const [route = 0, pagePainted = 0, open = 0, sidebarPainted = 0] = (await handle.jsonValue()) ?? [];
  const painted = withSidebar ? sidebarPainted : pagePainted;
  // Long tasks end asynchronously: wait a frame or two before reading them.
  await page.waitForTimeout(100);
  const tasks = await page.evaluate(() => (window as unknown as { __ftLongTasks: { start: number; duration: number }[] | null }).__ftLongTasks);
  interface RawFrame { start: number; duration: number; renderStart: number; styleAndLayoutStart: number; scripts: { invoker: string; source: string; duration: number; forcedStyleAndLayout: number }[] }
  const frames = await page.evaluate(() => (window as unknown as { __ftFrames: RawFrame[] | null }).__ftFrames);
  const inWindow = (frames ?? []).filter((f) => f.start + f.duration >= route && f.start <= painted + 50);
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
  });
  if (tasks === null) throw new Error('this Chromium does not report longtask entries');
  const inOpen = tasks.filter((task) => task.start + task.duration >= route && task.start <= painted + 50);
  const longest = (list: { duration: number }[]): number => list.reduce((max, task) => Math.max(max, task.duration), 0);
  return {
    frame,
    phases,
    routeToPaintMs: painted - route,
    pageMs: pagePainted - route,
    addedMs: withSidebar ? painted - pagePainted : null,
    openToPaintMs: withSidebar ? painted - open : null,
    longestTaskMs: longest(inOpen),
    longestTaskAfterPageMs: longest(inOpen.filter((task) => task.start >= pagePainted - 1)),
    openTaskMs: withSidebar ? phases[MEASURE_OPEN_TASK] ?? null : null,
  };
}

async function runMode(mode: Mode): Promise<ModeResult> {
  const long = createLongThread({ thread: '19a4e0b1c2d3e100', messagePrefix: '19a4e0b1c2d3' }, MESSAGE_COUNT);
  const rollout = createRolloutThread({ thread: '19a4c2e8b7d10f3a', messages: ['19a4c2e8b7d10f3a', '19a4c2e8b7d10f3b', '19a4c2e8b7d10f3c', '19a4c2e8b7d10f3d'] });
  const mailbox = createMailbox([long, rollout]);
  const world = await createE2eWorld(mailbox, { ingest: mode === 'server' });
  const launchOptions = { fixturePort: world.fixtures.port, timeZone: mailbox.timeZone };
  const browser = mode === 'page only' ? await launchChromiumWithoutExtension(launchOptions) : await launchChromiumWithExtension(launchOptions);
  try {
    if ('extensionId' in browser) {
      const options = await browser.context.newPage();
      await configureThroughOptionsPage(options, `chrome-extension://${browser.extensionId}`, mode === 'server' ? { serverUrl: world.api.url, token: world.token } : null);
      await options.close();
    }
    const page = await browser.context.newPage();
    await page.addInitScript(LONG_TASK_OBSERVER);
    await page.goto(GMAIL_INBOX_URL);
    const samples: OpenSample[] = [];
    for (let index = 0; index < WARMUP + RUNS; index += 1) {
      const sample = await openOnce(page, gmailUrlToken(long), long.id, mode);
      if (index >= WARMUP) samples.push(sample);
    }
    const present = (values: (number | null)[]): number[] => values.filter((value): value is number => value !== null);
    const optionalStats = (values: (number | null)[]): Stats | null => (present(values).length > 0 ? stats(present(values)) : null);
    const byRoute = [...samples].sort((a, b) => a.routeToPaintMs - b.routeToPaintMs);
    const phaseNames = [...new Set(samples.flatMap((s) => Object.keys(s.phases)))];
    const phasesP50Ms = Object.fromEntries(phaseNames.map((name) => [name, stats(samples.map((s) => s.phases[name] ?? 0)).p50]));
    return {
      mode,
      runs: samples.length,
      routeToPaint: stats(samples.map((s) => s.routeToPaintMs)),
      page: stats(samples.map((s) => s.pageMs)),
      added: optionalStats(samples.map((s) => s.addedMs)),
      openToPaint: optionalStats(samples.map((s) => s.openToPaintMs)),
      longestTaskMs: Math.round(Math.max(...samples.map((s) => s.longestTaskMs))),
      longestTaskAfterPageMs: Math.round(Math.max(...samples.map((s) => s.longestTaskAfterPageMs))),
      opensWithLongTask: samples.filter((s) => s.longestTaskMs > 0).length,
      opensWithLongTaskAfterPage: samples.filter((s) => s.longestTaskAfterPageMs > 0).length,
      openTask: optionalStats(samples.map((s) => s.openTaskMs)),
      medianOpenLongestFrame: byRoute[Math.floor(byRoute.length / 2)]?.frame ?? null,
      phasesP50Ms,
    };
  } finally {
    await browser.close();
    await world.dispose();
  }
}

function contentScriptSizes(): Record<string, { bytes: number; gzipBytes: number }> {
  const sizes: Record<string, { bytes: number; gzipBytes: number }> = {};
  for (const [label, dir] of [['chrome', CHROME_BUILD_DIR], ['firefox', FIREFOX_BUILD_DIR]] as const) {
    const files = readdirSync(path.join(dir, 'content-scripts')).filter((file) => file.endsWith('.js')).map((file) => `content-scripts/${file}`);
    for (const file of [...files, 'engine.js']) {
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
  const results: ModeResult[] = [];
  for (const mode of ['page only', 'local', 'server'] as const) {
    console.log(`[bench] ${mode}: ${WARMUP} warm-up + ${RUNS} opens of a ${MESSAGE_COUNT}-message Gmail thread…`);
    results.push(await runMode(mode));
  }
  const sizes = contentScriptSizes();
  const output = {
    name: 'extension-e2e',
    date: new Date().toISOString(),
    browser: versions.chromium,
    thread: { host: 'gmail', messages: MESSAGE_COUNT, expanded: 'all' },
    runsPerMode: RUNS,
    aims: { routeToPaintP95Ms: 100, longestTaskMs: 50, contentScriptGzipBytes: 100 * 1024 },
    results,
    contentScripts: sizes,
  };
  mkdirSync(BENCH_RESULTS_DIR, { recursive: true });
  const file = path.join(BENCH_RESULTS_DIR, 'extension-e2e.json');
  writeFileSync(file, `${JSON.stringify(output, null, 2)}\n`);

  console.log(`\nThread open -> sidebar painted, ${MESSAGE_COUNT}-message Gmail thread, ${RUNS} opens per mode (${versions.chromium})`);
  const dash = '—';
  console.table(
    results.map((r) => ({
      mode: r.mode,
      'route→paint p50': r.routeToPaint.p50,
      'route→paint p95': r.routeToPaint.p95,
      'page p50': r.page.p50,
      'page p95': r.page.p95,
      'added p50': r.added?.p50 ?? dash,
      'added p95': r.added?.p95 ?? dash,
      'open→paint p95': r.openToPaint?.p95 ?? dash,
      'longest task': r.longestTaskMs,
      'opens with one': `${r.opensWithLongTask}/${r.runs}`,
      'longest after page': r.longestTaskAfterPageMs,
      'opens with one after page': `${r.opensWithLongTaskAfterPage}/${r.runs}`,
      'open task max': r.openTask?.max ?? dash,
    })),
  );
  console.log('All figures in ms. Long tasks are reported over 50 ms only (0 = none).');
  for (const r of results) console.log(`${r.mode}: phases p50`, r.phasesP50Ms, '\nlongest frame of the median open', r.medianOpenLongestFrame);
  console.table(Object.fromEntries(Object.entries(sizes).map(([file, size]) => [file, { KB: Math.round(size.bytes / 102.4) / 10, 'gzip KB': Math.round(size.gzipBytes / 102.4) / 10 }])));
  console.log(`wrote ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
