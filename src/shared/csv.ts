/**
 * The one CSV writer of every export (RFC 4180): fields holding a comma, a quote or a line break are
 * quoted with quotes doubled, lines end in CRLF, and text that a spreadsheet would run as a formula
 * is kept as text (OWASP's CSV injection rule): a text cell starting with `=`, `+`, `-`, `@`, a tab
 * or a carriage return is prefixed with `'`.
 *
 * Numbers are the exception, by their type: a `number` or `bigint` (money in minor units, counts) is
 * written as it is, so a negative amount stays a number a spreadsheet can add up. A value that came
 * in as text (a name, an address, a reference) is always text, whatever it looks like.
 */

/** What a cell may hold: text, a number, or nothing (an empty cell). */
export type CsvValue = string | number | bigint | null | undefined

const formulaStart = /^[=+\-@\t\r]/
const needsQuotes = /[",\r\n]/

/** One CSV field: formula-like text made text, then quoted when needed (RFC 4180). Throws nothing. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'bigint') return value.toString()
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  const text = formulaStart.test(value) ? `'${value}` : value
  return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** One CSV line of fields, without its line end. Throws nothing. */
export function csvLine(values: readonly CsvValue[]): string {
  return values.map(csvField).join(',')
}

/** A whole CSV document: the header, then each row, every line ended by CRLF. Throws nothing. */
export function csvDocument({
  header,
  rows,
}: {
  header: readonly string[]
  rows: Iterable<readonly CsvValue[]>
}): string {
  const lines = [csvLine(header)]
  for (const row of rows) lines.push(csvLine(row))
  return `${lines.join('\r\n')}\r\n`
}
