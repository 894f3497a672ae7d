// Import benchmark (issue 4: "a Google Takeout mbox of several GB must work"): writes a large mbox whose
// messages carry PDF attachments, as Takeout exports do, and imports it through the real CLI into a temp
// database. Peak memory (VmHWM of the import process) against file size shows whether the import streams.
// FOLLOWTHROUGH_BENCH_IMPORT_MB sets the size (default 1024).
import { execFile, spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { BenchResult } from '../report';
import { ENGINE_NODE_FLAGS } from '../../src/engine-node-flags';

const execFileAsync = promisify(execFile);
const serverDir = join(dirname(fileURLToPath(import.meta.url)), '../..');
const ME = 'maya@brightlane.example';
const ATTACHMENT_LINES = 2600; // ~200 KB of base64 per message
const BASE64_LINE = 'JVBERi0xLjcKJcfsj6IKNSAwIG9iago8PC9MZW5ndGggNiAwIFIvRmlsdGVyIC9GbGF0ZURlY29k'; // 76 chars

function messageText(i: number): string {
  const client = `client${i % 150}.example`;
  const fromUs = i % 2 === 1;
  const thread = Math.floor(i / 2);
  const date = new Date(Date.UTC(2026, 0, 5) + i * 7 * 60_000).toUTCString().replace('GMT', '+0000');
  const from = fromUs ? `Maya Chen <${ME}>` : `Sam Client <sam@${client}>`;
  const to = fromUs ? `sam@${client}` : ME;
  const reply = fromUs ? `In-Reply-To: <m${i - 1}@bench.example>\nReferences: <m${i - 1}@bench.example>\n` : '';
  const body = fromUs
    ? `Hi Sam,\n\nThanks for the report. I'll send the revised figures by Friday.\n\nBest,\nMaya\n\nOn ${date}, Sam Client <sam@${client}> wrote:\n> Here is the monthly report.\n`
    : `Hi Maya,\n\nHere is the monthly report, see the attached PDF.\nCould you confirm the figures?\n\nSam\n`;
  const attachment = Array.from({ length: ATTACHMENT_LINES }, () => BASE64_LINE).join('\n');
  return (
    `From ${fromUs ? ME : `sam@${client}`} ${date}\nX-GM-THRID: ${1_600_000_000_000 + thread}\n` +
    `Message-ID: <m${i}@bench.example>\n${reply}Date: ${date}\nFrom: ${from}\nTo: ${to}\nSubject: ${fromUs ? 'Re: ' : ''}Monthly report ${thread}\n` +
    `MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b${i}"\n\n--b${i}\nContent-Type: text/plain; charset=utf-8\n\n${body}\n` +
    `--b${i}\nContent-Type: application/pdf; name="report.pdf"\nContent-Transfer-Encoding: base64\n\n${attachment}\n--b${i}--\n\n`
  );
}

async function writeMbox(path: string, targetBytes: number): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  let count = 0;
  while (bytes < targetBytes) {
    const text = messageText(count++);
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return count;
}

/** Runs the import CLI and samples the process's peak resident memory from /proc while it runs. */
function importWithPeakMemory(file: string, env: NodeJS.ProcessEnv): Promise<{ ms: number; peakRssMB: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...ENGINE_NODE_FLAGS, '--import', 'tsx', 'src/cli/main.ts', 'import', file, '--user', ME], { cwd: serverDir, env });
    let stdout = '';
    let stderr = '';
    let peakKB = 0;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const sample = setInterval(() => {
      try {
        const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (hwm) peakKB = Math.max(peakKB, Number(hwm[1]));
      } catch {
        // The process has just exited.
      }
    }, 100);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(sample);
      if (code !== 0) reject(new Error(`import exited ${code}: ${stderr.slice(-2000)}`));
      else resolve({ ms: performance.now() - started, peakRssMB: peakKB / 1024, stdout });
    });
  });
}

async function importOnce(dir: string, label: string, targetMB: number): Promise<{ sizeMB: number; messages: number; ms: number; peakRssMB: number; lastLine: string }> {
  const mbox = join(dir, `takeout-${label}.mbox`);
  const messages = await writeMbox(mbox, targetMB * 1024 * 1024);
  const sizeMB = statSync(mbox).size / 1024 / 1024;
  const env = { ...process.env, DATABASE_URL: `file:${join(dir, `import-${label}.db`)}` };
  await execFileAsync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'user', 'add', ME], { cwd: serverDir, env });
  const result = await importWithPeakMemory(mbox, env);
  rmSync(mbox, { force: true });
  return { sizeMB, messages, ms: result.ms, peakRssMB: result.peakRssMB, lastLine: result.stdout.trim().split('\n').pop() ?? '' };
}

export async function run(): Promise<BenchResult> {
  const targetMB = Number(process.env.FOLLOWTHROUGH_BENCH_IMPORT_MB ?? 1024);
  const dir = mkdtempSync(join(tmpdir(), 'ft-import-bench-'));
  try {
    // A small import first: if the import streams, the large one's peak memory is about the same.
    const small = await importOnce(dir, 'small', Math.min(128, targetMB));
    const large = await importOnce(dir, 'large', targetMB);
    return {
      suite: 'import',
      figures: [
        { name: 'mbox size', value: Math.round(large.sizeMB), unit: 'MB' },
        { name: 'messages', value: large.messages, unit: 'messages' },
        { name: 'import time', value: Math.round(large.ms / 100) / 10, unit: 's' },
        { name: 'import rate', value: Math.round(large.messages / (large.ms / 1000)), unit: 'msg/s' },
        { name: 'import rate (bytes)', value: Math.round(large.sizeMB / (large.ms / 1000)), unit: 'MB/s' },
        { name: 'peak RSS of the import process', value: Math.round(large.peakRssMB), unit: 'MB' },
        { name: `peak RSS importing ${Math.round(small.sizeMB)} MB (baseline)`, value: Math.round(small.peakRssMB), unit: 'MB' },
        {
          name: 'peak RSS large / small import',
          value: large.peakRssMB / small.peakRssMB,
          unit: 'x',
          aim: `about 1 (the file is ${(large.sizeMB / small.sizeMB).toFixed(1)}x larger)`,
        },
      ],
      notes: [`each message carries a ~200 KB base64 PDF attachment, as Takeout exports do; import summary: ${large.lastLine}`],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
