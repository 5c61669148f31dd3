import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores on CI: forks keep PGlite's WASM heap per worker bounded.
    pool: 'forks',
    maxWorkers: 2,
  },
});
