import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatMoney, money } from '../shared/money.js'
import { InvalidLocalDate } from '../shared/time.js'
import {
  type StatementPdfInput,
  type StatementPdfLine,
  type StatementPdfSupply,
  statementPdf,
} from './statement-pdf.js'

const energyLine: StatementPdfLine = {
  identifier: '1010000000000',
  tariffCode: 'E-1R-VAR-22-11-01-A',
  kind: 'energy',
  rateKind: 'standard_unit',
  from: new Date('2026-09-30T23:00:00Z'),
  to: new Date('2026-10-31T00:00:00Z'),
  quantity: '250.500',
  unit: 'kWh',
  ratePence: '24.5000',
  vatPercent: '5',
  amountMinor: 6137n,
  description: 'Standard unit 250.500 kWh × 24.5000p',
}

const standingLine: StatementPdfLine = {
  ...energyLine,
  kind: 'standing_charge',
  rateKind: 'standing_charge',
  quantity: '31',
  unit: 'day',
  ratePence: '50.0000',
  amountMinor: 1550n,
  description: 'Standing charge 31 days × 50.0000p',
}

type StatementOverrides = Partial<StatementPdfInput['statement']>

function statementInput(overrides: StatementOverrides = {}, rest: Partial<StatementPdfInput> = {}): StatementPdfInput {
  return {
    supplierName: 'Good Egg Energy',
    supplier: {
      legalName: 'Good Egg Energy Ltd',
      address: '1 Albumen Yard, Cambridge, CB1 1AA',
      phone: '0808 157 0192',
      email: 'hello@goodegg.example',
      website: 'www.goodegg.example',
      companyNumber: '12345678',
      vatNumber: 'GB 123 4567 89',
    },
    market: 'gb',
    supplies: [],
    payment: { kind: 'on_receipt' },
    duplicate: false,
    generatedAt: new Date('2026-11-02T09:00:00Z'),
    account: {
      number: 'A-1F2E3D4C',
      customerName: 'Mrs Eleanor Ashworth',
      addressLines: ['14 Mill Lane', 'Cambridge'],
      postcode: 'CB1 2AB',
    },
    statement: {
      number: 'S-00000042',
      kind: 'periodic',
      status: 'issued',
      // October 2026 in London: BST until the clocks go back on 25 October
      periodFrom: new Date('2026-09-30T23:00:00Z'),
      periodTo: new Date('2026-11-01T00:00:00Z'),
      version: 1,
      replacesNumber: null,
      currency: 'GBP',
      netMinor: 7687n,
      vatMinor: 384n,
      totalMinor: 8071n,
      writeoffMinor: 0n,
      postedMinor: 8071n,
      openingBalanceMinor: 0n,
      chargesMinor: 8071n,
      paymentsMinor: 9000n,
      creditsMinor: 0n,
      adjustmentsMinor: 0n,
      // 0 + 80.71 − 90.00 − 0 + 0 = −9.29
      closingBalanceMinor: -929n,
      dueOn: '2026-11-16',
      issuedAt: new Date('2026-11-02T09:00:00Z'),
      lines: [energyLine, standingLine],
      explanation: { estimated: false },
      settlement: null,
      ...overrides,
    },
    ...rest,
  }
}

// Node's TextDecoder reads 'windows-1252' as Latin-1, so the bytes 0x80 to 0x9F are mapped here.
const winAnsiHighs = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'

function decodeWinAnsi(bytes: Buffer): string {
  return [...bytes]
    .map((byte) => (byte >= 0x80 && byte <= 0x9f ? winAnsiHighs[byte - 0x80] : String.fromCharCode(byte)))
    .join('')
}

/**
 * The text an uncompressed pdfkit PDF shows, one text-showing operation a line. pdfkit writes each
 * run as a TJ array of hex strings in WinAnsi, split wherever it kerns: `[<41> 70 <5641> 0] TJ`.
 */
function textOf(pdf: Buffer): string {
  const raw = pdf.toString('latin1')
  return [...raw.matchAll(/\[([^\]]*)\] TJ/g)]
    .map(([, array]) => {
      const hex = [...(array ?? '').matchAll(/<([0-9a-f]*)>/g)].map(([, run]) => run ?? '').join('')
      return decodeWinAnsi(Buffer.from(hex, 'hex'))
    })
    .join('\n')
}

/** The text with wrapped lines joined again, to find a sentence that wraps. */
function prose(text: string): string {
  return text.replace(/ *\n/g, ' ')
}

function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page(?!s)/g)?.length ?? 0
}

/** Each phrase somewhere in the text (a failure names the phrase missing). */
function expectAllIn(text: string, phrases: string[]) {
  for (const phrase of phrases) expect(text, phrase).toContain(phrase)
}

function occurrences(text: string, needle: string): number {
  return text.split(needle).length - 1
}

async function textOfStatement(overrides: StatementOverrides = {}, rest: Partial<StatementPdfInput> = {}) {
  return textOf(await statementPdf(statementInput(overrides, rest), { compress: false }))
}

function manyLines(count: number): StatementPdfLine[] {
  return Array.from({ length: count }, (_, day) => ({
    ...energyLine,
    from: new Date(Date.UTC(2026, 9, 1 + (day % 28))),
    to: new Date(Date.UTC(2026, 9, 2 + (day % 28))),
    description: `Agile unit, half-hour prices of day ${day + 1}, 8.250 kWh × average 21.3377p`,
  }))
}

describe('the statement PDF', () => {
  it('is a compressed PDF file from %PDF- to %%EOF', async () => {
    const pdf = await statementPdf(statementInput())

    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(pdf.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true)
    expect(pdf.toString('latin1')).toContain('/FlateDecode')
  })

  it('is the same byte for byte when made twice from the same input, compressed or not', async () => {
    const input = statementInput({ lines: manyLines(80) }, { duplicate: true })

    expect((await statementPdf(input)).equals(await statementPdf(input))).toBe(true)
    const plain = await statementPdf(input, { compress: false })
    expect(plain.equals(await statementPdf(input, { compress: false }))).toBe(true)
    // pdfkit writes the info dates as indirect objects: /CreationDate 12 0 R … 12 0 obj (D:…) endobj
    expect(occurrences(plain.toString('latin1'), '(D:20261102090000Z)')).toBe(2)
  })

  it('names the supplier, the statement, the account, the customer and the dates', async () => {
    const text = await textOfStatement()

    for (const expected of [
      'Good Egg Energy',
      'Statement',
      'S-00000042',
      'A-1F2E3D4C',
      'Mrs Eleanor Ashworth',
      '14 Mill Lane',
      'CB1 2AB',
      '1 Oct 2026 to 31 Oct 2026',
      '2 Nov 2026',
      '16 Nov 2026',
    ]) {
      expect(text).toContain(expected)
    }
  })

  it('shows the period in London dates across the spring clock change', async () => {
    const text = await textOfStatement({
      periodFrom: new Date('2026-03-01T00:00:00Z'),
      periodTo: new Date('2026-03-31T23:00:00Z'), // 1 April 00:00 BST
    })

    expect(text).toContain('1 Mar 2026 to 31 Mar 2026')
  })

  it('sums up the account: balance brought forward, payments, credits, charges and the balance now', async () => {
    const text = await textOfStatement({ openingBalanceMinor: 2500n, paymentsMinor: 9000n, creditsMinor: 500n })

    expectAllIn(text, [
      'Balance brought forward',
      '£25.00 to pay',
      '-£90.00',
      '-£5.00',
      "This statement's charges",
      '£80.71',
    ])
  })

  it('shows refunds and returned payments as adjustments that add to the balance (BIL-10)', async () => {
    // 25.00 + 80.71 − 90.00 − 5.00 + 30.00 (a returned Direct Debit) = 40.71 to pay
    const text = await textOfStatement({
      openingBalanceMinor: 2500n,
      paymentsMinor: 9000n,
      creditsMinor: 500n,
      adjustmentsMinor: 3000n,
      closingBalanceMinor: 4071n,
    })

    expect(text).toContain('Refunds, returned payments and other adjustments')
    expect(text).toContain('£30.00')
    expect(text).toContain('£40.71 to pay')
  })

  it('keeps the old summary for a statement issued before cut-offs were recorded', async () => {
    const text = await textOfStatement({ chargesMinor: null, adjustmentsMinor: null, creditsMinor: 500n })

    expect(text).toContain('Other credits and adjustments')
    expect(text).not.toContain('Refunds, returned payments')
    expect(text).toContain('£80.71') // the posted amount stands in for the charges
  })

  it('says a negative closing balance is in credit and a positive one is to pay', async () => {
    expect(await textOfStatement({ closingBalanceMinor: -929n })).toContain('£9.29 in credit')
    expect(await textOfStatement({ closingBalanceMinor: 4218n })).toContain('£42.18 to pay')
  })

  it('states any closing balance exactly, never through floating point', async () => {
    await fc.assert(
      fc.asyncProperty(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), async (closing) => {
        const text = await textOfStatement({ closingBalanceMinor: closing })
        const magnitude = formatMoney(money(closing < 0n ? -closing : closing, 'GBP'))
        const expected = closing < 0n ? `${magnitude} in credit` : closing > 0n ? `${magnitude} to pay` : magnitude
        expect(text).toContain(expected)
      }),
      { numRuns: 25 },
    )
  })

  it("breaks the charges down by meter point and tariff with each line's quantity, rate and amount", async () => {
    const gas: StatementPdfLine = {
      ...energyLine,
      identifier: '7654321',
      tariffCode: 'G-1R-VAR-22-11-01-A',
      quantity: '412.250',
      ratePence: '6.1200',
      amountMinor: 2523n,
      description: 'Gas 412.250 kWh × 6.1200p',
    }
    const text = await textOfStatement({ lines: [energyLine, gas, standingLine] })

    expect(occurrences(text, 'Electricity, MPAN 1010000000000, tariff E-1R-VAR-22-11-01-A')).toBe(2) // heading, subtotal
    expect(occurrences(text, 'Gas, MPRN 7654321, tariff G-1R-VAR-22-11-01-A')).toBe(1)
    for (const expected of [
      'Standard unit 250.500 kWh × 24.5000p',
      '250.500 kWh',
      '24.5000p/kWh',
      '£61.37',
      '31 days',
      '50.0000p/day',
      '£15.50',
      '1 Oct – 30 Oct 2026',
      '412.250 kWh',
      '6.1200p/kWh',
      '£25.23',
      '£76.87', // the electricity subtotal
    ]) {
      expect(text).toContain(expected)
    }
  })

  it('shows the charges before VAT, the VAT and the total', async () => {
    const text = await textOfStatement()

    expect(text).toContain('Charges before VAT\n£76.87')
    expect(text).toContain('VAT at 5%\n£3.84')
    expect(text).toContain('Total charges including VAT\n£80.71')
  })

  it('explains a backbilling write-off with its reason', async () => {
    const reason = 'energy used more than 12 months ago is written off: charging it would put the account into debit'
    const text = await textOfStatement({
      writeoffMinor: 1200n,
      postedMinor: 6871n,
      lines: [
        energyLine,
        standingLine,
        {
          ...energyLine,
          identifier: null,
          tariffCode: null,
          kind: 'backbilling_writeoff',
          rateKind: null,
          ratePence: null,
          vatPercent: '0',
          amountMinor: -1200n,
          description: `Backbilling: energy used before 2025-10-01 written off — ${reason}`,
        },
      ],
      explanation: { estimated: false, backbilling: { reason, writeoffMinor: '1200' } },
    })

    expect(text).toContain('Backbilling write-off (see below)\n-£12.00')
    expect(text).toContain("This statement's charges\n£68.71")
    expect(text).toContain('Energy used more than 12 months ago')
    expect(text).toContain('We have written off £12.00 of charges.')
    expect(prose(text)).toContain('charging it would put the account into debit')
    expect(text).not.toContain('Other charges') // the write-off is not a supply's line
  })

  it('notes estimated consumption and the comparison with the previous statement', async () => {
    const summary = '£3.10 more than the previous statement (before VAT): £3.10 more from the energy used.'
    const text = await textOfStatement({ explanation: { estimated: true, comparison: { summary } } })

    expect(text).toContain('Estimated')
    expect(prose(text)).toContain('£3.10 more than the previous statement (before VAT)')
  })

  it('says neither "Estimated" nor "DUPLICATE" when neither applies', async () => {
    const text = await textOfStatement()

    expect(text).not.toContain('Estimated')
    expect(text).not.toContain('DUPLICATE')
  })

  it('titles a final statement and states its refund or the amount to pay', async () => {
    const refund = await textOfStatement({ kind: 'final', settlement: { kind: 'refund', amountMinor: 929n } })
    expect(refund).toContain('Final statement')
    expect(refund).toContain('A refund of £9.29')

    const payment = await textOfStatement({
      kind: 'corrected_final',
      replacesNumber: 'S-00000040',
      settlement: { kind: 'payment_request', amountMinor: 1234n },
    })
    expect(payment).toContain('Corrected final statement (replaces S-00000040)')
    expect(payment).toContain('£12.34 to pay.')
  })

  it('titles a rebill with the statement it replaces and takes off what that one charged', async () => {
    const text = await textOfStatement({
      kind: 'rebill',
      version: 2,
      replacesNumber: 'S-00000041',
      postedMinor: 1071n,
    })

    expect(text).toContain('Rebilled statement (replaces S-00000041)')
    expect(text).toContain('Already charged on S-00000041\n-£70.00')
    expect(text).toContain("This statement's charges\n£10.71")
  })

  it('marks every page of a duplicate with DUPLICATE and the date it was made', async () => {
    const pdf = await statementPdf(statementInput({ lines: manyLines(120) }, { duplicate: true }), {
      compress: false,
    })
    const text = textOf(pdf)

    expect(pageCount(pdf)).toBeGreaterThan(1)
    expect(occurrences(text, 'DUPLICATE · copy made on 2 Nov 2026')).toBe(pageCount(pdf))
  })

  it('runs a 300-line breakdown onto further pages, numbered, with the column headings repeated', async () => {
    const pdf = await statementPdf(statementInput({ lines: manyLines(300) }), { compress: false })
    const text = textOf(pdf)
    const pages = pageCount(pdf)

    expect(pages).toBeGreaterThan(1)
    expect(text).toContain(`Page 1 of ${pages}`)
    expect(text).toContain(`Page ${pages} of ${pages}`)
    expect(occurrences(text, 'E-1R-VAR-22-11-01-A (continued)')).toBe(pages - 1)
    expect(text).toContain('half-hour prices of day 300')
  })

  it('writes letters the built-in fonts lack as their plain look-alikes, keeping the rest of the line', async () => {
    const pdf = await statementPdf(
      statementInput({}, { account: { ...statementInput().account, customerName: 'Łucja Żółć-Nowak' } }),
      { compress: false },
    )

    expect(textOf(pdf)).toContain('Lucja Zólc-Nowak')
    for (const [, hex] of pdf.toString('latin1').matchAll(/<([0-9a-f]*)>/g)) expect((hex ?? '').length % 2).toBe(0)
  })

  it('says a held statement is not issued and leaves its balance until it is', async () => {
    const text = await textOfStatement({
      status: 'held',
      issuedAt: null,
      dueOn: null,
      openingBalanceMinor: null,
      chargesMinor: null,
      paymentsMinor: null,
      creditsMinor: null,
      adjustmentsMinor: null,
      closingBalanceMinor: null,
    })

    expect(text).toContain('Not issued: held for review')
    expect(text).toContain('Not yet issued')
    expect(text).toContain('worked out when the statement is issued')
    expect(text).not.toContain('in credit')
  })

  it('carries what a UK bill must: the supply, its tariff and term, meters and readings, the year ahead and the TCR', async () => {
    const supply: StatementPdfSupply = {
      identifier: '1010000000000',
      fuel: 'electricity',
      direction: 'import',
      productName: 'Fixed Egg 12M',
      tariffCode: 'E-1R-FIX-12M-26-01-01-A',
      tariffEndsOn: '2027-06-30',
      exitFeeMinor: 2500n,
      meterSerials: ['E12A345678'],
      billedFrom: 'readings',
      readings: [
        {
          register: 'S',
          unit: 'kWh',
          from: { value: '10250.5', on: '2026-10-01', estimated: false },
          to: { value: '10501.0', on: '2026-11-01', estimated: true },
        },
      ],
      annualKwh: '2950',
      projectedAnnualCostMinor: 91_234n,
      tariffComparisonRate: '32.82',
      tariffComparisonBasis: '2,500 kWh a year',
      cheaperTariff: { productName: 'Flexible Egg', annualCostMinor: 88_000n, savingMinor: 3_234n },
    }
    const gas: StatementPdfSupply = {
      ...supply,
      identifier: '3000000000',
      fuel: 'gas',
      productName: 'Variable Egg',
      tariffCode: 'G-1R-VAR-22-11-01-A',
      tariffEndsOn: null,
      exitFeeMinor: 0n,
      meterSerials: ['G4A1234567'],
      readings: [
        { register: 'S', unit: 'm3', from: { value: '4010.0', on: '2026-10-01', estimated: false }, to: null },
      ],
      annualKwh: null,
      projectedAnnualCostMinor: null,
      tariffComparisonRate: null,
      tariffComparisonBasis: null,
      cheaperTariff: null,
    }
    const text = prose(await textOfStatement({}, { supplies: [supply, gas] }))
    expectAllIn(text, [
      'Your supply',
      'Electricity, MPAN 1010000000000',
      'Tariff: Fixed Egg 12M (E-1R-FIX-12M-26-01-01-A)',
      'Fixed until 30 Jun 2027; an exit fee of £25.00 applies if you leave before then',
      'Meter serial number: E12A345678',
      '10250.5 on 1 Oct 2026 (actual)',
      '10501.0 on 1 Nov 2026 (estimated)',
      'Your estimated annual consumption: 2,950 kWh',
      "What a year would cost at today's prices, VAT included: £912.34",
      'Tariff Comparison Rate: 32.82p/kWh (VAT included, at a typical consumption of 2,500 kWh a year;',
      'Previous reading',
      'This reading',
    ])
    expect(text).not.toContain('half-hourly')
    expect(text).toContain(
      'You could pay less: on our Flexible Egg tariff the same use would cost about £880.00 a year, £32.34 less.',
    )
    expect(occurrences(text, 'You could pay less')).toBe(1)
    expect(text).toContain('Gas, MPRN 3000000000')
    expect(text).toContain('No end date; no exit fee')
    expect(text).toContain('cubic metres')
  })

  it('shows a half-hourly supply’s register reads nearest the period’s ends, or says it is billed from half-hourly data', async () => {
    const smart: StatementPdfSupply = {
      identifier: '1010000000001',
      fuel: 'electricity',
      direction: 'import',
      productName: 'Egg Go',
      tariffCode: 'E-1R-GO-22-10-01-A',
      tariffEndsOn: null,
      exitFeeMinor: 0n,
      meterSerials: ['21E0000001'],
      billedFrom: 'half_hourly',
      readings: [
        {
          register: 'S',
          unit: 'kWh',
          from: { value: '05210.0', on: '2026-05-31', estimated: false },
          to: { value: '05402.5', on: '2026-06-09', estimated: true },
        },
      ],
      annualKwh: '3000',
      projectedAnnualCostMinor: 70_000n,
      tariffComparisonRate: '29.76',
      tariffComparisonBasis: '2,500 kWh a year, used evenly through the day',
      cheaperTariff: null,
    }
    const withReads = prose(await textOfStatement({}, { supplies: [smart] }))
    expectAllIn(withReads, [
      "Billed from your smart meter's half-hourly data; the meter readings nearest the start and end of the period are below",
      'Reading near the start',
      'Reading near the end',
      '05210.0 on 31 May 2026 (actual)',
      '05402.5 on 9 Jun 2026 (estimated)',
      'Tariff Comparison Rate: 29.76p/kWh (VAT included, at a typical consumption of 2,500 kWh a year, used evenly through the day;',
    ])
    const withoutReads = prose(await textOfStatement({}, { supplies: [{ ...smart, readings: [] }] }))
    expect(withoutReads).toContain(
      "Billed from your smart meter's half-hourly data: the meter sent no register readings near this period",
    )
    expect(withoutReads).not.toContain('Reading near the start')
  })

  it('names the supplier in full, how to pay, the ombudsman and the emergency numbers', async () => {
    const text = prose(await textOfStatement())
    expect(text).toContain(
      '1 Albumen Yard, Cambridge, CB1 1AA · 0808 157 0192 · hello@goodegg.example · www.goodegg.example',
    )
    expect(text).toContain(
      'Please pay by 16 Nov 2026: online at www.goodegg.example, by phone on 0808 157 0192, or by bank transfer quoting your account number.',
    )
    expectAllIn(text, [
      'Energy Ombudsman',
      'www.energyombudsman.org',
      'Power cut: call 105',
      '0800 111 999',
      'Good Egg Energy Ltd; company number 12345678; VAT number GB 123 4567 89.',
    ])
    const fixed = prose(
      await textOfStatement({}, { payment: { kind: 'direct_debit', amountMinor: 9_500n, paymentDay: 1 } }),
    )
    expect(fixed).toContain('You pay £95.00 by Direct Debit on the 1st of each month.')
    const variable = prose(
      await textOfStatement({}, { payment: { kind: 'direct_debit', amountMinor: null, paymentDay: 22 } }),
    )
    expect(variable).toContain('We collect the balance of each statement by Direct Debit on the 22nd of the month')
  })

  it('refuses a due date that is not a date', async () => {
    await expect(statementPdf(statementInput({ dueOn: '16/11/2026' }))).rejects.toThrow(InvalidLocalDate)
  })
})
