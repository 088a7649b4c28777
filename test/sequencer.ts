import { BaseSequencer, type TestSpecification } from 'vitest/node'

/**
 * The files that take longest (they seed the demo or bill a year), started first so the last minute
 * of a run is not one worker finishing a long file while the other waits. Vitest orders by the last
 * run's durations when it has them; a fresh clone (CI) has none, and would order by file size.
 */
const slowFiles = [
  'src/demo/seed-demo.test.ts',
  'src/cli/demo.test.ts',
  'src/usecases/billing-run.test.ts',
  'src/api/payments-api.test.ts',
  'src/api/fuzz.test.ts',
  'src/usecases/move.test.ts',
]

export class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files)
    const rank = (file: TestSpecification) => {
      const index = slowFiles.findIndex((slow) => file.moduleId.endsWith(slow))
      return index === -1 ? slowFiles.length : index
    }
    return sorted
      .map((file, order) => ({ file, order }))
      .sort((a, b) => rank(a.file) - rank(b.file) || a.order - b.order)
      .map(({ file }) => file)
  }
}
