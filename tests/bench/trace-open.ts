/**
 * Where the time of one thread open goes: records a Chromium performance trace of a few opens of the
 * 50-message Gmail thread (production build, local analysis) and prints, per open, every main-thread
 * task between the page's route and the sidebar's paint mark, with what ran inside it (script,
 * style, layout, paint, garbage collection). The tool behind the figures in the extension bench notes.
 *
 *   cd tests && npx tsx bench/trace-open.ts [--server] [--opens N] [--no-extension]
 */
import type { CDPSession, Page } from 'playwright-core';
import { createLongThread, createMailbox, createRolloutThread } from '../fixtures/client-threads';
import { GMAIL_INBOX_URL, gmailUrlToken } from '../fixtures/gmail-page';
import { assertBrowsersInstalled } from '../harness/browser-check';
import { launchChromiumWithExtension, launchChromiumWithoutExtension } from '../harness/chromium-launch';
import { createE2eWorld } from '../harness/e2e-world';
import { ensureExtensionBuilt, snapshotExtensionBuild } from '../harness/extension-build';
import { configureThroughOptionsPage, MARK_SIDEBAR_PAINTED, SIDEBAR } from '../harness/extension-ui';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

const args = process.argv.slice(2);
const SERVER = args.includes('--server');
/** The same page and opens in a Chromium without the extension: the page's own cost. */
const NO_EXTENSION = args.includes('--no-extension');
/** Instead of the task breakdown: a CPU profile of the opens, self time per function of the extension's scripts. */
const PROFILE = args.includes('--profile');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

async function profileSelfTimes(session: CDPSession, work: () => Promise<void>): Promise<void> {
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 100 });
  await session.send('Profiler.start');
  await work();
  const { profile } = (await session.send('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const frame = byId.get(id)?.callFrame;
    if (!frame) return;
    const file = frame.url.split('/').pop() ?? '';
    const key = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  const rows = [...self.entries()].filter(([key]) => !key.startsWith('(idle)') && !key.startsWith('(program)')).sort((a, b) => b[1] - a[1]).slice(0, 40);
  for (const [key, ms] of rows) console.log(`${ms.toFixed(1).padStart(8)} ms  ${key}`);
}
const OPENS = Number(args[args.indexOf('--opens') + 1] ?? 0) || 5;

async function collectTrace(session: CDPSession, work: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', (payload) => {
    events.push(...(payload.value as unknown as TraceEvent[]));
  });
  const done = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
  await session.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8', 'toplevel', 'v8.execute'],
    },
  });
  await work();
  await session.send('Tracing.end');
  await done;
  return events;
}

const BUCKETS: Record<string, string> = {
  FunctionCall: 'script',
  EvaluateScript: 'script',
  'v8.callFunction': 'script',
  TimerFire: 'script',
  FireAnimationFrame: 'script',
  EventDispatch: 'script',
  V8Console: 'script',
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  Paint: 'paint',
  PrePaint: 'paint',
  Layerize: 'paint',
  'MajorGC': 'gc',
  'MinorGC': 'gc',
  'V8.GCScavenger': 'gc',
  'V8.GCFinalizeMC': 'gc',
  ParseHTML: 'parse',
};

function openOnce(page: Page, token: string): Promise<void> {
  return (async () => {
    await page.evaluate(() => {
      location.hash = '#inbox';
    });
    if (!NO_EXTENSION) await page.locator(SIDEBAR).waitFor({ state: 'detached', timeout: 10_000 });
    await page.waitForTimeout(300);
    await page.evaluate(() => {
      performance.clearMarks();
    });
    await page.evaluate((next) => {
      location.hash = next;
    }, `#inbox/${token}`);
    if (NO_EXTENSION) await page.waitForTimeout(300);
    else await page.waitForFunction((painted) => performance.getEntriesByName(painted).length > 0, MARK_SIDEBAR_PAINTED, { polling: 50 });
    await page.waitForTimeout(200);
  })();
}

function report(events: TraceEvent[]): void {
  const marks = events.filter((e) => e.cat.includes('blink.user_timing') && (e.name === 'fixture:route' || e.name === MARK_SIDEBAR_PAINTED));
  const routes = marks.filter((e) => e.name === 'fixture:route').sort((a, b) => a.ts - b.ts);
  const paints = marks.filter((e) => e.name === MARK_SIDEBAR_PAINTED).sort((a, b) => a.ts - b.ts);
  const anchor = routes[0];
  if (!anchor) throw new Error('no fixture:route mark in the trace');
  const main = { pid: anchor.pid, tid: anchor.tid };
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined);
  const tasks = onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask').sort((a, b) => a.ts - b.ts);
  for (const route of routes) {
    // Without the extension there is no paint mark: the 150 ms after the route hold the page's frames.
    const paint = paints.find((p) => p.ts > route.ts) ?? (NO_EXTENSION ? { ...route, ts: route.ts + 150_000 } : undefined);
    if (!paint) continue;
    console.log(`\nopen: route→paint ${((paint.ts - route.ts) / 1000).toFixed(1)} ms`);
    const inWindow = tasks.filter((t) => t.ts + (t.dur ?? 0) >= route.ts && t.ts <= paint.ts);
    for (const task of inWindow) {
      const end = task.ts + (task.dur ?? 0);
      const children = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end);
      const buckets: Record<string, number> = {};
      const within = (inner: TraceEvent, outerEvent: TraceEvent) =>
        inner !== outerEvent && outerEvent.ts <= inner.ts && outerEvent.ts + (outerEvent.dur ?? 0) >= inner.ts + (inner.dur ?? 0);
      const scripts = children.filter((c) => BUCKETS[c.name] === 'script');
      const outerScripts = scripts.filter((c) => !scripts.some((p) => within(c, p)));
      for (const child of children) {
        const bucket = BUCKETS[child.name];
        if (bucket === undefined || bucket === 'script') continue;
        // Style and layout run inside a script call when the script forced them (a read of layout).
        const forced = outerScripts.some((p) => within(child, p));
        const label = forced ? `forced ${bucket}` : bucket;
        buckets[label] = (buckets[label] ?? 0) + (child.dur ?? 0) / 1000;
      }
      for (const child of outerScripts) buckets.script = (buckets.script ?? 0) + (child.dur ?? 0) / 1000;
      const outer = [...outerScripts, ...children.filter((c) => BUCKETS[c.name] !== undefined && BUCKETS[c.name] !== 'script' && !outerScripts.some((p) => within(c, p)))].sort((a, b) => a.ts - b.ts);
      const dur = (task.dur ?? 0) / 1000;
      if (dur < 1) continue;
      const detail = Object.entries(buckets).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ');
      const top = outer.filter((c) => (c.dur ?? 0) > 1000).map((c) => `${c.name}${c.args?.data?.url ? `(${String(c.args.data.url).split('/').pop()})` : ''} ${((c.dur ?? 0) / 1000).toFixed(1)}`).join('; ');
      console.log(`  +${((task.ts - route.ts) / 1000).toFixed(1).padStart(6)} ms  task ${dur.toFixed(1).padStart(5)} ms  [${detail}]  ${top}`);
    }
  }
}

async function main(): Promise<void> {
  assertBrowsersInstalled();
  ensureExtensionBuilt();
  snapshotExtensionBuild();
  const long = createLongThread({ thread: '19a4e0b1c2d3e100', messagePrefix: '19a4e0b1c2d3' }, 50);
  const rollout = createRolloutThread({ thread: '19a4c2e8b7d10f3a', messages: ['19a4c2e8b7d10f3a', '19a4c2e8b7d10f3b', '19a4c2e8b7d10f3c', '19a4c2e8b7d10f3d'] });
  const mailbox = createMailbox([long, rollout]);
  const world = await createE2eWorld(mailbox, { ingest: SERVER });
  const browser = NO_EXTENSION
    ? { ...(await launchChromiumWithoutExtension({ fixturePort: world.fixtures.port, timeZone: mailbox.timeZone })), extensionId: '' }
    : await launchChromiumWithExtension({ fixturePort: world.fixtures.port, timeZone: mailbox.timeZone });
  try {
    if (!NO_EXTENSION) {
      const options = await browser.context.newPage();
      await configureThroughOptionsPage(options, `chrome-extension://${browser.extensionId}`, SERVER ? { serverUrl: world.api.url, token: world.token } : null);
      await options.close();
    }
    const page = await browser.context.newPage();
    await page.goto(GMAIL_INBOX_URL);
    for (let i = 0; i < 3; i += 1) await openOnce(page, gmailUrlToken(long));
    const session = await browser.context.newCDPSession(page);
    if (PROFILE) {
      await profileSelfTimes(session, async () => {
        for (let i = 0; i < OPENS; i += 1) await openOnce(page, gmailUrlToken(long));
      });
      return;
    }
    const events = await collectTrace(session, async () => {
      for (let i = 0; i < OPENS; i += 1) await openOnce(page, gmailUrlToken(long));
    });
    report(events);
  } finally {
    await browser.close();
    await world.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
