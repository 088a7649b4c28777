/**
 * Local days only through src/shared/time (issue 21, item 10): no midnight glued onto a date by hand
 * in the server code outside src/shared/time.ts and test files.
 */
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { checkLocalDays, isExempt, localDayProblems } from '../scripts/check-local-days.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

describe('local days', () => {
  it('find no midnight built by hand in the project', () => {
    expect(checkLocalDays(root)).toEqual([])
  })

  it('refuse a midnight built in a template or by concatenation, naming file and line', () => {
    const source = [
      "import { x } from './x.js'", // 1
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the fixture is source text with a template
      'const since = new Date(`${account.openedOn}T00:00:00Z`)', // 2
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the fixture is source text with a template
      'const at = Date.parse(`${date.slice(0, 10)}T00:00:00.000Z`)', // 3
      "const a = new Date(date + 'T00:00:00Z')", // 4
      'const b = new Date(date.concat("T00:00:00.000Z"))', // 5
      "const c = new Date(year + '-01-01T00:00:00Z')", // 6
    ].join('\n')
    expect(localDayProblems('src/usecases/move.ts', source).map((problem) => problem.split(': ')[0])).toEqual([
      'src/usecases/move.ts:2',
      'src/usecases/move.ts:3',
      'src/usecases/move.ts:4',
      'src/usecases/move.ts:5',
      'src/usecases/move.ts:6',
    ])
    expect(localDayProblems('src/usecases/move.ts', source)[0]).toMatch(/startOfLocalDay .* utcMidnight/)
  })

  it('allow a whole literal instant, another time of day, comments, the time module and tests', () => {
    const source = [
      "const fixed = new Date('2026-01-01T00:00:00Z')",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the fixture is source text with a template
      'const noon = new Date(`${date}T12:00:00Z`)',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the fixture is source text with a template
      '// was `${openedOn}T00:00:00Z`, 01:00 local in summer',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the fixture is source text with a template
      ' * a bare date (`${date}T00:00:00Z`) is taken as UTC midnight',
    ].join('\n')
    expect(localDayProblems('src/api/octopus.ts', source)).toEqual([])
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the fixture is source text with a template
    const built = 'new Date(`${date}T00:00:00Z`)'
    expect(localDayProblems('src/shared/time.ts', built)).toEqual([])
    expect(localDayProblems('src/usecases/move.test.ts', built)).toEqual([])
    expect(localDayProblems('test/browser/console.test.ts', built)).toEqual([])
    expect(isExempt('src/shared/time-zones.ts')).toBe(false)
  })
})
