/**
 * PAY-6: the payment arrangement agreement letter, as PDF bytes: what is owed, the down payment,
 * every instalment with its date, what happens if one is missed, and where to get free debt advice.
 */
import PDFDocument from 'pdfkit'
import type * as collections from '../modules/collections/index.js'
import type * as payments from '../modules/payments/index.js'
import { type Currency, formatMoney, money } from '../shared/money.js'
import { bytesOf } from '../shared/stream-bytes.js'

export interface ArrangementLetterInput {
  readonly supplierName: string
  readonly customerName: string
  readonly accountNumber: string
  readonly address: readonly string[]
  readonly currency: Currency
  readonly arrangement: payments.Arrangement
  readonly signposts: readonly collections.DebtAdviceSignpost[]
  readonly generatedAt: Date
}

const frequencyWords = { weekly: 'every week', fortnightly: 'every two weeks', monthly: 'every month' }

function longDate(date: string): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  })
}

export async function arrangementLetterPdf(input: ArrangementLetterInput): Promise<Buffer> {
  const cash = (minor: bigint) => formatMoney(money(minor, input.currency))
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    info: {
      Title: `Payment arrangement ${input.accountNumber}`,
      Author: input.supplierName,
      Creator: 'Cuttle',
      CreationDate: input.generatedAt,
    },
  })
  const ended = bytesOf(doc)
  const { arrangement } = input
  doc.font('Helvetica-Bold').fontSize(16).text(input.supplierName)
  doc.moveDown(0.5).font('Helvetica').fontSize(10)
  doc.text([input.customerName, ...input.address].join('\n'))
  doc.moveDown().text(`Account ${input.accountNumber}`)
  doc.text(`Date ${input.generatedAt.toISOString().slice(0, 10)}`)
  doc.moveDown().font('Helvetica-Bold').fontSize(13).text('Your payment arrangement')
  doc.moveDown(0.5).font('Helvetica').fontSize(10)
  doc.text(
    `Thank you for agreeing a plan with us. This letter sets out how the ${cash(arrangement.pastDueMinor)} past due on your account will be paid.`,
  )
  doc.moveDown()
  if (arrangement.downPaymentMinor > 0n) {
    doc.text(`Down payment: ${cash(arrangement.downPaymentMinor)} on ${longDate(arrangement.startsOn)}.`)
  }
  doc.text(
    `Then ${cash(arrangement.instalmentMinor)} ${frequencyWords[arrangement.frequency]}, ${arrangement.schedule.filter((item) => item.seq > 0).length} instalments in all (the last may be smaller).`,
  )
  doc.moveDown().font('Helvetica-Bold').text('Schedule')
  doc.font('Helvetica')
  for (const item of arrangement.schedule) {
    doc.text(
      `${item.seq === 0 ? 'Down payment' : `Instalment ${item.seq}`}   ${longDate(item.dueOn)}   ${cash(item.amountMinor)}`,
    )
  }
  doc.moveDown()
  doc.text(
    `Please keep paying for the energy you use as well. If an instalment is not paid within ${arrangement.graceDays} days of its date the arrangement ends and the full amount becomes due; call us before then if things change and we will work out something you can afford.`,
  )
  doc.moveDown().font('Helvetica-Bold').text('Free, independent help')
  doc.font('Helvetica')
  for (const signpost of input.signposts) doc.text(`${signpost.name}: ${signpost.description}`)
  doc.end()
  return ended
}
