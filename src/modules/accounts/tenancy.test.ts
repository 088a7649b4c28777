import { describe, expect, it } from 'vitest'
import { inTransaction, type Tx } from '../../db/index.js'
import { openDatabaseForFile } from '../../db/test-file-database.js'
import { systemActor } from '../../shared/actor.js'
import * as accounts from './index.js'

const database = openDatabaseForFile()
const actor = systemActor('test')
const at = new Date('2026-11-20T09:00:00Z')
const run = <T>(work: (tx: Tx) => Promise<T>) => inTransaction(database.db, work)

const open = (number: string) =>
  run((tx) =>
    accounts.openTestAccount({
      tx,
      actor,
      at,
      number,
      customer: { kind: 'person', givenName: 'Ada', familyName: 'Leaving' },
      property: { line1: '1 Mill Lane', town: 'Cambridge', postcode: 'CB1 2AB', gspRegion: '_A' },
      openedOn: '2026-10-01',
    }),
  )

describe('closing an account', () => {
  it('closes it at a date, once, never before it opened', async () => {
    const id = await open('A-0000C105')
    await expect(
      run((tx) => accounts.closeAccount({ tx, accountId: id, on: '2026-09-30', reason: 'move_out', actor, at })),
    ).rejects.toMatchObject({ code: 'INVALID_CLOSING_DATE' })
    const closed = await run((tx) =>
      accounts.closeAccount({ tx, accountId: id, on: '2026-11-01', reason: 'move_out', actor, at }),
    )
    expect(closed).toMatchObject({ status: 'closed', closedOn: '2026-11-01', occupier: false })
    await expect(
      run((tx) => accounts.closeAccount({ tx, accountId: id, on: '2026-11-02', reason: 'move_out', actor, at })),
    ).rejects.toMatchObject({ code: 'ACCOUNT_ALREADY_CLOSED' })
    const [found] = (await run((tx) => accounts.searchAccounts({ tx, query: 'A-0000C105', limit: 5, actor, at }))).items
    expect(found?.status).toBe('closed')
  })
})

describe('opening the next occupier’s account', () => {
  it('opens "The Occupier" at the same property, on paper, and a named occupant with contacts', async () => {
    const id = await open('A-0000C106')
    const occupier = await run((tx) =>
      accounts.openNextOccupierAccount({
        tx,
        previousAccountId: id,
        number: 'A-0000C107',
        occupant: { customer: accounts.occupierCustomer },
        openedOn: '2026-11-01',
        actor,
        at,
      }),
    )
    expect(occupier).toMatchObject({ customerName: 'The Occupier', occupier: true, status: 'active' })
    const before = await run((tx) => accounts.findAccountSupply({ tx, accountNumber: 'A-0000C106' }))
    const after = await run((tx) => accounts.findAccountSupply({ tx, accountNumber: 'A-0000C107' }))
    expect(after?.property).toEqual(before?.property)
    expect((await run((tx) => accounts.lockTenancy({ tx, accountNumber: 'A-0000C107' }))).occupier).toBe(true)
    await expect(
      run((tx) =>
        accounts.openNextOccupierAccount({
          tx,
          previousAccountId: id,
          number: 'A-0000C107',
          occupant: { customer: { kind: 'person', familyName: 'Again' } },
          openedOn: '2026-11-01',
          actor,
          at,
        }),
      ),
    ).rejects.toMatchObject({ code: 'ACCOUNT_NUMBER_TAKEN' })
    await expect(
      run((tx) =>
        accounts.openNextOccupierAccount({
          tx,
          previousAccountId: id,
          number: 'A-0000C108',
          occupant: { customer: { kind: 'person', familyName: 'Named' }, email: 'not-an-email', phone: '12' },
          openedOn: '2026-11-01',
          actor,
          at,
        }),
      ),
    ).rejects.toMatchObject({
      code: 'INVALID_ACCOUNT_DETAILS',
      details: [{ path: 'newOccupant.email' }, { path: 'newOccupant.phone' }],
    })
  })
})
