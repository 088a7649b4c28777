/**
 * A statement as a PDF (BIL-2): the account summary, the breakdown by meter point with quantities,
 * rates and amounts, VAT, the backbilling write-off and the comparison with the previous statement;
 * a duplicate is marked on every page. Built in memory with pdfkit's own fonts; deterministic (the
 * document's dates are the statement's).
 */
import PDFDocument from 'pdfkit'
import { type Currency, formatMoney, money } from '../../shared/money.js'
import { addDays, localDateOf } from '../../shared/time.js'

export interface StatementPdfInput {
  readonly supplierName: string
  readonly duplicate: boolean
  /** The document's creation date; for a duplicate also printed on it. */
  readonly generatedAt: Date
  readonly account: {
    readonly number: string
    readonly customerName: string
    readonly addressLines: readonly string[]
    readonly postcode: string
  }
  readonly statement: {
    readonly number: string
    readonly kind: 'periodic' | 'final' | 'rebill' | 'corrected_final'
    readonly status: string
    readonly periodFrom: Date
    readonly periodTo: Date
    readonly version: number
    readonly replacesNumber: string | null
    readonly currency: Currency
    readonly netMinor: bigint
    readonly vatMinor: bigint
    readonly totalMinor: bigint
    readonly writeoffMinor: bigint
    readonly postedMinor: bigint
    readonly openingBalanceMinor: bigint | null
    readonly paymentsMinor: bigint | null
    readonly creditsMinor: bigint | null
    readonly closingBalanceMinor: bigint | null
    readonly dueOn: string | null
    readonly issuedAt: Date | null
    readonly lines: readonly {
      readonly identifier: string | null
      readonly tariffCode: string | null
      readonly kind: string
      readonly from: Date
      readonly to: Date
      readonly quantity: string
      readonly unit: string
      readonly ratePence: string | null
      readonly vatPercent: string
      readonly amountMinor: bigint
      readonly description: string
    }[]
    readonly explanation: {
      readonly estimated: boolean
      readonly comparison?: { readonly summary: string } | undefined
      readonly backbilling?: { readonly reason: string; readonly writeoffMinor: string } | undefined
    }
    readonly settlement: { readonly kind: 'refund' | 'payment_request' | 'none'; readonly amountMinor: bigint } | null
  }
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** '2026-10-01' → '1 Oct 2026'. */
export function longDate(date: string): string {
  return `${Number(date.slice(8, 10))} ${months[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`
}

const titles = {
  periodic: 'Statement',
  final: 'Final statement',
  rebill: 'Rebilled statement',
  corrected_final: 'Corrected final statement',
} as const

export async function statementPdf(input: StatementPdfInput, options: { compress?: boolean } = {}): Promise<Buffer> {
  const { statement, account } = input
  const cash = (minor: bigint) => formatMoney(money(minor, statement.currency))
  const balance = (minor: bigint | null) =>
    minor === null ? '—' : minor < 0n ? `${cash(-minor)} in credit` : minor > 0n ? `${cash(minor)} to pay` : cash(0n)
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    bufferPages: true,
    compress: options.compress ?? true,
    info: {
      Title: `${titles[statement.kind]} ${statement.number}`,
      Author: input.supplierName,
      CreationDate: input.generatedAt,
      ModDate: input.generatedAt,
    },
  })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const ended = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  const left = doc.page.margins.left
  const width = doc.page.width - left - doc.page.margins.right
  const ensureRoom = (height: number) => {
    if (doc.y + height > doc.page.height - doc.page.margins.bottom - 30) doc.addPage()
  }
  const row = (cells: [string, number, 'left' | 'right'][], bold = false) => {
    ensureRoom(16)
    const y = doc.y
    let x = left
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9)
    for (const [text, share, align] of cells) {
      const cellWidth = width * share
      doc.text(text, x, y, { width: cellWidth - 6, align, lineBreak: false, ellipsis: true })
      x += cellWidth
    }
    doc.x = left
    doc.y = y + 14
  }

  doc.font('Helvetica-Bold').fontSize(18).text(input.supplierName)
  doc.moveDown(0.3)
  const title =
    statement.kind === 'rebill' && statement.replacesNumber
      ? `${titles.rebill} (replaces ${statement.replacesNumber})`
      : statement.kind === 'corrected_final' && statement.replacesNumber
        ? `${titles.corrected_final} (replaces ${statement.replacesNumber})`
        : titles[statement.kind]
  doc.fontSize(14).text(`${title} ${statement.number}`)
  doc.moveDown(0.5)
  doc.font('Helvetica').fontSize(10)
  doc.text(account.customerName)
  for (const line of account.addressLines) doc.text(line)
  doc.text(account.postcode)
  doc.moveDown(0.5)
  doc.text(`Account number: ${account.number}`)
  doc.text(
    `Period: ${longDate(localDateOf(statement.periodFrom))} to ${longDate(addDays(localDateOf(statement.periodTo), -1))}`,
  )
  if (statement.issuedAt) doc.text(`Issued: ${longDate(localDateOf(statement.issuedAt))}`)
  if (statement.dueOn) doc.text(`Due: ${longDate(statement.dueOn)}`)
  if (statement.status === 'held') doc.text('Held for review: not yet issued')
  if (statement.explanation.estimated) doc.text('Estimated: some of the energy on this statement is estimated.')

  doc.moveDown(0.8)
  doc.font('Helvetica-Bold').fontSize(12).text('Your account')
  doc.moveDown(0.3)
  const summary: [string, string][] = [
    ['Balance brought forward', balance(statement.openingBalanceMinor)],
    ['Payments received', statement.paymentsMinor === null ? '—' : cash(statement.paymentsMinor)],
    ['Other credits and charges', statement.creditsMinor === null ? '—' : cash(-statement.creditsMinor)],
    ['Charges on this statement', cash(statement.postedMinor)],
    ['Balance', balance(statement.closingBalanceMinor)],
  ]
  for (const [label, value] of summary)
    row(
      [
        [label, 0.7, 'left'],
        [value, 0.3, 'right'],
      ],
      label === 'Balance',
    )

  doc.moveDown(0.8)
  doc.font('Helvetica-Bold').fontSize(12).text('How your charges were worked out')
  const points = [...new Set(statement.lines.map((line) => line.identifier ?? ''))]
  for (const identifier of points) {
    const lines = statement.lines.filter((line) => (line.identifier ?? '') === identifier)
    doc.moveDown(0.4)
    ensureRoom(40)
    const tariffs = [...new Set(lines.map((line) => line.tariffCode).filter(Boolean))].join(', ')
    doc
      .font('Helvetica-Bold')
      .fontSize(10)
      .text(identifier ? `Supply ${identifier}${tariffs ? ` — ${tariffs}` : ''}` : 'Adjustments')
    row(
      [
        ['Description', 0.46, 'left'],
        ['Dates', 0.22, 'left'],
        ['Quantity', 0.16, 'right'],
        ['Amount', 0.16, 'right'],
      ],
      true,
    )
    for (const line of lines) {
      const last = localDateOf(new Date(line.to.getTime() - 1))
      row([
        [line.description, 0.46, 'left'],
        [`${localDateOf(line.from)} – ${last}`, 0.22, 'left'],
        [`${line.quantity} ${line.unit === 'day' ? 'days' : line.unit}`, 0.16, 'right'],
        [cash(line.amountMinor), 0.16, 'right'],
      ])
    }
  }
  doc.moveDown(0.6)
  row([
    ['Charges before VAT', 0.84, 'left'],
    [cash(statement.netMinor), 0.16, 'right'],
  ])
  row([
    ['VAT', 0.84, 'left'],
    [cash(statement.vatMinor), 0.16, 'right'],
  ])
  row(
    [
      ['Total charges', 0.84, 'left'],
      [cash(statement.totalMinor), 0.16, 'right'],
    ],
    true,
  )
  if (statement.writeoffMinor > 0n) {
    row(
      [
        ['Backbilling write-off', 0.84, 'left'],
        [cash(-statement.writeoffMinor), 0.16, 'right'],
      ],
      true,
    )
  }

  if (statement.explanation.backbilling && statement.writeoffMinor > 0n) {
    doc.moveDown(0.6)
    ensureRoom(40)
    doc.font('Helvetica-Bold').fontSize(10).text('Energy used more than 12 months ago')
    doc.font('Helvetica').fontSize(9).text(statement.explanation.backbilling.reason, { width })
  }
  if (statement.explanation.comparison) {
    doc.moveDown(0.6)
    ensureRoom(40)
    doc.font('Helvetica-Bold').fontSize(10).text('Compared with your last statement')
    doc.font('Helvetica').fontSize(9).text(statement.explanation.comparison.summary, { width })
  }
  if (statement.settlement && statement.settlement.kind !== 'none') {
    doc.moveDown(0.6)
    ensureRoom(30)
    doc
      .font('Helvetica-Bold')
      .fontSize(10)
      .text(
        statement.settlement.kind === 'refund'
          ? `Final balance: we are refunding ${cash(statement.settlement.amountMinor)}.`
          : `Final balance: ${cash(statement.settlement.amountMinor)} to pay.`,
      )
  }

  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    // Writing below the bottom margin would start a new page: the footer lifts it for a moment.
    const margin = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    const bottom = doc.page.height - 40
    doc
      .font('Helvetica')
      .fontSize(8)
      .text(`${statement.number} · Page ${i + 1} of ${range.count}`, left, bottom, {
        width,
        align: 'center',
        lineBreak: false,
      })
    if (input.duplicate) {
      doc
        .font('Helvetica-Bold')
        .fontSize(10)
        .text(`DUPLICATE made ${longDate(localDateOf(input.generatedAt))}`, left, 30, {
          width,
          align: 'right',
          lineBreak: false,
        })
    }
    doc.page.margins.bottom = margin
  }
  doc.end()
  return ended
}
