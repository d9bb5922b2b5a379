import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    // Rendering and Monte Carlo tests are CPU-bound; two cores on CI.
    maxWorkers: 2,
  },
});
