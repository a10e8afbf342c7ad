import { defineConfig } from 'vitest/config';
import path from 'node:path';

/**
 * Two suites:
 *  - unit: pure code, no services (`*.test.ts`);
 *  - integration: real Asterisk pair, PostgreSQL, SQLite (`*.int.test.ts`), run after `npm run peers -- up`
 *    has exported the peers' addresses into the environment.
 */
export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'scripts/**/*.test.ts', 'e2e/**/*.test.ts', 'components/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', 'node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['**/*.int.test.ts'],
          exclude: ['node_modules/**'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Tests share one Asterisk pair and one PostgreSQL: run files one at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
