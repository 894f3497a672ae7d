/**
 * What makes up the built files a mail page loads:
 *   pnpm --filter @followthrough/extension sizes
 * builds the Chrome target with hidden source maps, prints each measured file's raw and gzip size
 * against its budget (build-checks/sizes.ts), then what the content scripts load of the engine
 * (web-accessible scripts, and shared/src/analysis modules bundled into them) against issue 11's goal,
 * and the background's engine modules by their gzip contribution, and removes the maps again. Run
 * `pnpm build` afterwards for a store build.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENGINE_CEILING_GZIP, ENGINE_GOAL_GZIP, KB, builtSizes, webAccessibleScripts } from '../build-checks/sizes';
import { moduleContributions, type RawSourceMap } from './module-contributions';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const output = join(root, '.output');
const target = 'chrome-mv3';
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

execFileSync(join(root, 'node_modules', '.bin', 'wxt'), ['build', '-b', 'chrome'], {
  cwd: root,
  // A production build (a test runner's NODE_ENV would compile React for development), with maps.
  env: { ...process.env, NODE_ENV: 'production', FOLLOWTHROUGH_SOURCEMAP: '1' },
  stdio: ['ignore', 'ignore', 'inherit'],
});

const dir = join(output, target);
try {
  console.log(`| file (${target}) | raw | gzip |\n| --- | --- | --- |`);
  for (const [file, size] of Object.entries(builtSizes(output, target))) console.log(`| \`${file}\` | ${kb(size.raw)} | ${kb(size.gzip)} |`);

  const contributions = (file: string) => moduleContributions(readFileSync(join(dir, file), 'utf8'), JSON.parse(readFileSync(join(dir, `${file}.map`), 'utf8')) as RawSourceMap);
  const isEngine = (source: string) => /shared\/src\/analysis\//.test(source);

  // What a content script loads of the engine: scripts it can import at run time, plus engine modules in it.
  const chunks = webAccessibleScripts(output, target);
  const chunkGzip = Object.values(chunks).reduce((sum, size) => sum + size.gzip, 0);
  console.log(`\nweb-accessible scripts (what a content script could import): ${Object.keys(chunks).length === 0 ? 'none' : Object.entries(chunks).map(([file, size]) => `${file} ${kb(size.gzip)}`).join(', ')}`);
  for (const file of ['content-scripts/gmail.js', 'content-scripts/outlook.js']) {
    const engineModules = contributions(file).modules.filter((m) => isEngine(m.source));
    const bundled = engineModules.reduce((sum, m) => sum + m.gzip, 0);
    const loaded = chunkGzip + bundled;
    console.log(
      `${file}: engine loaded ${kb(loaded)} gzip (goal ${kb(ENGINE_GOAL_GZIP)}: ${loaded < ENGINE_GOAL_GZIP ? 'met' : 'NOT met'}; ceiling ${kb(ENGINE_CEILING_GZIP)}): ` +
        (engineModules.length === 0 ? 'no engine module bundled' : engineModules.map((m) => `${m.source} ${m.gzip} B`).join(', ')),
    );
  }

  const { total, modules } = contributions('background.js');
  console.log(`\nbackground.js (runs the engine for the sidebars and for local-only memory): ${kb(total)} gzip; its engine modules:`);
  console.log('\n| module | raw | gzip contribution |\n| --- | --- | --- |');
  for (const m of modules.filter((m) => isEngine(m.source) || /local-analysis|read-coverage|thread-messages|local-memory/.test(m.source))) console.log(`| ${m.source} | ${m.raw} B | ${m.gzip} B |`);
} finally {
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) if (file.endsWith('.map')) rmSync(join(dir, file));
}
