import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Timeouts catch a hang, not slowness: the PGlite-backed sync tests take 2–15 s on a quiet
    // machine, and took 26–33 s in a full CI run on 2026-12-07 when the machine was slow
    // (the suite ran 1,405 s, against 330–660 s on other runs), which a 30 s limit failed.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Two cores on CI: forks keep PGlite's WASM heap per worker bounded.
    pool: 'forks',
    maxWorkers: 2,
  },
});
