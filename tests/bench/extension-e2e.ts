/**
 * Benchmark: from "thread opened" to "sidebar painted" in real Chromium with the production build, on a
 * 50-message Gmail thread (every message expanded), N opens per mode, plus the longest main-thread task.
 *
 *   pnpm --filter @followthrough/e2e bench        (or: cd tests && npx tsx bench/extension-e2e.ts)
 *   FOLLOWTHROUGH_BENCH_RUNS=20 by default.
 *
 * Figures per open (all from the page's performance timeline, which the content script shares):
 * - open→paint: the extension's own marks, followthrough:thread-open (thread DOM read) to
 *   followthrough:sidebar-painted (first frame with content): the spec's figure.
 * - route→paint: from the moment the page rendered the thread (fixture:route) to sidebar-painted, i.e.
 *   what the user waits, including how long the extension takes to notice the SPA navigation.
 * - baseline: fixture:route to fixture:painted, the page's own render of the same thread in the same run;
 *   the ratios below are against it.
 * - longest task: the longest 'longtask' entry between route and paint (PerformanceObserver, main world;
 *   content-script work runs on the same main thread).
 * Content-script sizes (gzip) of both builds are reported too. Results: bench-results/extension-e2e.json.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { createLongThread, createMailbox, createRolloutThread } from '../fixtures/client-threads';
import { GMAIL_INBOX_URL, gmailUrlToken } from '../fixtures/gmail-page';
import { assertBrowsersInstalled } from '../harness/browser-check';
import { launchChromiumWithExtension } from '../harness/chromium-launch';
import { createE2eWorld } from '../harness/e2e-world';
import { ensureExtensionBuilt, snapshotExtensionBuild } from '../harness/extension-build';
import { configureThroughOptionsPage, MARK_SIDEBAR_PAINTED, MARK_THREAD_OPEN, SIDEBAR } from '../harness/extension-ui';
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

interface OpenSample {
  frame: FrameAttribution | null;
  phases: Record<string, number>;
  openToPaintMs: number;
  routeToPaintMs: number;
  baselineMs: number;
  longestTaskMs: number;
}

interface ModeResult {
  mode: string;
  runs: number;
  openToPaint: Stats;
  routeToPaint: Stats;
  baseline: Stats;
  longestTaskMs: number;
  routeToPaintOverBaselineP50: number;
  /** The longest animation frame of the median open (by open→paint), for attribution. */
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

async function openOnce(page: Page, token: string, threadId: string): Promise<OpenSample> {
  await page.evaluate(() => {
    location.hash = '#inbox';
  });
  await page.locator(SIDEBAR).waitFor({ state: 'detached', timeout: 10_000 });
  await page.evaluate(() => {
    performance.clearMarks();
    performance.clearMeasures();
    (window as unknown as { __ftLongTasks: unknown[] | null }).__ftLongTasks?.splice(0);
  });
  await page.evaluate((next) => {
    location.hash = next;
  }, `#inbox/${token}`);
  // No named helpers inside page functions: tsx's keepNames would reference a __name the page lacks.
  const handle = await page.waitForFunction(
    ([open, painted, id]) => {
      const sidebar = document.querySelector('followthrough-sidebar')?.shadowRoot?.querySelector('[data-testid="ft-sidebar"]');
      const values = [ 'fixture:route', 'fixture:painted', open, painted ].map((name) => performance.getEntriesByName(name).at(-1)?.startTime);
      if (!sidebar || sidebar.getAttribute('data-thread-id') !== id || values.some((v) => v === undefined)) return null;
      return values as number[];
    },
    [MARK_THREAD_OPEN, MARK_SIDEBAR_PAINTED, threadId] as const,
    { timeout: 15_000, polling: 50 },
  );
  const [route = 0, pagePainted = 0, open = 0, painted = 0] = (await handle.jsonValue()) ?? [];
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
  const longest = tasks.filter((task) => task.start + task.duration >= route && task.start <= painted + 50).reduce((max, task) => Math.max(max, task.duration), 0);
  return { frame, phases, openToPaintMs: painted - open, routeToPaintMs: painted - route, baselineMs: pagePainted - route, longestTaskMs: longest };
}

async function runMode(mode: 'local' | 'server'): Promise<ModeResult> {
  const long = createLongThread({ thread: '19a4e0b1c2d3e100', messagePrefix: '19a4e0b1c2d3' }, MESSAGE_COUNT);
  const rollout = createRolloutThread({ thread: '19a4c2e8b7d10f3a', messages: ['19a4c2e8b7d10f3a', '19a4c2e8b7d10f3b', '19a4c2e8b7d10f3c', '19a4c2e8b7d10f3d'] });
  const mailbox = createMailbox([long, rollout]);
  const world = await createE2eWorld(mailbox, { ingest: mode === 'server' });
  const browser = await launchChromiumWithExtension({ fixturePort: world.fixtures.port, timeZone: mailbox.timeZone });
  try {
    const options = await browser.context.newPage();
    await configureThroughOptionsPage(options, `chrome-extension://${browser.extensionId}`, mode === 'server' ? { serverUrl: world.api.url, token: world.token } : null);
    await options.close();
    const page = await browser.context.newPage();
    await page.addInitScript(LONG_TASK_OBSERVER);
    await page.goto(GMAIL_INBOX_URL);
    const samples: OpenSample[] = [];
    for (let index = 0; index < WARMUP + RUNS; index += 1) {
      const sample = await openOnce(page, gmailUrlToken(long), long.id);
      if (index >= WARMUP) samples.push(sample);
    }
    const routeToPaint = stats(samples.map((s) => s.routeToPaintMs));
    const baseline = stats(samples.map((s) => s.baselineMs));
    const byOpen = [...samples].sort((a, b) => a.openToPaintMs - b.openToPaintMs);
    const phaseNames = [...new Set(samples.flatMap((s) => Object.keys(s.phases)))];
    const phasesP50Ms = Object.fromEntries(phaseNames.map((name) => [name, stats(samples.map((s) => s.phases[name] ?? 0)).p50]));
    return {
      medianOpenLongestFrame: byOpen[Math.floor(byOpen.length / 2)]?.frame ?? null,
      phasesP50Ms,
      mode,
      runs: samples.length,
      openToPaint: stats(samples.map((s) => s.openToPaintMs)),
      routeToPaint,
      baseline,
      longestTaskMs: Math.round(Math.max(...samples.map((s) => s.longestTaskMs))),
      routeToPaintOverBaselineP50: Math.round((routeToPaint.p50 / Math.max(baseline.p50, 0.1)) * 10) / 10,
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
  for (const mode of ['local', 'server'] as const) {
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
    aims: { openToPaintP95Ms: 100, longestTaskMs: 50, contentScriptGzipBytes: 100 * 1024 },
    results,
    contentScripts: sizes,
  };
  mkdirSync(BENCH_RESULTS_DIR, { recursive: true });
  const file = path.join(BENCH_RESULTS_DIR, 'extension-e2e.json');
  writeFileSync(file, `${JSON.stringify(output, null, 2)}\n`);

  console.log(`\nThread open -> sidebar painted, ${MESSAGE_COUNT}-message Gmail thread, ${RUNS} opens per mode (${versions.chromium})`);
  console.table(
    results.map((r) => ({
      mode: r.mode,
      'open→paint p50 ms': r.openToPaint.p50,
      'open→paint p95 ms': r.openToPaint.p95,
      'route→paint p50 ms': r.routeToPaint.p50,
      'route→paint p95 ms': r.routeToPaint.p95,
      'page render p50 ms (baseline)': r.baseline.p50,
      'route→paint / baseline': r.routeToPaintOverBaselineP50,
      'longest task ms': r.longestTaskMs,
    })),
  );
  for (const r of results) console.log(`${r.mode}: phases p50`, r.phasesP50Ms, '\nlongest frame of the median open', r.medianOpenLongestFrame);
  console.table(Object.fromEntries(Object.entries(sizes).map(([file, size]) => [file, { KB: Math.round(size.bytes / 102.4) / 10, 'gzip KB': Math.round(size.gzipBytes / 102.4) / 10 }])));
  console.log(`wrote ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
