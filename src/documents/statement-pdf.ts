/**
 * A statement as a PDF (BIL-2): who it is for, the account summary with its running balance, the
 * breakdown by meter point and tariff (quantity, rate, amount), VAT, the backbilling write-off, the
 * comparison with the previous statement and a final statement's settlement. A duplicate carries a
 * "DUPLICATE" mark and the date it was made on every page.
 *
 * Built in memory with pdfkit's built-in Helvetica, so nothing is read from or written to disk. The
 * output is deterministic: the document's dates are `generatedAt`, and nothing else varies.
 */
import PDFDocument from 'pdfkit'
import type * as billing from '../modules/billing/index.js'
import { type Currency, formatMoney, money } from '../shared/money.js'
import { bytesOf } from '../shared/stream-bytes.js'
import { InvalidLocalDate, isLocalDate, localDateOf } from '../shared/time.js'

/** A statement line as printed: billing's line without its internal references and source. */
export type StatementPdfLine = Omit<billing.StatementLine, 'position' | 'meterPointId' | 'agreementId' | 'source'>

/** A reading a statement was billed from or to, as printed: its value, local date and whether estimated. */
export interface StatementPdfReading {
  readonly value: string
  readonly on: string
  readonly estimated: boolean
}

/** One supply on the statement, as the bill describes it (Ofgem's bill content). */
export interface StatementPdfSupply {
  readonly identifier: string
  readonly fuel: 'electricity' | 'gas'
  readonly direction: 'import' | 'export'
  /** The product's name as the customer knows it, with the tariff code beside it. */
  readonly productName: string | null
  readonly tariffCode: string | null
  /** The last day of a fixed term (local date), or null for a tariff with no end date. */
  readonly tariffEndsOn: string | null
  /** The fee for leaving the fixed term early, per fuel; 0 for none. */
  readonly exitFeeMinor: bigint
  readonly meterSerials: readonly string[]
  /**
   * What the energy was billed from: register readings (the readings are those it was billed between)
   * or half-hourly smart data (the readings are the meter's register reads nearest the period's ends,
   * shown because a bill must show meter readings; none when the meter sent none).
   */
  readonly billedFrom: 'readings' | 'half_hourly'
  readonly readings: readonly {
    readonly register: string
    readonly unit: string
    readonly from: StatementPdfReading | null
    readonly to: StatementPdfReading | null
  }[]
  /** kWh a year, and a year at today's prices with VAT; null where there is no use to go on. */
  readonly annualKwh: string | null
  readonly projectedAnnualCostMinor: bigint | null
  /** Pence per kWh with VAT at a typical consumption, 2 places: the tariff's, not this customer's use. */
  readonly tariffComparisonRate: string | null
  /** What the rate assumes, in words: '2,500 kWh a year', '3,400 kWh a year, 58% day and 42% night'. */
  readonly tariffComparisonBasis: string | null
  /** The supplier's cheapest tariff that would cost less on the same use, when one would. */
  readonly cheaperTariff: {
    readonly productName: string
    readonly annualCostMinor: bigint
    readonly savingMinor: bigint
  } | null
}

/** How the account pays: by Direct Debit (a fixed amount, or the balance when null) on a day of the month, or on receipt. */
export type StatementPdfPayment =
  | { readonly kind: 'direct_debit'; readonly amountMinor: bigint | null; readonly paymentDay: number }
  | { readonly kind: 'on_receipt' }

/** What every bill says of the supplier ('' where not set: left off). */
export interface StatementPdfSupplier {
  readonly legalName: string
  readonly address: string
  readonly phone: string
  readonly email: string
  readonly website: string
  readonly companyNumber: string
  readonly vatNumber: string
}

export interface StatementPdfInput {
  readonly supplierName: string
  readonly supplier: StatementPdfSupplier
  /** The market profile: which regulator, ombudsman and emergency numbers the bill names. */
  readonly market: 'gb' | 'us'
  readonly supplies: readonly StatementPdfSupply[]
  readonly payment: StatementPdfPayment
  /** A copy made on request: every page says "DUPLICATE" and the date it was made. */
  readonly duplicate: boolean
  /** When this PDF was made: the duplicate's date and the document's CreationDate/ModDate. */
  readonly generatedAt: Date
  readonly account: {
    readonly number: string
    readonly customerName: string
    readonly addressLines: readonly string[]
    readonly postcode: string
  }
  /** The statement's own figures as billing keeps them, with its currency, lines and explanation for print. */
  readonly statement: Pick<
    billing.StatementDetail,
    | 'number'
    | 'kind'
    | 'periodFrom'
    | 'periodTo'
    | 'version'
    | 'netMinor'
    | 'vatMinor'
    | 'totalMinor'
    | 'writeoffMinor'
    | 'postedMinor'
    | 'openingBalanceMinor'
    | 'chargesMinor'
    | 'paymentsMinor'
    | 'creditsMinor'
    | 'adjustmentsMinor'
    | 'closingBalanceMinor'
    | 'dueOn'
    | 'issuedAt'
    | 'settlement'
  > & {
    readonly status: string
    readonly replacesNumber: string | null
    readonly currency: Currency
    readonly lines: readonly StatementPdfLine[]
    readonly explanation: {
      readonly comparison?: { readonly summary: string } | undefined
      readonly backbilling?: { readonly reason: string; readonly writeoffMinor: string } | undefined
      readonly estimated: boolean
    }
  }
}

export interface StatementPdfOptions {
  /** Deflate the page streams (default). Tests turn it off to read the text back. */
  readonly compress?: boolean
}

/**
 * Render a statement, or a duplicate of one, as PDF bytes.
 * @throws InvalidInstant for an invalid date, InvalidLocalDate for a due date not written YYYY-MM-DD,
 *   UnsupportedCurrency for an unknown currency
 */
export async function statementPdf(input: StatementPdfInput, options: StatementPdfOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 50, bottom: 64, left: 50, right: 50 },
    bufferPages: true,
    compress: options.compress ?? true,
    info: {
      Title: `${titleOf(input.statement)} ${input.statement.number}`,
      Author: input.supplierName,
      Subject: `Account ${input.account.number}`,
      Creator: 'Cuttle',
      CreationDate: input.generatedAt,
      ModDate: input.generatedAt,
    },
  })
  const ended = bytesOf(doc)

  const sheet: Sheet = {
    doc,
    left: doc.page.margins.left,
    width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
    cash: (minor) => formatMoney(money(minor, input.statement.currency)),
    continuation: null,
  }
  heading(sheet, input)
  accountSummary(sheet, input.statement)
  howYouPay(sheet, input)
  supplies(sheet, input)
  breakdown(sheet, input.statement)
  notes(sheet, input.statement)
  help(sheet, input)
  markPages(sheet, input)
  doc.end()
  return ended
}

// ——— layout ———

interface Sheet {
  readonly doc: PDFKit.PDFDocument
  readonly left: number
  readonly width: number
  readonly cash: (minor: bigint) => string
  /** Drawn at the top of each new page while a table runs on (its column headings). */
  continuation: (() => void) | null
}

type Align = 'left' | 'right'
type Column = { readonly share: number; readonly align: Align }

const regular = 'Helvetica'
const bold = 'Helvetica-Bold'
const cellGap = 6

/** Start a new page unless `height` more points fit above the footer. */
function ensureRoom(sheet: Sheet, height: number): void {
  const { doc } = sheet
  if (doc.y + height <= doc.page.height - doc.page.margins.bottom) return
  doc.addPage()
  sheet.continuation?.()
}

/** One table row; cells wrap, and the row moves whole to the next page when it does not fit. */
function row(sheet: Sheet, columns: readonly Column[], cells: readonly string[], style: { bold?: boolean } = {}): void {
  const { doc, left, width } = sheet
  const font = () => doc.font(style.bold ? bold : regular).fontSize(8.5)
  const texts = cells.map(printable)
  font()
  const heights = texts.map((text, i) => doc.heightOfString(text, { width: width * columns[i]!.share - cellGap }))
  const height = Math.max(...heights)
  ensureRoom(sheet, height + 3)
  font() // a new page's headings may have changed it
  const y = doc.y
  let x = left
  texts.forEach((text, i) => {
    const column = columns[i]!
    doc.text(text, x, y, { width: width * column.share - cellGap, align: column.align })
    x += width * column.share
  })
  doc.x = left
  doc.y = y + height + 3
}

function rule(sheet: Sheet): void {
  const { doc, left, width } = sheet
  doc
    .moveTo(left, doc.y)
    .lineTo(left + width, doc.y)
    .lineWidth(0.5)
    .strokeColor('#999999')
    .stroke()
  doc.y += 3
}

function sectionTitle(sheet: Sheet, title: string, roomAfter: number): void {
  const { doc } = sheet
  doc.moveDown(0.8)
  ensureRoom(sheet, 18 + roomAfter)
  doc.font(bold).fontSize(12).text(printable(title), sheet.left)
  doc.moveDown(0.3)
}

function paragraph(sheet: Sheet, title: string, body: string): void {
  const { doc, left, width } = sheet
  doc.moveDown(0.6)
  doc.font(regular).fontSize(9)
  ensureRoom(sheet, 14 + doc.heightOfString(printable(body), { width }))
  doc.font(bold).fontSize(10).text(printable(title), left, doc.y, { width })
  doc.font(regular).fontSize(9).text(printable(body), left, doc.y, { width })
}

// ——— sections ———

const titles = {
  periodic: 'Statement',
  final: 'Final statement',
  rebill: 'Rebilled statement',
  corrected_final: 'Corrected final statement',
} as const

function titleOf(statement: StatementPdfInput['statement']): string {
  const title = titles[statement.kind]
  return statement.replacesNumber ? `${title} (replaces ${statement.replacesNumber})` : title
}

/** Only statements that never reached the customer as they are say so. */
const statusNotes: Readonly<Record<string, string>> = {
  held: 'Not issued: held for review by our billing team.',
  rejected: 'Not issued: this statement was rejected.',
  superseded: 'Replaced by a later version of this statement.',
}

function heading(sheet: Sheet, { supplierName, supplier, account, statement }: StatementPdfInput): void {
  const { doc, left, width } = sheet
  doc.font(bold).fontSize(18).text(printable(supplierName), left, doc.page.margins.top, { width })
  const contact = [supplier.address, supplier.phone, supplier.email, supplier.website].filter(Boolean).join(' · ')
  if (contact)
    doc.font(regular).fontSize(8.5).fillColor('#555555').text(printable(contact), { width }).fillColor('black')
  doc.moveDown(0.2)
  doc.fontSize(14).text(printable(titleOf(statement)), { width })
  const note = statusNotes[statement.status]
  if (note) doc.font(regular).fontSize(10).fillColor('#b00020').text(note, { width }).fillColor('black')
  doc.moveDown(0.8)

  const top = doc.y
  doc.font(regular).fontSize(10)
  for (const line of [account.customerName, ...account.addressLines, account.postcode]) {
    doc.text(printable(line), left, doc.y, { width: width * 0.5 - cellGap })
  }
  const addressBottom = doc.y

  const periodTo = lastLocalDayOf(statement.periodTo)
  const details: [string, string][] = [
    ['Statement number', statement.number],
    ...(statement.version > 1 ? [['Version', String(statement.version)] as [string, string]] : []),
    ['Account number', account.number],
    ['Period', `${dayMonthYear(localDateOf(statement.periodFrom))} to ${dayMonthYear(periodTo)}`],
    ['Issued', statement.issuedAt ? dayMonthYear(localDateOf(statement.issuedAt)) : 'Not yet issued'],
    ...(statement.dueOn ? [['Payment due', dayMonthYear(statement.dueOn)] as [string, string]] : []),
  ]
  doc.y = top
  const columns: Column[] = [
    { share: 0.5, align: 'left' },
    { share: 0.2, align: 'left' },
    { share: 0.3, align: 'right' },
  ]
  for (const [label, value] of details) row(sheet, columns, ['', label, value])
  doc.y = Math.max(doc.y, addressBottom)
}

function balanceText(sheet: Sheet, minor: bigint): string {
  if (minor < 0n) return `${sheet.cash(-minor)} in credit`
  if (minor > 0n) return `${sheet.cash(minor)} to pay`
  return sheet.cash(0n)
}

function accountSummary(sheet: Sheet, statement: StatementPdfInput['statement']): void {
  sectionTitle(sheet, 'Your account', 80)
  const columns: Column[] = [
    { share: 0.65, align: 'left' },
    { share: 0.35, align: 'right' },
  ]
  const { openingBalanceMinor, chargesMinor, paymentsMinor, creditsMinor, adjustmentsMinor, closingBalanceMinor } =
    statement
  // Payments and credits lower what is owed, so they show as negative amounts here. From the ledger's
  // movements (BIL-10) the rows add up to the balance; a statement issued before those were recorded
  // shows its own charge and lumps the rest into credits, as it always did.
  if (openingBalanceMinor !== null)
    row(sheet, columns, ['Balance brought forward', balanceText(sheet, openingBalanceMinor)])
  if (paymentsMinor !== null) row(sheet, columns, ['Payments received', sheet.cash(-paymentsMinor)])
  if (creditsMinor !== null) {
    row(sheet, columns, [
      adjustmentsMinor === null ? 'Other credits and adjustments' : 'Credits',
      sheet.cash(-creditsMinor),
    ])
  }
  if (adjustmentsMinor !== null) {
    row(sheet, columns, ['Refunds, returned payments and other adjustments', sheet.cash(adjustmentsMinor)])
  }
  row(sheet, columns, ["This statement's charges", sheet.cash(chargesMinor ?? statement.postedMinor)])
  rule(sheet)
  if (closingBalanceMinor !== null) {
    row(sheet, columns, ['Balance', balanceText(sheet, closingBalanceMinor)], { bold: true })
  } else {
    row(sheet, columns, ['Balance', 'worked out when the statement is issued'], { bold: true })
  }
}

const breakdownColumns: readonly Column[] = [
  { share: 0.34, align: 'left' },
  { share: 0.23, align: 'left' },
  { share: 0.15, align: 'right' },
  { share: 0.13, align: 'right' },
  { share: 0.15, align: 'right' },
]
const totalColumns: readonly Column[] = [
  { share: 0.85, align: 'left' },
  { share: 0.15, align: 'right' },
]

type LineGroup = { readonly identifier: string | null; readonly tariffCode: string | null; lines: StatementPdfLine[] }

/** Lines by meter point and tariff, in the order they first appear; the write-off is not a supply's line. */
function groupsOf(lines: readonly StatementPdfLine[]): LineGroup[] {
  const groups = new Map<string, LineGroup>()
  for (const line of lines) {
    if (line.kind === 'backbilling_writeoff') continue
    const key = JSON.stringify([line.identifier, line.tariffCode])
    let group = groups.get(key)
    if (!group) {
      group = { identifier: line.identifier, tariffCode: line.tariffCode, lines: [] }
      groups.set(key, group)
    }
    group.lines.push(line)
  }
  return [...groups.values()]
}

/** MPANs (electricity) have 13 digits, MPRNs (gas) 6 to 10. */
function meterPointName(identifier: string | null): string {
  if (identifier === null) return 'Other charges'
  if (/^\d{13}$/.test(identifier)) return `Electricity, MPAN ${identifier}`
  if (/^\d{6,10}$/.test(identifier)) return `Gas, MPRN ${identifier}`
  return `Meter point ${identifier}`
}

const minorSymbols: Readonly<Record<Currency, string>> = { GBP: 'p', USD: '¢' }

function quantityText(line: StatementPdfLine): string {
  if (line.unit === 'day') return `${line.quantity} ${line.quantity === '1' ? 'day' : 'days'}`
  return `${line.quantity} ${line.unit}`
}

function rateText(line: StatementPdfLine, currency: Currency): string {
  // the rate is printed exactly as stored (4 dp); it is never rounded for display
  return line.ratePence === null ? '' : `${line.ratePence}${minorSymbols[currency]}/${line.unit}`
}

function breakdown(sheet: Sheet, statement: StatementPdfInput['statement']): void {
  const { doc } = sheet
  sectionTitle(sheet, 'How your charges were worked out', 50)
  const headings = ['Description', 'Dates', 'Quantity', 'Rate', 'Amount']
  for (const group of groupsOf(statement.lines)) {
    const name = [meterPointName(group.identifier), group.tariffCode ? `tariff ${group.tariffCode}` : null]
      .filter(Boolean)
      .join(', ')
    const groupHeading = (suffix: string) => {
      doc
        .font(bold)
        .fontSize(10)
        .text(printable(name + suffix), sheet.left, doc.y, { width: sheet.width })
      doc.moveDown(0.2)
      row(sheet, breakdownColumns, headings, { bold: true })
      rule(sheet)
    }
    doc.moveDown(0.5)
    ensureRoom(sheet, 50)
    groupHeading('')
    sheet.continuation = () => groupHeading(' (continued)')
    for (const line of group.lines) {
      row(sheet, breakdownColumns, [
        line.description,
        datesText(line.from, line.to),
        quantityText(line),
        rateText(line, statement.currency),
        sheet.cash(line.amountMinor),
      ])
    }
    sheet.continuation = null
    if (group.lines.length > 1) {
      const subtotal = group.lines.reduce((total, line) => total + line.amountMinor, 0n)
      row(sheet, totalColumns, [`Subtotal, ${name}`, sheet.cash(subtotal)], { bold: true })
    }
  }

  doc.moveDown(0.6)
  ensureRoom(sheet, 60)
  rule(sheet)
  const vatPercents = [
    ...new Set(statement.lines.filter((line) => line.kind !== 'backbilling_writeoff').map((line) => line.vatPercent)),
  ]
  const vatLabel = vatPercents.length === 1 ? `VAT at ${vatPercents[0]}%` : `VAT (${vatPercents.join('%, ')}%)`
  row(sheet, totalColumns, ['Charges before VAT', sheet.cash(statement.netMinor)])
  row(sheet, totalColumns, [vatPercents.length === 0 ? 'VAT' : vatLabel, sheet.cash(statement.vatMinor)])
  row(sheet, totalColumns, ['Total charges including VAT', sheet.cash(statement.totalMinor)], { bold: true })

  // What reaches the balance can differ from the total: the write-off, and what a replaced statement charged.
  const afterWriteoff = statement.totalMinor - statement.writeoffMinor
  const alreadyCharged = afterWriteoff - statement.postedMinor
  if (statement.writeoffMinor !== 0n) {
    row(sheet, totalColumns, ['Backbilling write-off (see below)', sheet.cash(-statement.writeoffMinor)])
  }
  if (alreadyCharged !== 0n) {
    const replaced = statement.replacesNumber ? `on ${statement.replacesNumber}` : 'on the statement this replaces'
    row(sheet, totalColumns, [`Already charged ${replaced}`, sheet.cash(-alreadyCharged)])
  }
  if (statement.writeoffMinor !== 0n || alreadyCharged !== 0n) {
    row(sheet, totalColumns, ["This statement's charges", sheet.cash(statement.postedMinor)], { bold: true })
  }
}

function readingText(reading: StatementPdfReading | null): string {
  if (!reading) return '—'
  return `${reading.value} on ${dayMonthYear(reading.on)} (${reading.estimated ? 'estimated' : 'actual'})`
}

const readingColumns: readonly Column[] = [
  { share: 0.14, align: 'left' },
  { share: 0.34, align: 'left' },
  { share: 0.34, align: 'left' },
  { share: 0.18, align: 'right' },
]

/** Each supply: product and term, meters and the readings billed between, and the year ahead. */
function supplies(sheet: Sheet, { supplies, statement }: StatementPdfInput): void {
  if (supplies.length === 0) return
  const { doc } = sheet
  sectionTitle(sheet, 'Your supply', 60)
  for (const supply of supplies) {
    const point =
      supply.fuel === 'gas'
        ? `Gas, MPRN ${supply.identifier}`
        : `Electricity${supply.direction === 'export' ? ' export' : ''}, MPAN ${supply.identifier}`
    doc.moveDown(0.4)
    ensureRoom(sheet, 60)
    doc.font(bold).fontSize(10).text(printable(point), sheet.left, doc.y, { width: sheet.width })
    const facts = [
      supply.productName
        ? `Tariff: ${supply.productName}${supply.tariffCode ? ` (${supply.tariffCode})` : ''}`
        : supply.tariffCode
          ? `Tariff: ${supply.tariffCode}`
          : null,
      supply.tariffEndsOn
        ? `Fixed until ${dayMonthYear(supply.tariffEndsOn)}; ${supply.exitFeeMinor > 0n ? `an exit fee of ${sheet.cash(supply.exitFeeMinor)} applies if you leave before then` : 'no exit fee'}`
        : 'No end date; no exit fee',
      supply.meterSerials.length > 0
        ? `Meter serial number${supply.meterSerials.length > 1 ? 's' : ''}: ${supply.meterSerials.join(', ')}`
        : null,
      supply.annualKwh !== null
        ? `Your estimated annual consumption: ${Number(supply.annualKwh).toLocaleString('en-GB')} kWh`
        : null,
      supply.projectedAnnualCostMinor !== null
        ? `What a year would cost at today's prices, VAT included: ${sheet.cash(supply.projectedAnnualCostMinor)}`
        : null,
      supply.tariffComparisonRate !== null
        ? `Tariff Comparison Rate: ${supply.tariffComparisonRate}${minorSymbols[statement.currency]}/kWh (VAT included, at a typical consumption${supply.tariffComparisonBasis ? ` of ${supply.tariffComparisonBasis}` : ''}; use it to compare tariffs)`
        : null,
      supply.billedFrom === 'half_hourly'
        ? supply.readings.length > 0
          ? "Billed from your smart meter's half-hourly data; the meter readings nearest the start and end of the period are below"
          : "Billed from your smart meter's half-hourly data: the meter sent no register readings near this period"
        : null,
      supply.cheaperTariff
        ? `You could pay less: on our ${supply.cheaperTariff.productName} tariff the same use would cost about ${sheet.cash(supply.cheaperTariff.annualCostMinor)} a year, ${sheet.cash(supply.cheaperTariff.savingMinor)} less. Ask us about switching.`
        : null,
    ].filter((fact): fact is string => fact !== null)
    doc.font(regular).fontSize(9)
    for (const fact of facts) doc.text(printable(fact), sheet.left, doc.y, { width: sheet.width })
    if (supply.readings.length > 0) {
      doc.moveDown(0.3)
      const headings =
        supply.billedFrom === 'half_hourly'
          ? ['Register', 'Reading near the start', 'Reading near the end', 'Unit']
          : ['Register', 'Previous reading', 'This reading', 'Unit']
      row(sheet, readingColumns, headings, { bold: true })
      rule(sheet)
      for (const reading of supply.readings) {
        row(sheet, readingColumns, [
          reading.register,
          readingText(reading.from),
          readingText(reading.to),
          reading.unit === 'm3' ? 'cubic metres' : reading.unit === 'hcf' ? 'hundreds of cubic feet' : reading.unit,
        ])
      }
    }
  }
}

function ordinalDay(day: number): string {
  const suffix =
    day % 10 === 1 && day !== 11
      ? 'st'
      : day % 10 === 2 && day !== 12
        ? 'nd'
        : day % 10 === 3 && day !== 13
          ? 'rd'
          : 'th'
  return `${day}${suffix}`
}

/** How and when the balance is paid. */
function howYouPay(sheet: Sheet, { payment, statement, supplier }: StatementPdfInput): void {
  const day = payment.kind === 'direct_debit' ? ordinalDay(payment.paymentDay) : ''
  const ways = [
    supplier.website ? `online at ${supplier.website}` : 'online',
    supplier.phone ? `by phone on ${supplier.phone}` : 'by phone',
    'or by bank transfer quoting your account number',
  ]
  const text =
    payment.kind === 'direct_debit'
      ? payment.amountMinor !== null
        ? `You pay ${sheet.cash(payment.amountMinor)} by Direct Debit on the ${day} of each month. There is nothing else you need to do.`
        : `We collect the balance of each statement by Direct Debit on the ${day} of the month after it is issued. There is nothing you need to do.`
      : `Please pay ${statement.dueOn ? `by ${dayMonthYear(statement.dueOn)}` : 'when you receive this statement'}: ${ways.join(', ')}.`
  paragraph(sheet, 'How you pay', text)
}

/** Who to talk to: complaints and the ombudsman, and the emergency numbers. */
function help(sheet: Sheet, { market, supplier, supplierName }: StatementPdfInput): void {
  const reach = [supplier.phone && `call ${supplier.phone}`, supplier.email && `email ${supplier.email}`]
    .filter(Boolean)
    .join(' or ')
  if (market === 'gb') {
    paragraph(
      sheet,
      'If something is wrong',
      `Tell us first${reach ? `: ${reach}` : ''}. Our complaints procedure is on our website. If we have not put things right within 8 weeks, or you are unhappy with our final answer, you can ask the Energy Ombudsman to look at it, free of charge: www.energyombudsman.org, 0330 440 1624. Citizens Advice can also help: 0808 223 1133.`,
    )
    paragraph(
      sheet,
      'In an emergency',
      'Power cut: call 105. Smell gas or think there is a gas leak: call 0800 111 999, at any time of day or night.',
    )
  } else {
    paragraph(
      sheet,
      'If something is wrong',
      `Tell us first${reach ? `: ${reach}` : ''}. If we cannot resolve it, you can contact your state public utility commission.`,
    )
    paragraph(sheet, 'In an emergency', 'If you smell gas or see a downed power line, leave the area and call 911.')
  }
  const registered = [
    supplier.legalName || supplierName,
    supplier.companyNumber && `company number ${supplier.companyNumber}`,
    supplier.vatNumber && `VAT number ${supplier.vatNumber}`,
  ]
    .filter(Boolean)
    .join('; ')
  sheet.doc.moveDown(0.6)
  sheet.doc.font(regular).fontSize(8).fillColor('#555555')
  sheet.doc.text(printable(`${registered}.`), sheet.left, sheet.doc.y, { width: sheet.width }).fillColor('black')
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function notes(sheet: Sheet, statement: StatementPdfInput['statement']): void {
  const { explanation, settlement } = statement
  if (explanation.estimated) {
    paragraph(
      sheet,
      'Estimated',
      'Some of the energy on this statement is estimated because we did not have a meter reading for it. ' +
        'Send us a reading and we will correct it on your next statement.',
    )
  }
  if (explanation.backbilling) {
    const { reason } = explanation.backbilling
    paragraph(
      sheet,
      'Energy used more than 12 months ago',
      statement.writeoffMinor > 0n
        ? `We have written off ${sheet.cash(statement.writeoffMinor)} of charges. ${capitalised(reason)}.`
        : `Nothing has been written off. ${capitalised(reason)}.`,
    )
  }
  if (explanation.comparison) {
    paragraph(sheet, 'Compared with your previous statement', explanation.comparison.summary)
  }
  if (settlement) {
    const amount = sheet.cash(settlement.amountMinor)
    paragraph(
      sheet,
      'Your final balance',
      settlement.kind === 'refund'
        ? `A refund of ${amount} is on its way to you.`
        : settlement.kind === 'payment_request'
          ? `${amount} to pay.`
          : 'Nothing to pay and nothing to refund.',
    )
  }
}

/** The footer with page numbers and, on a duplicate, the mark, on every page once the content is laid out. */
function markPages(
  sheet: Sheet,
  { supplierName, duplicate, generatedAt, account, statement }: StatementPdfInput,
): void {
  const { doc, left, width } = sheet
  const pages = doc.bufferedPageRange()
  const footer = printable(`${supplierName} · ${statement.number} · Account ${account.number}`)
  const duplicateMark = `DUPLICATE · copy made on ${dayMonthYear(localDateOf(generatedAt))}`
  for (let index = 0; index < pages.count; index++) {
    doc.switchToPage(pages.start + index)
    // Text below the bottom margin would open a new page, so the margin is lifted while marking.
    const bottomMargin = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    const footerY = doc.page.height - 40
    doc.font(regular).fontSize(8).fillColor('#555555')
    doc.text(footer, left, footerY, { width: width * 0.75, lineBreak: false })
    doc.text(`Page ${index + 1} of ${pages.count}`, left + width * 0.75, footerY, {
      width: width * 0.25,
      align: 'right',
      lineBreak: false,
    })
    if (duplicate) {
      doc.rect(left, 16, width, 22).fill('#b00020')
      doc.font(bold).fontSize(12).fillColor('white')
      doc.text(duplicateMark, left, 22, { width, align: 'center', lineBreak: false })
      const centreX = doc.page.width / 2
      const centreY = doc.page.height / 2
      doc.save()
      doc.rotate(-40, { origin: [centreX, centreY] })
      doc.font(bold).fontSize(90).fillColor('#b00020', 0.08)
      doc.text('DUPLICATE', centreX - 260, centreY - 45, { width: 520, align: 'center', lineBreak: false })
      doc.restore()
    }
    doc.fillColor('black', 1)
    doc.page.margins.bottom = bottomMargin
  }
}

// ——— text ———

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** '2026-10-01' → '1 Oct 2026'. @throws InvalidLocalDate */
function dayMonthYear(date: string): string {
  if (!isLocalDate(date)) throw new InvalidLocalDate(`Not a date written YYYY-MM-DD: ${JSON.stringify(date)}`)
  const [year, month, day] = date.split('-')
  return `${Number(day)} ${monthNames[Number(month) - 1]} ${year}`
}

/**
 * The last London day a half-open range [.., to) touches: the day before `to` when it is a
 * midnight, as statement periods are, and the day of `to` when a range ends mid-day.
 */
function lastLocalDayOf(to: Date): string {
  return localDateOf(new Date(to.getTime() - 1))
}

function datesText(from: Date, to: Date): string {
  const first = localDateOf(from)
  const last = to.getTime() > from.getTime() ? lastLocalDayOf(to) : first
  if (first === last) return dayMonthYear(first)
  const sameYear = first.slice(0, 4) === last.slice(0, 4)
  return `${sameYear ? dayMonthYear(first).slice(0, -5) : dayMonthYear(first)} – ${dayMonthYear(last)}`
}

/** What pdfkit's Helvetica (WinAnsi) can show beyond Latin-1; see WIN_ANSI_MAP in pdfkit. */
const winAnsiExtras = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ')
const lookalikes: Readonly<Record<string, string>> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', ı: 'i', '−': '-', '‐': '-' }

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0)!
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || winAnsiExtras.has(char)
}

/**
 * Text the built-in fonts can show. pdfkit writes any other character as a bad glyph code that
 * garbles the rest of the line, so accents it cannot show are dropped ('Ż' → 'Z'), a few letters
 * become their look-alike ('ł' → 'l') and anything else becomes '?'.
 */
function printable(text: string): string {
  let out = ''
  for (const char of text) {
    if (isWinAnsi(char)) {
      out += char
      continue
    }
    if (/\s/.test(char)) {
      out += ' '
      continue
    }
    const folded = char.normalize('NFKD').replace(/\p{M}/gu, '')
    out += folded !== '' && [...folded].every(isWinAnsi) ? folded : (lookalikes[char] ?? '?')
  }
  return out
}
