import { defineConfig } from 'vitest/config'

/**
 * The browser tests: a real `cuttle serve` on PGlite driven through Debian's Chromium with
 * playwright-core. The global setup builds the web app and the server and seeds the demo once; each
 * file serves its own copy of that data, two files at a time (a server and a browser each).
 */
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    globalSetup: ['test/browser/global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 360_000,
  },
})
