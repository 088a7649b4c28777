import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { inTransaction } from '../../db/index.js'
import { openDatabaseForFile } from '../../db/test-file-database.js'
import * as audit from '../audit/index.js'
import * as accounts from './index.js'
import type { NewAccount } from './types.js'

const database = openDatabaseForFile()
const agent = { kind: 'staff', id: 'usr_agent' } as const
const at = new Date('2026-11-22T10:00:00Z')

function person(number: string, givenName: string, familyName: string, extra: Partial<NewAccount> = {}): NewAccount {
  return accounts.testAccount({
    number,
    customer: { kind: 'person', title: 'Ms', givenName, familyName },
    property: { line1: '1 High Street', town: 'Leeds', postcode: 'LS1 4AB', gspRegion: '_M' },
    emails: [{ address: `${givenName}.${familyName}@example.com`.toLowerCase(), primary: true }],
    phones: [{ number: '0113 496 0001', label: 'home', primary: true }],
    openedOn: '2024-01-15',
    ...extra,
  })
}

const search = (query: string, limit = 10, cursor?: string) =>
  inTransaction(database.db, (tx) => accounts.searchAccounts({ tx, query, limit, cursor, actor: agent, at }))

beforeAll(async () => {
  await inTransaction(database.db, (tx) =>
    accounts.createAccounts({
      tx,
      actor: agent,
      at,
      accounts: [
        person('A-00000001', 'Eleanor', 'Ashworth', {
          property: { line1: '14 Mill Lane', town: 'Cambridge', postcode: 'cb12ab', gspRegion: '_A' },
          phones: [
            { number: '+44 7700 900123', label: 'mobile', primary: true },
            { number: '01632 960001', label: 'home', primary: false },
          ],
        }),
        person('A-00000002', 'Tom', 'Ashby'),
        person('A-00000003', 'Priya', 'Natarajan', {
          property: { line1: 'Flat 3, 12 Victoria Road', town: 'London', postcode: 'SW9 8QT', gspRegion: '_C' },
          phones: [{ number: '020 7946 0123', label: 'home', primary: true }],
        }),
        {
          ...person('A-0000000A', '', '', {
            customer: { kind: 'business', businessName: 'Harrow & Finch Bakery Ltd' },
            emails: [{ address: 'accounts@harrowfinch.example.com', primary: true }],
            phones: [{ number: '0161 496 0999', label: 'work', primary: true }],
          }),
        },
        ...Array.from({ length: 25 }, (_, i) =>
          person(`A-1000${String(i).padStart(4, '0')}`, 'Sam', `Smith`, {
            phones: [{ number: `07700 9002${String(i).padStart(2, '0')}`, label: 'mobile', primary: true }],
            emails: [{ address: `sam.smith${i}@example.com`, primary: true }],
          }),
        ),
      ],
    }),
  )
})
describe('searching accounts', () => {
  it('finds a misspelt surname, best match first, with its service address', async () => {
    const result = await search('Ashwroth')
    expect(result.kind).toBe('name_or_address')
    expect(result.items[0]).toMatchObject({
      accountNumber: 'A-00000001',
      customerName: 'Eleanor Ashworth',
      serviceAddress: '14 Mill Lane, Cambridge, CB1 2AB',
    })
  })

  it('ignores case and finds a misspelt full name', async () => {
    expect((await search('ELEANOR ASHWORHT')).items[0]?.accountNumber).toBe('A-00000001')
    expect((await search('harrow finch')).items[0]?.customerName).toBe('Harrow & Finch Bakery Ltd')
  })

  it('finds an account by its number in any case, with or without the dash', async () => {
    expect((await search('a-0000000a')).items.map((i) => i.accountNumber)).toEqual(['A-0000000A'])
    expect((await search('0000000A')).items.map((i) => i.accountNumber)).toEqual(['A-0000000A'])
  })

  it('finds a phone number however it is formatted', async () => {
    for (const typed of ['07700 900123', '+44 7700 900 123', '(07700) 900-123', '+44 (0)7700900123']) {
      expect(
        (await search(typed)).items.map((i) => i.accountNumber),
        typed,
      ).toEqual(['A-00000001'])
    }
    expect((await search('01632960001')).items.map((i) => i.accountNumber)).toEqual(['A-00000001'])
  })

  it('finds an email in any case', async () => {
    expect((await search('Accounts@HarrowFinch.example.com')).items.map((i) => i.accountNumber)).toEqual(['A-0000000A'])
  })

  it('finds a postcode with or without the space, and by its outward code', async () => {
    expect((await search('cb12ab')).items.map((i) => i.accountNumber)).toEqual(['A-00000001'])
    expect((await search('SW9 8QT')).items.map((i) => i.accountNumber)).toEqual(['A-00000003'])
    expect((await search('SW9')).items.map((i) => i.accountNumber)).toEqual(['A-00000003'])
  })

  it('finds an address by a misspelt street', async () => {
    expect((await search('Victria Road')).items[0]?.accountNumber).toBe('A-00000003')
  })

  it('pages through many matches with a cursor, without repeats', async () => {
    const first = await search('Sam Smith', 10)
    expect(first.items).toHaveLength(10)
    const second = await search('Sam Smith', 10, first.nextCursor ?? undefined)
    const third = await search('Sam Smith', 10, second.nextCursor ?? undefined)
    const all = [...first.items, ...second.items, ...third.items].map((i) => i.accountNumber)
    expect(new Set(all).size).toBe(25)
    expect(third.nextCursor).toBeNull()
  })

  it('refuses a cursor it did not issue', async () => {
    await expect(search('Sam Smith', 10, 'bogus')).rejects.toMatchObject({ code: 'INVALID_CURSOR' })
  })

  it('records each search in the audit log', async () => {
    await search('Natarajan')
    const [event] = await audit.listActivity({ db: database.db, actorId: agent.id, limit: 1 })
    expect(event).toMatchObject({
      action: 'accounts.search.performed',
      context: { query: 'Natarajan', shown: ['A-00000003'] },
    })
  })
})

describe('the account overview', () => {
  it('returns the account, customer, addresses, contacts and notes, and records the view', async () => {
    const overview = await inTransaction(database.db, (tx) =>
      accounts.viewAccountOverview({ tx, accountNumber: 'A-00000001', actor: agent, at }),
    )
    expect(overview.customer.displayName).toBe('Eleanor Ashworth')
    expect(overview.property).toMatchObject({
      addressLines: ['14 Mill Lane'],
      postcode: 'CB1 2AB',
      gspRegion: { code: '_A', name: 'Eastern England' },
    })
    expect(overview.contacts.phones).toEqual([
      { number: '+44 7700 900123', label: 'mobile', primary: true },
      { number: '01632 960001', label: 'home', primary: false },
    ])
    const [event] = await audit.listForAccount({ db: database.db, accountId: overview.account.id, limit: 1 })
    expect(event).toMatchObject({
      action: 'accounts.account.viewed',
      actorId: agent.id,
      context: { sections: ['summary', 'contacts', 'preferences', 'notes'] },
    })
  })

  it('says which account does not exist', async () => {
    await expect(
      inTransaction(database.db, (tx) =>
        accounts.viewAccountOverview({ tx, accountNumber: 'A-FFFFFFFF', actor: agent, at }),
      ),
    ).rejects.toMatchObject({ code: 'ACCOUNT_NOT_FOUND' })
  })
})

describe('notes', () => {
  it('adds a typed note, newest first, audited with its content', async () => {
    const note = await inTransaction(database.db, (tx) =>
      accounts.addNote({
        tx,
        accountNumber: 'A-00000002',
        type: 'billing',
        body: '  Customer queried the standing charge  ',
        actor: agent,
        authorName: 'Ada Agent',
        at,
      }),
    )
    expect(note.body).toBe('Customer queried the standing charge')
    const page = await inTransaction(database.db, (tx) =>
      accounts.listNotes({ tx, accountNumber: 'A-00000002', limit: 10, actor: agent, at }),
    )
    expect(page.items.map((n) => n.id)).toEqual([note.id])
    const [event] = await audit.listForAccount({
      db: database.db,
      accountId: note.accountId,
      actionPrefix: 'accounts.note',
      limit: 1,
    })
    expect(event).toMatchObject({ action: 'accounts.note.added', after: { type: 'billing', body: note.body } })
  })

  it('refuses an empty note and writes nothing', async () => {
    const before = await sql<{ n: bigint }>`select count(*)::int8 as n from account_notes`.execute(database.db)
    await expect(
      inTransaction(database.db, (tx) =>
        accounts.addNote({
          tx,
          accountNumber: 'A-00000002',
          type: 'general',
          body: '   ',
          actor: agent,
          authorName: null,
          at,
        }),
      ),
    ).rejects.toMatchObject({ code: 'INVALID_ACCOUNT_DETAILS', details: [{ path: 'body' }] })
    const after = await sql<{ n: bigint }>`select count(*)::int8 as n from account_notes`.execute(database.db)
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n)
  })

  it('cannot be changed or deleted once saved', async () => {
    await expect(sql`update account_notes set body = 'changed'`.execute(database.db)).rejects.toThrow(/append-only/)
    await expect(sql`delete from account_notes`.execute(database.db)).rejects.toThrow(/append-only/)
  })
})

describe('opening accounts', () => {
  it('refuses a whole batch when one account is invalid, naming the index and field', async () => {
    const error = await inTransaction(database.db, (tx) =>
      accounts.createAccounts({
        tx,
        actor: agent,
        at,
        accounts: [
          person('A-20000001', 'Valid', 'Person'),
          person('A-20000002', 'Bad', 'Postcode', {
            property: { line1: '1 Road', town: 'Leeds', postcode: 'NOT A CODE', gspRegion: '_M' },
          }),
        ],
      }),
    ).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'INVALID_ACCOUNT_DETAILS', details: [{ path: '1.property.postcode' }] })
    expect((await search('A-20000001')).items).toEqual([])
  })

  it('refuses an account number already in use', async () => {
    await expect(
      inTransaction(database.db, (tx) =>
        accounts.createAccounts({ tx, actor: agent, at, accounts: [person('A-00000001', 'Dup', 'Licate')] }),
      ),
    ).rejects.toMatchObject({ code: 'ACCOUNT_NUMBER_TAKEN' })
  })

  it('keeps the search entry in step when contacts change', async () => {
    await inTransaction(database.db, (tx) =>
      accounts.updateContacts({
        tx,
        accountNumber: 'A-00000003',
        emails: [{ address: 'priya@example.org', primary: true }],
        phones: [{ number: '07700 900555', label: 'mobile', primary: true }],
        actor: agent,
        at,
      }),
    )
    expect((await search('07700900555')).items.map((i) => i.accountNumber)).toEqual(['A-00000003'])
    expect((await search('020 7946 0123')).items).toEqual([])
  })
})
