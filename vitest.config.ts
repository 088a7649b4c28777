import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'
import { SlowFirstSequencer } from './test/sequencer.js'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    exclude: ['test/browser/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One worker per core, and never fewer than two, so files that wait on each other still overlap.
    maxWorkers: Math.max(2, availableParallelism()),
    // Each worker process runs its files one after another in one module graph, instead of a fresh
    // process per file importing the server again: most of a file's cost was that import. Safe
    // because no test mocks modules, fakes timers or changes the environment, and each file opens
    // its own database and app.
    isolate: false,
    globalSetup: ['test/global-setup.ts'],
    sequence: { sequencer: SlowFirstSequencer },
  },
})
