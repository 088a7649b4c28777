/**
 * A letter as a PDF (COM-1): the supplier's name, the customer's postal address placed for a
 * windowed envelope, the date, the account number, the subject as a heading and the merged body.
 * Built in memory with pdfkit's built-in Helvetica; deterministic (the document's dates are `writtenAt`).
 */
import PDFDocument from 'pdfkit'
import { bytesOf } from '../../shared/stream-bytes.js'

export interface LetterPdfInput {
  readonly supplierName: string
  readonly accountNumber: string
  /** The postal address, line by line, the customer's name first. */
  readonly address: readonly string[]
  /** The date as it is printed ('20 November 2026'). */
  readonly dateText: string
  readonly subject: string
  readonly body: string
  readonly writtenAt: Date
}

/** Render a letter as PDF bytes. Throws nothing but pdfkit's own errors. */
export async function letterPdf(input: LetterPdfInput, options: { compress?: boolean } = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 50, bottom: 60, left: 60, right: 60 },
    compress: options.compress ?? true,
    info: {
      Title: printable(input.subject),
      Author: printable(input.supplierName),
      Subject: `Account ${input.accountNumber}`,
      Creator: 'Cuttle',
      CreationDate: input.writtenAt,
      ModDate: input.writtenAt,
    },
  })
  const ended = bytesOf(doc)
  const left = doc.page.margins.left
  const width = doc.page.width - left - doc.page.margins.right

  doc.font('Helvetica-Bold').fontSize(16).text(printable(input.supplierName), left, 50, { width, align: 'right' })
  // The address sits where a DL window envelope shows it (about 45 mm down, 20 mm in).
  doc.font('Helvetica').fontSize(10.5)
  doc.text(input.address.map(printable).join('\n'), left, 130, { width: width / 2 })
  doc.text(`${printable(input.dateText)}\nAccount ${input.accountNumber}`, left, 130, { width, align: 'right' })
  doc.y = Math.max(doc.y, 240)
  doc.font('Helvetica-Bold').fontSize(12).text(printable(input.subject), left, doc.y, { width })
  doc.moveDown(0.8)
  doc.font('Helvetica').fontSize(10.5)
  for (const paragraph of paragraphsOf(input.body)) {
    doc.text(printable(paragraph), left, doc.y, { width, lineGap: 2 })
    doc.moveDown(0.7)
  }
  doc.end()
  return ended
}

/**
 * The body's paragraphs (separated by blank lines) with the lines of each joined again, except list
 * items ('- …') and lines after a comma or colon ('Kind regards,'), which keep their own line.
 */
function paragraphsOf(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => line.trim())
        .reduce((text, line, i, lines) => {
          if (i === 0) return line
          const keepBreak = line.startsWith('- ') || /[,:]$/.test(lines[i - 1] ?? '')
          return `${text}${keepBreak ? '\n' : ' '}${line}`
        }, ''),
    )
    .filter((paragraph) => paragraph !== '')
}

/** What pdfkit's Helvetica (WinAnsi) can show beyond Latin-1. */
const winAnsiExtras = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ')

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0
  return char === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || winAnsiExtras.has(char)
}

/** Text the built-in font can show: accents it lacks are dropped ('Ż' → 'Z'), anything else is '?'. */
function printable(text: string): string {
  let out = ''
  for (const char of text) {
    if (isWinAnsi(char)) out += char
    else if (/\s/.test(char)) out += ' '
    else {
      const folded = char.normalize('NFKD').replace(/\p{M}/gu, '')
      out += folded !== '' && [...folded].every(isWinAnsi) ? folded : '?'
    }
  }
  return out
}
