// One measured phase of the mailbox benchmark, in its own process so its peak RSS (getrusage maxrss) belongs
// to that phase alone. Prints one JSON line. Started by suites/mailbox.ts; not meant to be run by hand.
//   parse-only: split lines + JSON.parse (the baseline: the least any JSON Lines reader must do)
//   read:       the CLI's reader (line splitting, JSON.parse, schema validation), no engine
//   analyze:    the CLI's reader + createMailboxAnalyzer add() for every message + result(now) + JSON.stringify
import { createReadStream } from 'node:fs';
import { analysisSettingsSchema, createMailboxAnalyzer, type NormalizedMessage } from '@followthrough/shared';
import { ANALYZE_BATCH } from '../src/cli/feed-messages';
import { createLineSplitter } from '../src/mail/line-splitter';
import { openMailSource } from '../src/mail/index';

const [phase, file, me, now] = process.argv.slice(2) as [string, string, string, string];

async function parseOnly(): Promise<{ messages: number }> {
  let messages = 0;
  const splitter = createLineSplitter((line) => {
    if (line.length === 0) return;
    const value = JSON.parse(line.toString('utf8')) as { id?: unknown };
    if (value.id !== undefined) messages++;
  });
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) splitter.push(chunk as Buffer);
  splitter.end();
  return { messages };
}

async function read(): Promise<{ messages: number }> {
  let messages = 0;
  const source = await openMailSource(file);
  for await (const item of source.items()) if (item.kind === 'message') messages++;
  return { messages };
}

async function analyze(): Promise<Record<string, number>> {
  const settings = analysisSettingsSchema.parse({ me: [me], timeZone: 'Europe/Berlin' });
  const analyzer = createMailboxAnalyzer(settings);
  const source = await openMailSource(file);
  let messages = 0;
  let addMs = 0;
  // In batches, as the CLI feeds it (feed-messages.ts).
  let batch: NormalizedMessage[] = [];
  const flush = () => {
    const t = performance.now();
    analyzer.addMany(batch);
    addMs += performance.now() - t;
    batch = [];
  };
  for await (const item of source.items()) {
    if (item.kind !== 'message') continue;
    batch.push(item.message);
    messages++;
    if (batch.length === ANALYZE_BATCH) flush();
  }
  flush();
  const t = performance.now();
  const doc = analyzer.result(now);
  const resultMs = performance.now() - t;
  const json = JSON.stringify(doc);
  return { messages, addMs, resultMs, counterparts: doc.counterparts.length, promises: doc.promises.length, outputBytes: json.length };
}

const started = performance.now();
const cpuStart = process.cpuUsage();
const figures = phase === 'parse-only' ? await parseOnly() : phase === 'read' ? await read() : await analyze();
const ms = performance.now() - started;
// CPU time (user + system, all of this process's threads, GC helpers included): the machine is shared, and
// wall time swings with whatever else runs; CPU time is what the phase itself cost.
const cpu = process.cpuUsage(cpuStart);
const cpuMs = (cpu.user + cpu.system) / 1000;
// maxRSS is in kilobytes (getrusage): the peak for this whole process.
console.log(JSON.stringify({ phase, ms, cpuMs, peakRssMB: process.resourceUsage().maxRSS / 1024, ...figures }));
