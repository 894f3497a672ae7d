import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../support/test-db';

/**
 * A process that closes its database and exits at once ends its threads wherever they are: a read asked
 * before close() is lost, and a thread ended inside the driver can abort with a panic on stderr (neon's
 * PendingException, seen once at the end of a real-size bench run). The server and the CLI wait for
 * whenClosed() before exiting; here a process does the same while its reader thread is in a long read and
 * its checkpointer runs. Without the wait, the same script exits before the read is answered.
 */
/** A read that keeps the thread in the driver a while, most of it making the rows' values. */
const LONG_READ = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000) SELECT i, 'row ' || i AS label FROM n";

let env: Awaited<ReturnType<typeof createTestDb>>;
beforeAll(async () => {
  env = await createTestDb();
});
afterAll(() => env.cleanup());

function runExiting(waitForThreads: boolean): { stdout: string; stderr: string; status: number | null } {
  const file = join(env.dir, `exit-${waitForThreads}.db`);
  const script = join(env.dir, `exit-${waitForThreads}.mts`);
  writeFileSync(
    script,
    `
    import { createDb } from ${JSON.stringify(join(__dirname, '../../src/db/index'))};
    const database = await createDb('file:${file}', undefined, { checkpointInBackground: true });
    await database.client.execute('CREATE TABLE t (n INTEGER)');
    void database.reader.execute(${JSON.stringify(LONG_READ)}).then((r) => console.log('read', r.rows.length));
    // Let the read reach the thread and start.
    await new Promise((resolve) => setTimeout(resolve, 100));
    database.close();
    ${waitForThreads ? 'await database.whenClosed();' : ''}
    process.exit(0);`,
  );
  return spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: join(__dirname, '../..'), encoding: 'utf8', timeout: 60_000 });
}

describe('closing the database before the process exits', () => {
  it('waits for the reader thread to answer what it was asked and end: no panic, the read answered', () => {
    const run = runExiting(true);
    expect(run.stderr).not.toContain('panicked');
    expect(run.stdout.trim()).toBe('read 1000000');
    expect(run.status).toBe(0);
    // The same script without the wait: the process is gone before the answer.
    expect(runExiting(false).stdout).not.toContain('read 1000000');
  });
});
