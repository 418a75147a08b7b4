import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Model-heavy suites share 2 cores; forks keep native addons (resvg, sqlite) isolated.
    pool: 'forks',
    // Every test file gets its own temporary DATABASE_PATH; the run fails if data/nn-tutor.db changed.
    setupFiles: ['tests/setup/temp-database.ts'],
    globalSetup: ['tests/setup/default-db-untouched.ts'],
  },
});
