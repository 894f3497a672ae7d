import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Hosts render times in the browser's zone; tests read them in UTC so expectations are fixed.
process.env.TZ = 'UTC';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    include: ['**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', '.output/**', 'build-checks/**'],
    // 2 cores: keep it light.
    pool: 'threads',
    maxWorkers: 2,
  },
});
