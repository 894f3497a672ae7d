/**
 * What makes up the built files a mail page loads:
 *   pnpm --filter @followthrough/extension sizes
 * builds the Chrome target with hidden source maps, prints each measured file's raw and gzip size
 * against its budget (build-checks/sizes.ts), then lists the engine chunk's source modules by their
 * gzip contribution, and removes the maps again. Run `pnpm build` afterwards for a store build.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENGINE_CEILING_GZIP, ENGINE_GOAL_GZIP, KB, builtSizes } from '../build-checks/sizes';
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

  const engine = readFileSync(join(dir, 'engine.js'), 'utf8');
  const map = JSON.parse(readFileSync(join(dir, 'engine.js.map'), 'utf8')) as RawSourceMap;
  const { total, modules } = moduleContributions(engine, map);
  console.log(`\nengine.js: ${kb(total)} gzip; goal ${kb(ENGINE_GOAL_GZIP)} (${total < ENGINE_GOAL_GZIP ? 'met' : 'NOT met'}), ceiling ${kb(ENGINE_CEILING_GZIP)}`);
  console.log('\n| module | raw | gzip contribution |\n| --- | --- | --- |');
  for (const m of modules) console.log(`| ${m.source} | ${m.raw} B | ${m.gzip} B |`);
} finally {
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) if (file.endsWith('.map')) rmSync(join(dir, file));
}
