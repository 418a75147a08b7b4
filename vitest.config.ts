import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Model-heavy suites share 2 cores; forks keep native addons (resvg, sqlite) isolated.
    pool: 'forks',
  },
});
