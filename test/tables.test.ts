import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import {
  checkFile,
  checkOwnerMap,
  checkTables,
  pendingEntry,
  pendingFiles,
  rowTypesDeclaredIn,
  tablesCreatedIn,
  tablesUsedIn,
} from '../scripts/check-tables.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const owners = { accounts: 'accounts', meter_points: 'metering', tariffs: 'tariffs', agreements: 'tariffs' }

describe('table ownership', () => {
  it('finds no violation in the project outside the files still being split', () => {
    const found = checkTables(root)
    expect(found.filter((v) => pendingEntry(v) === undefined)).toEqual([])
    for (const entry of Object.keys(pendingFiles)) expect(found.some((v) => pendingEntry(v) === entry)).toBe(true)
  })

  it('lets a pending path keep its SQL outside a store for now, but never a foreign table', () => {
    const pending = { 'src/modules/collections/': 'being split' }
    const outside = { file: 'src/modules/collections/dunning.ts', message: 'SQL outside a store: move it' }
    const foreign = { file: 'src/modules/collections/store.ts', message: 'module collections uses table accounts' }
    expect(pendingEntry(outside, pending)).toBe('src/modules/collections/')
    expect(pendingEntry(foreign, pending)).toBeUndefined()
    expect(pendingEntry({ ...outside, file: 'src/modules/billing/rules.ts' }, pending)).toBeUndefined()
  })

  it('reads the tables and views a migration creates, not the partitions it makes at run time', () => {
    const migration = [
      'create table accounts (id text);',
      'create table if not exists meters (id text); -- create table not_this (x int)',
      "execute format('create table if not exists %I partition of interval_days', name);",
      'create or replace view intervals as select 1;',
    ].join('\n')
    expect(tablesCreatedIn(migration)).toEqual(['accounts', 'meters', 'intervals'])
  })

  it('refuses a migrated table without an owner and an owner of no table', () => {
    expect(checkOwnerMap(['accounts', 'mystery'], { accounts: 'accounts', gone: 'billing' })).toEqual([
      'table mystery has no owner in tableOwners (scripts/check-tables.ts)',
      'tableOwners names gone, which no migration creates',
    ])
    expect(checkOwnerMap(['accounts'], { accounts: 'nowhere' })).toEqual([
      'table accounts is owned by nowhere, which is not a module',
    ])
  })

  it('finds tables in Kysely calls, joins, the shared query helpers, type maps, copies and raw sql templates', () => {
    const text = [
      'const tables = withTables<{ tariffs: T; meter_points: M }>()', // 1
      'async function f(db: Db) {', // 2
      "  return tables(db).selectFrom('tariffs as t')", // 3
      "    .innerJoin('meter_points as mp', 'mp.id', 't.id')", // 4
      "    .where((eb) => eb.exists(eb.selectFrom(['accounts as a', 'agreements']).select('a.id')))", // 5
      '}', // 6
      'const q = sql`select count(*) from accounts a', // 7
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the fixture is source text with a template
      '  join ${sql.raw("x")} on true -- from agreements', // 8
      '  where extract(epoch from a.created_at) > 0 and exists (select 1 from meter_points)`', // 9
      "await copyRows(tx, { table: 'tariffs', columns, lines })", // 10
      'await sql`select 1 from tariffs t, agreements a', // 11
      '  where t.id = a.tariff_id`.execute(db)', // 12
      "rowsWhere(tables(tx), 'meter_points', 'id', id)", // 13
      "await insertUnlessTaken(tables(tx), 'payments', row)", // 14
    ].join('\n')
    expect(tablesUsedIn(text).map((u) => `${u.line}:${u.table}`)).toEqual([
      '1:tariffs',
      '1:meter_points',
      '3:tariffs',
      '4:meter_points',
      '5:accounts',
      '5:agreements',
      '7:accounts',
      '9:meter_points',
      '10:tariffs',
      '11:tariffs',
      '11:agreements',
      '13:meter_points',
      '14:payments',
    ])
  })

  it('reports a module using a table another module owns, with file and line', () => {
    const store = [
      "import { sql } from 'kysely'",
      'const tables = withTables<{ tariffs: T; meter_points: M }>()',
      'export const n = (db: Db) => sql`select 1 from accounts`.execute(db)',
    ].join('\n')
    const messages = checkFile('src/modules/tariffs/store.ts', store, owners).map((v) => `${v.line}: ${v.message}`)
    expect(messages).toEqual([
      '2: module tariffs uses table meter_points owned by metering',
      '3: module tariffs uses table accounts owned by accounts',
    ])
  })

  it('refuses SQL outside a store, in modules and in the layers above them', () => {
    const text = "import { sql } from 'kysely'\nexport const f = (db: Db) => tables(db).selectFrom('tariffs').execute()"
    expect(checkFile('src/modules/tariffs/operations.ts', text, owners).map((v) => v.message)).toEqual([
      "SQL outside a store: move it into the tariffs module's store.ts or queries.ts",
      "SQL outside a store: move it into the tariffs module's store.ts or queries.ts",
    ])
    expect(checkFile('src/usecases/move.ts', text, owners)).toHaveLength(2)
    expect(checkFile('src/api/routes/tariffs.ts', text, owners)).toHaveLength(2)
    expect(checkFile('src/modules/tariffs/rates-store.ts', text, owners)).toEqual([])
    expect(checkFile('src/modules/tariffs/tariffs.test.ts', text, owners)).toEqual([])
    expect(checkFile('src/modules/tariffs/types.ts', "import type { ColumnType } from 'kysely'", owners)).toEqual([])
  })

  it('lets a module read a view published to it, and no other module', () => {
    const text =
      "export const f = (db: Db) => tables(db).selectFrom('grants').innerJoin('account_numbers as a', 'a.id', 'g.account_id')"
    const own = { ...owners, grants: 'access', account_numbers: 'accounts' }
    const published = { account_numbers: ['access'] }
    expect(checkFile('src/modules/access/store.ts', text, own, {}, published)).toEqual([])
    expect(checkFile('src/modules/cases/store.ts', text, own, {}, published).map((v) => v.message)).toEqual([
      'module cases uses table grants owned by access',
      'module cases uses table account_numbers owned by accounts',
    ])
    expect(checkOwnerMap(['account_numbers'], { account_numbers: 'accounts' }, [], published)).toEqual([
      'publishedViews names account_numbers, which no migration creates as a view',
    ])
  })

  it('allows a module its own temporary tables and refuses a typed table no migration creates', () => {
    const text = 'const tables = withTables<{ staging: S; ghosts: G }>()\nsql`create temp table staging (x int)`'
    expect(
      checkFile('src/modules/metering/store.ts', text, owners, { metering: ['staging'] }).map((v) => v.message),
    ).toEqual(['module metering types table ghosts, which no migration creates'])
  })

  it('finds the row types a store declares itself, not those it imports', () => {
    const text = [
      "import type { StaffUsersTable } from './store.js'",
      'interface GrantsTable {',
      '  id: string',
      '}',
      'const tables = withTables<{ account_grants: GrantsTable; staff_users: StaffUsersTable }>()',
    ].join('\n')
    expect(rowTypesDeclaredIn(text)).toEqual([{ table: 'account_grants', line: 2 }])
  })

  describe('a fixture project', () => {
    const fixture = mkdtempSync(join(tmpdir(), 'tables-'))
    afterAll(() => rmSync(fixture, { recursive: true, force: true }))

    it('fails on a foreign table, SQL in a use case and a table without an owner', () => {
      mkdirSync(join(fixture, 'src/db/migrations'), { recursive: true })
      mkdirSync(join(fixture, 'src/modules/tariffs'), { recursive: true })
      mkdirSync(join(fixture, 'src/usecases'), { recursive: true })
      writeFileSync(
        join(fixture, 'src/db/migrations/0001.sql'),
        'create table accounts (id text);\ncreate table tariffs (id text);\ncreate table meter_points (id text);\ncreate table agreements (id text);\ncreate table orphans (id text);',
      )
      writeFileSync(
        join(fixture, 'src/modules/tariffs/store.ts'),
        "interface T {\n  id: string\n}\nconst tables = withTables<{ tariffs: T }>()\nexport const f = (db: Db) =>\n  tables(db).selectFrom('tariffs').innerJoin('meter_points as m', 'm.id', 'tariffs.id')",
      )
      writeFileSync(join(fixture, 'src/usecases/move.ts'), "import { sql } from 'kysely'\n")
      writeFileSync(
        join(fixture, 'src/modules/tariffs/rates-store.ts'),
        'interface TariffsTable {\n  id: string\n}\nconst tables = withTables<{ tariffs: TariffsTable }>()\n',
      )
      expect(checkTables(fixture, owners, {}).map((v) => `${v.file}:${v.line}: ${v.message}`)).toEqual([
        'src/db/migrations:0: table orphans has no owner in tableOwners (scripts/check-tables.ts)',
        'src/modules/tariffs/store.ts:6: module tariffs uses table meter_points owned by metering',
        'src/usecases/move.ts:1: SQL outside a store: move it into the store of the module that owns the tables',
        'src/modules/tariffs/store.ts:1: the row type of tariffs is declared again (first in src/modules/tariffs/rates-store.ts): import it from there',
      ])
    })
  })
})
