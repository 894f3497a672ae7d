import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One row of a benchmark table: a figure, its unit, and (where it has one) the aim it is held to. */
export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  aim?: string;
}

export interface BenchResult {
  suite: string;
  figures: BenchFigure[];
  notes?: string[];
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Prints the table and writes bench-results/<suite>.json at the repository root. */
export function publishBenchResult(result: BenchResult): void {
  const width = Math.max(...result.figures.map((f) => f.name.length), 10);
  console.log(`\n## ${result.suite}`);
  for (const f of result.figures) {
    const value = Number.isInteger(f.value) ? String(f.value) : f.value.toFixed(3);
    console.log(`${f.name.padEnd(width)}  ${value.padStart(12)} ${f.unit}${f.aim ? `   (aim: ${f.aim})` : ''}`);
  }
  for (const note of result.notes ?? []) console.log(`  note: ${note}`);
  const dir = join(repoRoot, 'bench-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${result.suite}.json`), JSON.stringify({ ...result, at: new Date().toISOString() }, null, 2));
}
