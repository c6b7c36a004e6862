// End-to-end scenarios in a real VS Code (code-server + headless chromium):
// `npm run test:e2e`. One at a time (each keeps both cores busy), with long
// timeouts; `npm test` does not run them (they are named *.e2e.ts).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    exclude: ['**/node_modules/**', 'dist/**'],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 180_000,
    hookTimeout: 240_000,
    teardownTimeout: 60_000,
    reporters: ['verbose'],
  },
});
