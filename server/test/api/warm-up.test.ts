import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { warmUp } from '../../src/warm-up';

// The warm-up runs the everyday routes once before the server listens (warm-up.ts). Every call must succeed
// (it throws on any answer >= 400, so a route or body that drifts from the contract fails here), and it
// must leave nothing behind.
describe('the warm-up before listening', () => {
  it('runs the everyday routes against a throwaway database and removes it', async () => {
    const leftovers = () => readdirSync(tmpdir()).filter((name) => name.startsWith('followthrough-warm-up-'));
    const before = leftovers();
    await expect(warmUp({ corsOrigins: [], bodyLimitBytes: 16 * 1024 * 1024 })).resolves.toBeUndefined();
    // Other test files' servers warm up at the same time: only this call's folder must be gone.
    expect(leftovers().filter((name) => !before.includes(name))).toEqual([]);
  }, 30_000);
});
