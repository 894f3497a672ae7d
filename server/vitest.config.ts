import { defineConfig } from 'vitest/config';

// Forks rather than threads: CLI tests spawn processes and database tests open files; two cores, so at most
// two workers.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});
