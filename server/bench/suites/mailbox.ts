// Mailbox benchmark (issue 2, "Proof"): a generated 100,000-message mailbox through the CLI's reader and the
// engine, against the baseline of merely splitting lines and JSON.parse-ing the same file in the same run.
// Each phase runs in its own process so its peak RSS is its own. Generation time is excluded.
// The generated bodies repeat a few templates, so the analysis also runs on the same shape of mailbox with
// bodies of real sentences (bench/corpus-sentences.ts): a figure that held only on repeated text would show.
// FOLLOWTHROUGH_BENCH_MESSAGES=20000 makes a quicker run.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ENGINE_NODE_FLAGS } from '../../src/engine-node-flags';
import { corpusSentencePools } from '../corpus-sentences';
import { BENCH_ME, generateMailbox } from '../generate-mailbox';
import type { BenchFigure, BenchResult } from '../report';

const run = promisify(execFile);
const serverDir = join(dirname(fileURLToPath(import.meta.url)), '../..');
const NOW = '2026-04-20T09:00:00+02:00';

interface PhaseResult {
  phase: string;
  ms: number;
  cpuMs: number;
  peakRssMB: number;
  messages: number;
  addMs?: number;
  resultMs?: number;
  counterparts?: number;
  promises?: number;
}

async function phase(name: 'parse-only' | 'read' | 'analyze', file: string): Promise<PhaseResult> {
  // With the node flags `pnpm followthrough` runs the CLI with (src/engine-node-flags.ts), in every phase alike.
  const { stdout } = await run(process.execPath, [...ENGINE_NODE_FLAGS, '--import', 'tsx', 'bench/mailbox-worker.ts', name, file, BENCH_ME, NOW], {
    cwd: serverDir,
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as PhaseResult;
}

/** Best of `n` runs by CPU time: the machine is shared, and the minimum is the least disturbed measurement. */
async function best(name: 'parse-only' | 'read' | 'analyze', file: string, n: number): Promise<PhaseResult> {
  let winner: PhaseResult | undefined;
  for (let i = 0; i < n; i++) {
    const result = await phase(name, file);
    if (!winner || result.cpuMs < winner.cpuMs) winner = result;
  }
  return winner as PhaseResult;
}

export async function runMailbox(): Promise<BenchResult> {
  const messages = Number(process.env.FOLLOWTHROUGH_BENCH_MESSAGES) || 100_000;
  const dir = mkdtempSync(join(tmpdir(), 'followthrough-bench-'));
  try {
    const jsonl = join(dir, 'mailbox.jsonl');
    const mbox = join(dir, 'mailbox.mbox');
    const generated = await generateMailbox({ messages, jsonlPath: jsonl, mboxPath: mbox });

    const parseOnly = await best('parse-only', jsonl, 2);
    const read = await best('read', jsonl, 2);
    const analyze = await best('analyze', jsonl, 2);
    const mboxAnalyze = await phase('analyze', mbox);
    // The same shape of mailbox with bodies of real sentences (1,241 of them, not 180 templates).
    const realJsonl = join(dir, 'mailbox-real-sentences.jsonl');
    const realGenerated = await generateMailbox({ messages, jsonlPath: realJsonl, sentences: corpusSentencePools() });
    const realParseOnly = await best('parse-only', realJsonl, 2);
    const realAnalyze = await best('analyze', realJsonl, 2);

    // Rates per CPU second (see mailbox-worker.ts); wall-clock rates are in the notes.
    const rate = (r: PhaseResult): number => Math.round(r.messages / (r.cpuMs / 1000));
    const wallRate = (r: PhaseResult): number => Math.round(r.messages / (r.ms / 1000));
    const figures: BenchFigure[] = [
      { name: 'messages', value: generated.messages, unit: 'messages' },
      { name: 'JSONL size', value: generated.jsonlBytes / 1024 / 1024, unit: 'MB' },
      { name: 'parse-only (split + JSON.parse)', value: rate(parseOnly), unit: 'msg/CPU-s' },
      { name: 'read (CLI reader, validated)', value: rate(read), unit: 'msg/CPU-s' },
      { name: 'analyze (reader + engine)', value: rate(analyze), unit: 'msg/CPU-s' },
      // Two aims: issue 2's (2x) and issue 11's (4x, and never slower than the 19x of when issue 11 was filed).
      { name: 'analyze / parse-only CPU time', value: analyze.cpuMs / parseOnly.cpuMs, unit: 'x', aim: '<= 2 (issue 2); <= 4, never above 19 (issue 11)' },
      { name: 'read / parse-only CPU time', value: read.cpuMs / parseOnly.cpuMs, unit: 'x' },
      { name: 'engine add() total (wall)', value: Math.round(analyze.addMs ?? 0), unit: 'ms' },
      { name: 'engine result(now) (wall)', value: Math.round(analyze.resultMs ?? 0), unit: 'ms' },
      { name: 'analyze peak RSS', value: Math.round(analyze.peakRssMB), unit: 'MB', aim: '< 1024' },
      { name: 'parse-only peak RSS', value: Math.round(parseOnly.peakRssMB), unit: 'MB' },
      { name: 'mbox size', value: generated.mboxBytes / 1024 / 1024, unit: 'MB' },
      { name: 'mbox analyze (MIME + engine)', value: rate(mboxAnalyze), unit: 'msg/CPU-s' },
      { name: 'mbox analyze / JSONL parse-only CPU', value: mboxAnalyze.cpuMs / parseOnly.cpuMs, unit: 'x' },
      { name: 'mbox analyze peak RSS', value: Math.round(mboxAnalyze.peakRssMB), unit: 'MB', aim: '< 1024' },
      { name: 'distinct body sentences (templates)', value: generated.distinctSentences, unit: 'sentences' },
      { name: 'distinct body sentences (real sentences)', value: realGenerated.distinctSentences, unit: 'sentences' },
      { name: 'analyze, bodies of real sentences', value: rate(realAnalyze), unit: 'msg/CPU-s' },
      { name: 'analyze / parse-only CPU time, bodies of real sentences', value: realAnalyze.cpuMs / realParseOnly.cpuMs, unit: 'x', aim: '<= 4, never above 19 (issue 11)' },
    ];
    return {
      suite: 'mailbox',
      figures,
      notes: [
        `${generated.threads} threads, ${generated.counterparts} counterparts generated; analyze found ${analyze.counterparts} counterparts and ${analyze.promises} promises (${realAnalyze.promises} with bodies of real sentences, from shared/corpus)`,
        `wall clock: parse-only ${wallRate(parseOnly)} msg/s, read ${wallRate(read)} msg/s, analyze ${wallRate(analyze)} msg/s (ratio ${(analyze.ms / parseOnly.ms).toFixed(1)}x), mbox analyze ${wallRate(mboxAnalyze)} msg/s`,
        'each phase in its own process (peak RSS = getrusage maxrss); JSONL phases best of 2 by CPU time; generation excluded',
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export { runMailbox as run };
