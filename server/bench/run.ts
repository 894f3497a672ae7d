// Runs every suite in bench/suites/ (each exports `run(): Promise<BenchResult>`), one at a time so they
// do not compete for the machine's two cores. `pnpm bench -- <name>` runs only suites whose file matches.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { publishBenchResult, type BenchResult } from './report';

const suitesDir = join(dirname(fileURLToPath(import.meta.url)), 'suites');
const filter = process.argv.slice(2).filter((a) => a !== '--');
const files = readdirSync(suitesDir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .filter((f) => filter.length === 0 || filter.some((name) => f.includes(name)))
  .sort();

for (const file of files) {
  const suite = (await import(pathToFileURL(join(suitesDir, file)).href)) as { run: () => Promise<BenchResult> };
  publishBenchResult(await suite.run());
}
