import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { checkLayers, importsOf, ruleBroken } from '../scripts/check-layers.js'

describe('the layer rules', () => {
  it('finds no violation in the project', () => {
    const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
    expect(checkLayers(root)).toEqual([])
  })

  it('refuses a lower module importing a higher one', () => {
    expect(
      ruleBroken('src/modules/accounts/operations.ts', 'src/modules/ledger/index.ts', '../ledger/index.js'),
    ).toMatch(/may not import ledger/)
  })

  it('refuses reaching past a module index', () => {
    expect(
      ruleBroken('src/modules/ledger/operations.ts', 'src/modules/accounts/store.ts', '../accounts/store.js'),
    ).toMatch(/index.ts only/)
  })

  it('refuses SQL in the interfaces and platform importing modules', () => {
    expect(ruleBroken('src/api/routes/accounts.ts', 'kysely', 'kysely')).toMatch(/no SQL/)
    expect(ruleBroken('src/shared/money.ts', 'src/db/index.ts', '../db/index.js')).toMatch(/nothing above/)
    expect(ruleBroken('src/db/connect.ts', 'src/modules/audit/index.ts', '../modules/audit/index.js')).toMatch(/only/)
  })

  it('allows a higher module importing a lower module through its index', () => {
    expect(
      ruleBroken('src/modules/accounts/operations.ts', 'src/modules/audit/index.ts', '../audit/index.js'),
    ).toBeNull()
  })

  it('reads static, re-export and dynamic imports', () => {
    expect(importsOf("import { a } from './a.js'\nexport * from './b.js'\nawait import('./c.js')")).toEqual([
      './a.js',
      './b.js',
      './c.js',
    ])
  })
})
