import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, inTransaction, type Tx } from '../db/index.js'
import { openTestDatabase } from '../db/testing.js'
import * as access from '../modules/access/index.js'
import * as accounts from '../modules/accounts/index.js'
import * as comms from '../modules/comms/index.js'
import * as market from '../modules/market/index.js'
import * as metering from '../modules/metering/index.js'
import * as tariffs from '../modules/tariffs/index.js'
import { type Actor, systemActor } from '../shared/actor.js'
import { startOfLocalDay } from '../shared/time.js'
import { penceText, priceLines } from './price-notices.js'
import { approvePriceChange } from './prices.js'
import { openTestHomeIn, setTestEmail, type TestHome } from './testing.js'

let database: Database
const system = systemActor('test')
/** The day the changes are submitted and approved. */
const at = new Date('2026-11-20T09:00:00Z')
let first: Actor
let second: Actor
const ids: Record<string, string> = {}
const run = <T>(work: (tx: Tx) => Promise<T>) => inTransaction(database.db, work)
const header = 'product,region,fuel,payment_method,kind,value_inc_vat'

/** A home on the notice product's tariff of its region, paperless (with an email) or on paper. */
async function home(
  tx: Tx,
  { serial, region, paperless, until }: { serial: number; region: '_A' | '_B'; paperless: boolean; until?: string },
): Promise<void> {
  const number = `A-7${String(serial).padStart(7, '0')}`
  // the test home's address is in region _A unless the property says otherwise
  const property = { line1: `${serial} Mill Road`, ...(region === '_B' ? { gspRegion: '_B' } : {}) }
  const tariffCode = `E-1R-NOTICE-VAR-${region.slice(1)}`
  const { accountId, meterPointId } = await openTestHomeIn(tx, {
    number,
    customer: { kind: 'person', title: 'Ms', givenName: 'Notice', familyName: `Reader${serial}` },
    property: property as TestHome['property'],
    openedOn: '2026-11-01',
    meterPoints: [
      {
        fuel: 'electricity',
        // an MPAN's first two digits name its region: 10 Eastern (_A), 11 East Midlands (_B)
        identifier: metering.withCheckDigit(
          `${region === '_B' ? 11 : 10}${String(800_000 + serial).padStart(10, '0')}`,
        ),
        meterSerial: `22N${String(serial).padStart(7, '0')}`,
        type: 'smart',
        // a home that leaves the tariff is put on it below, with its end
        ...(until ? {} : { tariffCode }),
      },
    ],
    actor: system,
    at,
  })
  if (until)
    await tariffs.startAgreement({
      tx,
      accountId,
      meterPointId,
      tariffCode,
      from: startOfLocalDay('2026-11-01'),
      to: startOfLocalDay(until),
      actor: system,
      at,
    })
  if (paperless)
    await setTestEmail(tx, { accountNumber: number, address: `reader${serial}@example.com`, actor: system, at })
  else await accounts.updatePreferences({ tx, accountNumber: number, billingMode: 'paper', actor: system, at })
  ids[number] = accountId
}

beforeAll(async () => {
  database = await openTestDatabase()
  await run(async (tx) => {
    await market.configureSupplier({ tx, name: 'Good Egg Energy', market: 'gb', actor: system, at })
    const users = []
    for (const email of ['first@example.com', 'second@example.com'])
      users.push(
        await access.createStaffUser({
          tx,
          email,
          displayName: email,
          role: 'pricing_analyst',
          password: 'correct horse battery',
          actor: system,
          at,
        }),
      )
    first = { kind: 'staff', id: users[0]!.id }
    second = { kind: 'staff', id: users[1]!.id }
    await tariffs.launchProduct({
      tx,
      product: {
        code: 'NOTICE-VAR',
        direction: 'IMPORT',
        fullName: 'Notice Variable',
        displayName: 'Notice variable',
        isVariable: true,
        term: null,
        availableFrom: new Date('2026-11-01T00:00:00Z'),
        brand: 'GOOD_EGG_ENERGY',
        structure: 'single',
        supplies: [{ fuel: 'electricity', registerKind: '1R' }],
        regions: ['_A', '_B'],
        rates: [
          { fuel: 'electricity', kind: 'standard_unit', paymentMethod: 'DIRECT_DEBIT', valueIncVat: '24.50' },
          { fuel: 'electricity', kind: 'standing_charge', paymentMethod: 'DIRECT_DEBIT', valueIncVat: '51.37' },
        ],
      },
      actor: system,
      at,
    })
    await home(tx, { serial: 1, region: '_A', paperless: true })
    await home(tx, { serial: 2, region: '_A', paperless: false })
    await home(tx, { serial: 3, region: '_B', paperless: true })
    // on _A's tariff until the very start of the first change's effective date: not on it then
    await home(tx, { serial: 4, region: '_A', paperless: true, until: '2027-01-01' })
  })
}, 180_000)

afterAll(async () => {
  await database?.close()
})

/** The account's price change notices, newest first. */
const noticesOf = async (accountNumber: string) =>
  (await comms.listMessages({ tx: database.db, accountId: ids[accountNumber] ?? '', limit: 20 })).items.filter(
    (message) => message.templateKey === 'price_change_notice',
  )

const auditOf = async (action: string) =>
  (
    await sql<{ actor_id: string; after: Record<string, unknown> }>`
      select actor_id, after from audit_events where action = ${action} order by seq`.execute(database.db)
  ).rows

describe('the lines of a notice', () => {
  it('writes pence as stored without rounding, old → new, and leaves out a price that is new', () => {
    expect(penceText('26.2500')).toBe('26.25p')
    expect(penceText('24.7619')).toBe('24.7619p')
    expect(penceText('51.0000')).toBe('51.00p')
    const price = {
      line: 2,
      tariffCode: 'E-1R-NOTICE-VAR-A',
      productCode: 'NOTICE-VAR',
      region: '_A',
      fuel: 'gas',
      registerKind: '1R',
      kind: 'standing_charge',
      paymentMethod: 'NON_DIRECT_DEBIT',
      valueExcVat: '30.0000',
      valueIncVat: '31.5000',
      oldExcVat: '28.0000',
      oldIncVat: '29.4000',
    } as const
    expect(priceLines([price, { ...price, oldExcVat: null, oldIncVat: null }])).toEqual([
      'Gas standing charge, paying by other means: 29.40p → 31.50p per day',
    ])
  })
})

describe('notice of a price rise', () => {
  it('sends each account on the rising tariff one notice with its old and new prices, and none to another region', async () => {
    // _A's unit rate rises from 24.50p to 26.25p inc VAT (25.0000p exc at 5%) on 1 January 2027,
    // 42 days after the approval on 20 November 2026: more than the 30 days' notice gb requires.
    const csv = [header, 'NOTICE-VAR,_A,electricity,DIRECT_DEBIT,standard_unit,26.25'].join('\n')
    const change = await run((tx) =>
      tariffs.uploadPriceChange({ tx, csv, effectiveDate: '2027-01-01', submit: true, actor: first, at }),
    )
    const { notices, priceChange } = await run((tx) => approvePriceChange({ tx, id: change.id, actor: second, at }))
    expect(priceChange.status).toBe('published')
    expect(notices).toMatchObject({ risingTariffs: ['E-1R-NOTICE-VAR-A'], emailed: 1, posted: 1, failed: [] })
    expect(notices.messageIds).toHaveLength(2)

    const [email] = await noticesOf('A-70000001')
    expect(email).toMatchObject({
      channel: 'email',
      status: 'queued',
      recipient: 'reader1@example.com',
      subject: 'Your Notice Variable prices are going up on 1 January 2027',
    })
    expect(email?.body).toContain('Electricity unit rate, paying by Direct Debit: 24.50p → 26.25p per kWh')
    expect(email?.body).toContain('There is no exit fee on your variable tariff.')
    expect(email?.body).not.toContain('standing charge')
    const [letter] = await noticesOf('A-70000002')
    expect(letter).toMatchObject({ channel: 'letter', status: 'queued' })
    expect(letter?.body).toContain('24.50p → 26.25p per kWh')
    expect(await noticesOf('A-70000003')).toEqual([])
    expect(await noticesOf('A-70000004')).toEqual([])
  })

  it('sends nothing for a fall, which needs no notice however soon it takes effect', async () => {
    // _A's standing charge falls from 51.37p to 50.00p from 1 December 2026: 11 days away
    const csv = [header, 'NOTICE-VAR,_A,electricity,DIRECT_DEBIT,standing_charge,50.00'].join('\n')
    const change = await run((tx) =>
      tariffs.uploadPriceChange({ tx, csv, effectiveDate: '2026-12-01', submit: true, actor: first, at }),
    )
    expect(change.summary).toEqual({ up: 0, down: 1, same: 0, new: 0 })
    const { notices } = await run((tx) => approvePriceChange({ tx, id: change.id, actor: second, at }))
    expect(notices).toMatchObject({ risingTariffs: [], messageIds: [], emailed: 0, posted: 0 })
    expect(await noticesOf('A-70000001')).toHaveLength(1)
    expect(await noticesOf('A-70000002')).toHaveLength(1)
  })
})

describe('the 30 days of notice', () => {
  // _B's unit rate rises from 24.50p to 25.00p from 10 December 2026: 20 days after 20 November,
  // where the earliest date with 30 days' notice is 20 December 2026.
  const csv = [header, 'NOTICE-VAR,_B,electricity,DIRECT_DEBIT,standard_unit,25.00'].join('\n')
  let draftId: string

  it('refuses to submit a rise too soon, naming the earliest date, and changes nothing', async () => {
    const draft = await run((tx) =>
      tariffs.uploadPriceChange({ tx, csv, effectiveDate: '2026-12-10', actor: first, at }),
    )
    draftId = draft.id
    const refused = run((tx) => tariffs.submitPriceChange({ tx, id: draftId, actor: first, at }))
    await expect(refused).rejects.toMatchObject({
      code: 'PRICE_CHANGE_NOTICE_TOO_SHORT',
      details: [{ path: 'effectiveFrom', earliestDate: '2026-12-20' }],
    })
    await expect(refused).rejects.toThrow(/the earliest effective date is 2026-12-20/)
    expect((await tariffs.getPriceChange({ tx: database.db, id: draftId })).status).toBe('draft')
    await expect(
      run((tx) => tariffs.uploadPriceChange({ tx, csv, effectiveDate: '2026-12-10', submit: true, actor: first, at })),
    ).rejects.toMatchObject({ code: 'PRICE_CHANGE_NOTICE_TOO_SHORT' })
  })

  it('takes an override only with a reason, and audits it', async () => {
    await expect(
      run((tx) => tariffs.submitPriceChange({ tx, id: draftId, overrideNotice: { reason: '  ' }, actor: first, at })),
    ).rejects.toMatchObject({ code: 'INVALID_PRICE_CHANGE', details: [{ path: 'overrideNotice.reason' }] })
    const reason = 'Network charge correction agreed with Ofgem'
    const submitted = await run((tx) =>
      tariffs.submitPriceChange({ tx, id: draftId, overrideNotice: { reason }, actor: first, at }),
    )
    expect(submitted.status).toBe('pending_approval')
    expect((await auditOf('tariffs.price_change.submitted')).at(-1)?.after.notice).toEqual({
      risingTariffs: 1,
      noticeDays: 30,
      earliestDate: '2026-12-20',
      overridden: true,
      reason,
    })
  })

  it("checks again at approval: the approver's own override publishes it and the customers still get notice", async () => {
    await expect(run((tx) => approvePriceChange({ tx, id: draftId, actor: second, at }))).rejects.toMatchObject({
      code: 'PRICE_CHANGE_NOTICE_TOO_SHORT',
    })
    expect(await noticesOf('A-70000003')).toEqual([])
    const reason = 'Agreed short notice: see case 42'
    const { priceChange, notices } = await run((tx) =>
      approvePriceChange({ tx, id: draftId, overrideNotice: { reason }, actor: second, at }),
    )
    expect(priceChange.status).toBe('published')
    expect(notices).toMatchObject({ risingTariffs: ['E-1R-NOTICE-VAR-B'], emailed: 1, posted: 0 })
    const [notice] = await noticesOf('A-70000003')
    expect(notice?.body).toContain('Electricity unit rate, paying by Direct Debit: 24.50p → 25.00p per kWh')
    expect(notice?.subject).toBe('Your Notice Variable prices are going up on 10 December 2026')
    expect((await auditOf('tariffs.price_change.published')).at(-1)?.after.notice).toMatchObject({
      overridden: true,
      reason,
    })
    // the _A accounts heard nothing more
    expect(await noticesOf('A-70000001')).toHaveLength(1)
  })
})
