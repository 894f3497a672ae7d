import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// A worker thread takes the process's command-line flags (execArgv) unless told otherwise: a process that
// preloads TypeScript (`node --import tsx --import ./probe.ts`, as the real-size bench starts the server)
// made every thread repeat a preload it cannot load without the process's loader, and the threads failed
// at start: silently, each falling back to the event loop (reads in the process, no checkpoints).

const dir = mkdtempSync(join(tmpdir(), 'ft-threads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const src = (path: string) => JSON.stringify(join(__dirname, '../../src', path));

describe('the threads of a process that preloads TypeScript', () => {
  it('start: the writer, the reader threads, the database reader and the checkpointer', () => {
    const preload = join(dir, 'preload.ts');
    writeFileSync(preload, 'const loaded: boolean = true;\nexport default loaded;\n');
    const script = join(dir, 'start-threads.mts');
    const file = join(dir, 'threads.db');
    writeFileSync(
      script,
      `import { createDb, migrate } from ${src('db/index')};
      import { createReadPool } from ${src('store/read-pool')};
      import { startCheckpointer } from ${src('db/checkpointer')};
      import { createReaderThread } from ${src('db/reader-thread')};
      import { defaultUserSettings, toAnalysisSettings } from ${src('store/users')};
      const database = await createDb('file:${file}');
      await migrate(database);
      const pool = createReadPool({ size: 1 });
      const messages = Array.from({ length: 100 }, (_, i) => ({ id: '<m' + i + '@acme.example>', date: '2026-11-02T10:00:00Z', from: 'ana@acme.example', to: ['bo@client.example'], subject: 'Plan', text: 'I will send the plan on Friday.' }));
      const read = await pool.read(messages, 0, toAnalysisSettings(defaultUserSettings('ana@acme.example')), true);
      const checkpointer = startCheckpointer(${JSON.stringify(file)});
      const reader = createReaderThread(${JSON.stringify(file)}, 5000);
      await reader.execute('SELECT 1');
      console.log(JSON.stringify({ read: read.filter((o) => o.kind === 'read').length, ...pool.stats(), checkpointer: await checkpointer.ready, reader: reader.stats() }));
      reader.close();
      await checkpointer.stop();
      await pool.close();
      database.close();`,
    );
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--import', preload, script], { cwd: join(__dirname, '../..'), encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ read: 100, threads: 1, readOnThreads: 100, checkpointer: true, reader: { onThread: true, readOnThread: 1, threadsStarted: 1 } });
  }, 60_000);
});
