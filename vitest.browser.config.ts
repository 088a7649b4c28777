import { defineConfig } from 'vitest/config'

/**
 * The browser tests: a real `cuttle start` on PGlite driven through Debian's Chromium with
 * playwright-core. Slow by nature (seeding, building the web app), hence the long timeouts: on a
 * busy two-core machine `cuttle start` alone can take over two minutes.
 */
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 180_000,
    hookTimeout: 360_000,
  },
})
