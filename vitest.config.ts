import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // The notebooks import the package by its name; tests run them against the source, as tsx
    // does through tsconfig.json's `paths` (exactly the name: subpaths keep Node's resolution).
    alias: [{ find: /^hangzhou-reform-sim$/, replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)) }],
  },
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    // Rendering and Monte Carlo tests are CPU-bound; two cores on CI.
    maxWorkers: 2,
  },
});
