import { inflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { type StatementPdfInput, statementPdf } from './statement-pdf.js'

function input(overrides: Partial<StatementPdfInput['statement']> = {}, duplicate = false): StatementPdfInput {
  const line = {
    identifier: '1010000000000',
    tariffCode: 'E-1R-VAR-22-11-01-A',
    kind: 'energy',
    from: new Date('2026-09-30T23:00:00Z'),
    to: new Date('2026-11-01T00:00:00Z'),
    quantity: '250.500',
    unit: 'kWh',
    ratePence: '24.5000',
    vatPercent: '5',
    amountMinor: 6137n,
    description: 'Unit rate 250.500 kWh × 24.5000p',
  }
  return {
    supplierName: 'Good Egg Energy',
    duplicate,
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
      paymentsMinor: 9000n,
      creditsMinor: 0n,
      closingBalanceMinor: -929n,
      dueOn: '2026-11-16',
      issuedAt: new Date('2026-11-02T09:00:00Z'),
      lines: [
        line,
        {
          ...line,
          kind: 'standing_charge',
          quantity: '31',
          unit: 'day',
          ratePence: '50.0000',
          amountMinor: 1550n,
          description: 'Standing charge 31 days × 50.0000p',
        },
      ],
      explanation: {
        estimated: false,
        comparison: { summary: '£3.10 more than the previous statement (before VAT).' },
      },
      settlement: null,
      ...overrides,
    },
  }
}

/** The text a PDF shows: pdfkit writes each run as hex glyph codes inside TJ arrays, in streams. */
function textOf(pdf: Buffer): string {
  const raw = pdf.toString('latin1')
  let streams = ''
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)endstream/g)) {
    const body = Buffer.from(match[1] ?? '', 'latin1')
    try {
      streams += inflateSync(body).toString('latin1')
    } catch {
      streams += body.toString('latin1')
    }
  }
  return [...streams.matchAll(/<([0-9a-f]+)>/g)]
    .map((hex) => Buffer.from(hex[1] ?? '', 'hex').toString('latin1'))
    .join('')
}

describe('the statement PDF', () => {
  it('is a PDF with the statement, the account, the breakdown and the balance', async () => {
    const pdf = await statementPdf(input())
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect(pdf.subarray(-6).toString()).toContain('%%EOF')
    const text = textOf(pdf)
    for (const expected of [
      'S-00000042',
      'A-1F2E3D4C',
      'Unit rate 250.500 kWh',
      '£80.71',
      '£9.29 in credit',
      '£3.10 more',
    ]) {
      expect(text).toContain(expected)
    }
    expect(text).not.toContain('DUPLICATE')
  })

  it('is the same, byte for byte, when made twice', async () => {
    expect((await statementPdf(input())).equals(await statementPdf(input()))).toBe(true)
  })

  it('marks a duplicate on every page', async () => {
    const text = textOf(await statementPdf(input({}, true)))
    expect(text).toContain('DUPLICATE made 2 Nov 2026')
  })

  it('explains a backbilling write-off and a final refund', async () => {
    const text = textOf(
      await statementPdf(
        input({
          kind: 'final',
          writeoffMinor: 1200n,
          explanation: {
            estimated: true,
            backbilling: { reason: 'charging it would put the account into debit', writeoffMinor: '1200' },
          },
          settlement: { kind: 'refund', amountMinor: 929n },
        }),
      ),
    )
    expect(text).toContain('Final statement')
    expect(text).toContain('charging it would put the account into debit')
    expect(text).toContain('we are refunding £9.29')
    expect(text).toContain('Estimated')
  })

  it('runs a long breakdown onto more pages, numbered', async () => {
    const many = Array.from({ length: 300 }, (_, i) => ({
      ...input().statement.lines[0]!,
      description: `Half-hourly prices day ${i}`,
    }))
    const pdf = await statementPdf(input({ lines: many }))
    const pages = pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []
    expect(pages.length).toBeGreaterThan(3)
    expect(textOf(pdf)).toContain(`Page 1 of ${pages.length}`)
  })
})
