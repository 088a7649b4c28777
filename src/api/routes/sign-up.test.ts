import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, inTransaction } from '../../db/index.js'
import { openTestDatabase } from '../../db/testing.js'
import * as accounts from '../../modules/accounts/index.js'
import * as audit from '../../modules/audit/index.js'
import * as comms from '../../modules/comms/index.js'
import * as metering from '../../modules/metering/index.js'
import * as payments from '../../modules/payments/index.js'
import * as tariffs from '../../modules/tariffs/index.js'
import { systemActor } from '../../shared/actor.js'
import { startOfLocalDay } from '../../shared/time.js'
import type { App } from '../app.js'
import { buildAppWithDelivery, seedSupplier } from '../testing.js'

// A Tuesday: five working days on is Tuesday 15 December; 14 days on is 22 December.
const now = new Date('2026-12-08T10:00:00Z')
const on = startOfLocalDay('2026-12-01')
let database: Database
let app: App
let delivery: Awaited<ReturnType<typeof buildAppWithDelivery>>['delivery']

/** Prices with 5% VAT, exc → inc: 24 → 25.2, 50 → 52.5, 6 → 6.3, 30 → 31.5, 20 → 21, 10 → 10.5. */
function rate(tariffCode: string, kind: tariffs.RateKind, excVat: string, incVat: string): tariffs.NewRate {
  return {
    tariffCode,
    kind,
    paymentMethod: null,
    valueExcVat: excVat,
    valueIncVat: incVat,
    validFrom: on,
    validTo: null,
  }
}

const common = {
  availableFrom: on,
  brand: 'GOOD_EGG_ENERGY',
  isVariable: true,
  term: null,
  direction: 'IMPORT',
} as const
const londonBands = (start: Date): tariffs.NewBand[] => [
  { rateKind: 'off_peak_unit', startTime: '23:30', endTime: '05:30', timeZone: 'Europe/London', validFrom: start },
  { rateKind: 'peak_unit', startTime: '05:30', endTime: '23:30', timeZone: 'Europe/London', validFrom: start },
]

beforeAll(async () => {
  database = await openTestDatabase()
  const actor = systemActor('test')
  await inTransaction(database.db, async (tx) => {
    await seedSupplier(tx, now)
    const products: tariffs.NewProduct[] = [
      {
        ...common,
        code: 'SIMPLE-VAR',
        fullName: 'Simple Variable',
        displayName: 'Simple',
        structure: 'single',
        tariffs: [
          { fuel: 'electricity', registerKind: '1R', region: '_C' },
          { fuel: 'gas', registerKind: '1R', region: '_C' },
        ],
      },
      {
        ...common,
        code: 'CHEAP-ELEC',
        fullName: 'Cheap Electricity Only',
        displayName: 'Cheap',
        structure: 'single',
        tariffs: [{ fuel: 'electricity', registerKind: '1R', region: '_C' }],
      },
      {
        ...common,
        code: 'EV-GO',
        fullName: 'EV Go',
        displayName: 'EV Go',
        structure: 'intelligent',
        tariffs: [{ fuel: 'electricity', registerKind: '1R', region: '_C', bands: londonBands(on) }],
      },
      {
        ...common,
        code: 'BIZ-VAR',
        fullName: 'Business Variable',
        displayName: 'Business',
        isBusiness: true,
        structure: 'single',
        tariffs: [{ fuel: 'electricity', registerKind: '1R', region: '_C' }],
      },
      {
        ...common,
        code: 'STAFF-ONLY',
        fullName: 'Restricted',
        displayName: 'Restricted',
        isRestricted: true,
        structure: 'single',
        tariffs: [{ fuel: 'electricity', registerKind: '1R', region: '_C' }],
      },
      {
        ...common,
        code: 'EXPORT-FIX',
        direction: 'EXPORT',
        fullName: 'Export Fixed',
        displayName: 'Export',
        isVariable: false,
        term: 12,
        structure: 'export',
        tariffs: [{ fuel: 'electricity', registerKind: '1R', region: '_C' }],
      },
    ]
    for (const product of products) await tariffs.createProduct({ tx, product, actor, at: now })
    await tariffs.setRates({
      tx,
      rates: [
        rate('E-1R-SIMPLE-VAR-C', 'standard_unit', '24', '25.2'),
        rate('E-1R-SIMPLE-VAR-C', 'standing_charge', '50', '52.5'),
        rate('G-1R-SIMPLE-VAR-C', 'standard_unit', '6', '6.3'),
        rate('G-1R-SIMPLE-VAR-C', 'standing_charge', '30', '31.5'),
        rate('E-1R-CHEAP-ELEC-C', 'standard_unit', '20', '21'),
        rate('E-1R-CHEAP-ELEC-C', 'standing_charge', '50', '52.5'),
        rate('E-1R-EV-GO-C', 'off_peak_unit', '6', '6.3'),
        rate('E-1R-EV-GO-C', 'peak_unit', '24', '25.2'),
        rate('E-1R-EV-GO-C', 'standing_charge', '50', '52.5'),
        rate('E-1R-BIZ-VAR-C', 'standard_unit', '20', '24'),
        rate('E-1R-BIZ-VAR-C', 'standing_charge', '50', '60'),
        rate('E-1R-STAFF-ONLY-C', 'standard_unit', '10', '10.5'),
        rate('E-1R-STAFF-ONLY-C', 'standing_charge', '10', '10.5'),
        { ...rate('E-1R-EXPORT-FIX-C', 'standard_unit', '15', '15'), paymentMethod: null },
      ],
      actor,
      at: now,
    })
  })
  ;({ app, delivery } = await buildAppWithDelivery(database, now))
}, 120_000)

afterAll(async () => {
  await app.close()
  await database.close()
})

async function getQuote(query: string) {
  const response = await app.inject({ method: 'GET', url: `/api/quote?${query}` })
  return { status: response.statusCode, body: response.json() }
}

describe('GET /api/quote', () => {
  it('prices the home tariffs on sale in the postcode’s region, cheapest first, at typical medium use', async () => {
    const { status, body } = await getQuote('postcode=ec1a1bb&usage=medium&fuels=dual')
    expect(status).toBe(200)
    expect(body.postcode).toBe('EC1A 1BB')
    expect(body.region).toEqual({ code: '_C', name: 'London' })
    expect(body.consumption).toEqual({
      electricityKwh: 2500,
      gasKwh: 9500,
      electricitySource: 'medium',
      gasSource: 'medium',
    })
    // Business and restricted products are not on sale to homes; Cheap has no gas, so dual fuel is not quoted.
    expect(body.products.map((product: { code: string }) => product.code)).toEqual(['SIMPLE-VAR'])
    const [simple] = body.products
    // Electricity: 2,500 kWh × 25.2p = 63,000p; 365 × 52.5p = 19,162.5p; 82,162.5p → 82,163p on its own.
    // Gas: 9,500 kWh × 6.3p = 59,850p; 365 × 31.5p = 11,497.5p; 71,347.5p → 71,348p on its own.
    // Together, exact: 82,162.5 + 71,347.5 = 153,510p, rounded once: £1,535.10 (not 82,163 + 71,348 = 153,511).
    expect(simple.fuels).toEqual([
      {
        fuel: 'electricity',
        tariffCode: 'E-1R-SIMPLE-VAR-C',
        unitRateIncVat: '25.2000',
        standingChargeIncVat: '52.5000',
        annualKwh: 2500,
        annualCostMinor: '82163',
      },
      {
        fuel: 'gas',
        tariffCode: 'G-1R-SIMPLE-VAR-C',
        unitRateIncVat: '6.3000',
        standingChargeIncVat: '31.5000',
        annualKwh: 9500,
        annualCostMinor: '71348',
      },
    ])
    expect(simple.annualCostMinor).toBe('153510')
    const reasons = Object.fromEntries(
      body.notQuoted.map((product: { code: string; reason: string }) => [product.code, product.reason]),
    )
    expect(Object.keys(reasons).sort()).toEqual(['CHEAP-ELEC', 'EV-GO', 'EXPORT-FIX'])
    expect(reasons['EV-GO']).toMatch(/EV tariff/)
    expect(reasons['CHEAP-ELEC']).toMatch(/no gas prices/)
    expect(body.directDebitGuarantee).toMatch(/full and immediate refund/)
  })

  it('uses the customer’s own consumption, electricity only unless gas is asked for', async () => {
    const { status, body } = await getQuote('postcode=EC1A%201BB&electricityKwh=3100')
    expect(status).toBe(200)
    expect(body.consumption).toMatchObject({ electricityKwh: 3100, gasKwh: null, electricitySource: 'given' })
    // Cheap: 3,100 × 21p = 65,100p + 19,162.5p = 84,262.5p → £842.63.
    // Simple: 3,100 × 25.2p = 78,120p + 19,162.5p = 97,282.5p → £972.83.
    expect(
      body.products.map((product: { code: string; annualCostMinor: string }) => [
        product.code,
        product.annualCostMinor,
      ]),
    ).toEqual([
      ['CHEAP-ELEC', '84263'],
      ['SIMPLE-VAR', '97283'],
    ])
  })

  it('refuses an unknown postcode with a 400 naming postcode', async () => {
    for (const postcode of ['ZZ1%201ZZ', 'BT1%201AA', 'hello']) {
      const { status, body } = await getQuote(`postcode=${postcode}`)
      expect(status).toBe(400)
      expect(body.error.details).toEqual([expect.objectContaining({ path: 'postcode' })])
    }
  })

  it('refuses hostile input by name', async () => {
    expect((await getQuote('postcode=EC1A%201BB&electricityKwh=-5')).status).toBe(400)
    expect((await getQuote('postcode=EC1A%201BB&electricityKwh=2.5')).status).toBe(400)
    expect((await getQuote('postcode=EC1A%00')).status).toBe(400)
    expect((await getQuote(`postcode=${'A'.repeat(5000)}`)).status).toBe(400)
    expect((await getQuote('postcode=EC1A%201BB&usage=huge')).status).toBe(400)
  })
})

/** An MPAN core in London (distributor 12) with its check digit. */
const londonMpan = metering.withCheckDigit('120012345678')

function signUpBody(changes: Record<string, unknown> = {}) {
  return {
    customer: { givenName: 'Ada', familyName: 'Lovelace', email: 'ada@example.com', phone: '07700 900123' },
    supplyAddress: { line1: '1 St Martin’s Le Grand', town: 'London', postcode: 'EC1A 1BB' },
    region: '_C',
    mpan: londonMpan,
    mprn: '1234567',
    productCode: 'SIMPLE-VAR',
    payment: {
      method: 'DIRECT_DEBIT',
      accountHolder: 'Ada Lovelace',
      sortCode: '20-00-00',
      accountNumber: '55779911',
      guaranteeAcknowledged: true,
    },
    consents: { terms: true, marketing: false },
    ...changes,
  }
}

async function postSignUp(body: unknown, address = '10.0.0.1') {
  const response = await app.inject({
    method: 'POST',
    url: '/api/sign-ups',
    payload: body as object,
    remoteAddress: address,
  })
  return { status: response.statusCode, body: response.json() }
}

async function countsOfEverything() {
  const chain = await audit.verifyChain({ db: database.db })
  return { accounts: await accounts.countAccounts(database.db), events: chain.checked }
}

describe('POST /api/sign-ups', () => {
  it('opens the account with a pending supply, its agreements and Direct Debit, and emails the key facts', async () => {
    const { status, body } = await postSignUp(signUpBody())
    expect(status).toBe(201)
    expect(body).toMatchObject({
      openedOn: '2026-12-08',
      supplyStartsOn: '2026-12-15',
      supplyStatus: 'pending',
      coolingOffEndsOn: '2026-12-22',
      meterPoints: [
        { identifier: londonMpan, tariffCode: 'E-1R-SIMPLE-VAR-C' },
        { identifier: '1234567', tariffCode: 'G-1R-SIMPLE-VAR-C' },
      ],
      directDebit: { bankLast4: '9911', paymentDay: 15 },
    })
    const accountNumber = body.accountNumber as string
    await inTransaction(database.db, async (tx) => {
      const supply = await accounts.findAccountSupply({ tx, accountNumber })
      expect(supply).toMatchObject({
        status: 'active',
        openedOn: '2026-12-08',
        property: { postcode: 'EC1A 1BB', gspRegion: '_C' },
      })
      const points = await metering.meterPointsOfAccount({ tx, accountNumber })
      expect(points.map((point) => [point.identifier, point.suppliedFrom])).toEqual([
        [londonMpan, '2026-12-15'],
        ['1234567', '2026-12-15'],
      ])
      const agreements = await tariffs.agreementsOfAccount({ tx, accountId: supply?.id ?? '' })
      expect(agreements.map((agreement) => [agreement.tariffCode, agreement.validFrom.toISOString()])).toEqual(
        expect.arrayContaining([
          ['E-1R-SIMPLE-VAR-C', '2026-12-15T00:00:00.000Z'],
          ['G-1R-SIMPLE-VAR-C', '2026-12-15T00:00:00.000Z'],
        ]),
      )
      const directDebit = await payments.directDebitOf({ tx, accountId: supply?.id ?? '' })
      expect(directDebit).toMatchObject({ kind: 'variable', status: 'active', paymentDay: 15 })
      const { items } = await comms.listMessages({ tx, accountId: supply?.id ?? '', limit: 10 })
      expect(items).toHaveLength(1)
      const [welcome] = items
      expect(welcome).toMatchObject({ templateKey: 'welcome', channel: 'email', recipient: 'ada@example.com' })
      // The key facts: 2,500 kWh and 9,500 kWh (typical) come to £1,535.10 a year, as the quote worked out.
      expect(welcome?.body).toContain('Tariff: Simple')
      expect(welcome?.body).toContain('electricity 25.2000p per kWh; gas 6.3000p per kWh')
      expect(welcome?.body).toContain('electricity 52.5000p per day; gas 31.5000p per day')
      expect(welcome?.body).toContain('£1,535.10 a year')
      expect(welcome?.body).toMatch(/cooling-off\s+period on 22 December 2026/)
    })
    expect(delivery.pending).toHaveLength(1)
    expect((await delivery.runQueued()).sent).toHaveLength(1)
  })

  it('refuses a bad MPAN check digit, naming mpan and writing nothing', async () => {
    const before = await countsOfEverything()
    const wrong = `${londonMpan.slice(0, 12)}${(Number(londonMpan[12]) + 1) % 10}`
    const { status, body } = await postSignUp(signUpBody({ mpan: wrong, mprn: '7654321' }))
    expect(status).toBe(400)
    expect(body.error.code).toBe('SIGN_UP_REFUSED')
    expect(body.error.details).toEqual([{ path: 'mpan', message: expect.stringMatching(/check digit/) }])
    expect(await countsOfEverything()).toEqual(before)
  })

  it('refuses a supply postcode outside the quote’s region, naming it and writing nothing', async () => {
    const before = await countsOfEverything()
    const { status, body } = await postSignUp(
      signUpBody({
        mpan: metering.withCheckDigit('120012345679'),
        mprn: null,
        supplyAddress: { line1: '1 Union Street', town: 'Aberdeen', postcode: 'AB11 6BA' },
      }),
    )
    expect(status).toBe(400)
    expect(body.error.details).toEqual([
      { path: 'supplyAddress.postcode', message: expect.stringMatching(/North Scotland.*not the quote's region _C/) },
    ])
    expect(await countsOfEverything()).toEqual(before)
  })

  it('refuses the EV tariff without a smart meter and a car or charger, naming both and writing nothing', async () => {
    const before = await countsOfEverything()
    const { status, body } = await postSignUp(
      signUpBody({
        mpan: metering.withCheckDigit('120012345680'),
        mprn: null,
        productCode: 'EV-GO',
        hasSmartMeter: false,
      }),
    )
    expect(status).toBe(400)
    expect(body.error.details.map((detail: { path: string }) => detail.path).sort()).toEqual([
      'hasEvOrCharger',
      'hasSmartMeter',
    ])
    expect(await countsOfEverything()).toEqual(before)
  })

  it('refuses an export tariff without an export MPAN, and takes it with one', async () => {
    const mpan = metering.withCheckDigit('120012345681')
    const refused = await postSignUp(signUpBody({ mpan, mprn: null, exportProductCode: 'EXPORT-FIX' }))
    expect(refused.status).toBe(400)
    expect(refused.body.error.details).toEqual([{ path: 'exportMpan', message: expect.stringMatching(/export MPAN/) }])
    const exportMpan = metering.withCheckDigit('120012345682')
    const taken = await postSignUp(signUpBody({ mpan, mprn: null, exportProductCode: 'EXPORT-FIX', exportMpan }))
    expect(taken.status).toBe(201)
    expect(taken.body.meterPoints).toEqual([
      { identifier: mpan, tariffCode: 'E-1R-SIMPLE-VAR-C' },
      { identifier: exportMpan, tariffCode: 'E-1R-EXPORT-FIX-C' },
    ])
  })

  it('takes the EV tariff when both are declared', async () => {
    const { status, body } = await postSignUp(
      signUpBody({
        mpan: metering.withCheckDigit('120012345683'),
        mprn: null,
        productCode: 'EV-GO',
        hasSmartMeter: true,
        hasEvOrCharger: true,
        payment: { method: 'NON_DIRECT_DEBIT' },
      }),
    )
    expect(status).toBe(201)
    expect(body.directDebit).toBeNull()
  })

  it('refuses a Direct Debit whose guarantee was not acknowledged, and unknown or hostile fields', async () => {
    const before = await countsOfEverything()
    const unacknowledged = await postSignUp(
      signUpBody({
        mpan: metering.withCheckDigit('120012345684'),
        mprn: null,
        payment: { ...signUpBody().payment, guaranteeAcknowledged: false },
      }),
    )
    expect(unacknowledged.status).toBe(400)
    expect(unacknowledged.body.error.details).toEqual([
      { path: 'payment.guaranteeAcknowledged', message: expect.any(String) },
    ])
    expect((await postSignUp({ ...signUpBody(), extra: 1 })).status).toBe(400)
    expect((await postSignUp(signUpBody({ region: '_C\u0000' }))).status).toBe(400)
    expect(await countsOfEverything()).toEqual(before)
  })
})
