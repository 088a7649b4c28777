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

  it('puts documents between the modules and the use cases', () => {
    expect(
      ruleBroken(
        'src/usecases/collections.ts',
        'src/documents/arrangement-letter.ts',
        '../documents/arrangement-letter.js',
      ),
    ).toBeNull()
    expect(
      ruleBroken('src/documents/statement-pdf.ts', 'src/modules/billing/index.ts', '../modules/billing/index.js'),
    ).toBeNull()
    expect(ruleBroken('src/documents/statement-pdf.ts', 'src/usecases/index.ts', '../usecases/index.js')).toMatch(
      /documents .* do not import usecases/,
    )
    expect(ruleBroken('src/documents/statement-pdf.ts', 'src/db/index.ts', '../db/index.js')).toMatch(
      /do not import db/,
    )
    expect(
      ruleBroken(
        'src/modules/billing/operations.ts',
        'src/documents/statement-pdf.ts',
        '../../documents/statement-pdf.js',
      ),
    ).toMatch(/modules do not import documents/)
  })

  it('puts the demo above the use cases, imported only by the CLI and tests', () => {
    expect(ruleBroken('src/demo/payments.ts', 'src/usecases/payments.ts', '../usecases/payments.js')).toBeNull()
    expect(ruleBroken('src/cli/commands.ts', 'src/demo/index.ts', '../demo/index.js')).toBeNull()
    expect(
      ruleBroken('src/api/billing-api.test.ts', 'src/demo/billing-fixture.ts', '../demo/billing-fixture.js'),
    ).toBeNull()
    expect(ruleBroken('src/usecases/move.test.ts', 'src/demo/index.ts', '../demo/index.js')).toBeNull()
    expect(ruleBroken('src/usecases/portal.ts', 'src/demo/index.ts', '../demo/index.js')).toMatch(
      /use cases do not import demo/,
    )
    expect(ruleBroken('src/api/app.ts', 'src/demo/index.ts', '../demo/index.js')).toMatch(/only the CLI/)
    expect(ruleBroken('src/demo/seed-demo.ts', 'src/api/app.ts', '../api/app.js')).toMatch(/demo does not import api/)
  })

  it('reads static, re-export and dynamic imports', () => {
    expect(importsOf("import { a } from './a.js'\nexport * from './b.js'\nawait import('./c.js')")).toEqual([
      './a.js',
      './b.js',
      './c.js',
    ])
  })
})
