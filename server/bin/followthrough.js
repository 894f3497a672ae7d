#!/usr/bin/env node
// `followthrough` on the PATH (pnpm link, npx): runs the TypeScript CLI through tsx's loader, so there is
// no build step to forget. tsx comes from the workspace root's devDependencies.
//
// The engine runs much faster with node flags a shebang cannot pass portably (src/engine-node-flags.ts says
// which and why; `env -S` is not everywhere), so without them the bin starts node again with them: one more
// node start (~50 ms) against seconds saved on every mailbox it analyses. The child shares the terminal, so
// Ctrl-C reaches it directly; this process only waits for it and ends as it ended.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const { ENGINE_NODE_FLAGS } = await import('../src/engine-node-flags.ts');
const missing = ENGINE_NODE_FLAGS.filter((flag) => !process.execArgv.includes(flag));

if (missing.length === 0) {
  await import('../src/cli/main.ts');
} else {
  const child = spawn(process.execPath, [...process.execArgv, ...missing, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  // The terminal sends Ctrl-C to both processes: this one stays to report how the child ended.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    console.error(`followthrough: could not start node with the engine's flags (${error.message})`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    if (signal) {
      // End by the same signal, as a shell expects of a command it interrupted.
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    }
    else process.exit(code ?? 1);
  });
}
