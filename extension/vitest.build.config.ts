import { defineConfig } from 'vitest/config';

// Checks on the built extension (.output), run by `pnpm verify` after `pnpm build`.
export default defineConfig({
  test: {
    include: ['build-checks/**/*.test.ts'],
    environment: 'node',
  },
});
