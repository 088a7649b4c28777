import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import type { Tx } from './types.js'

/**
 * Bulk loading with `COPY … FROM STDIN` inside an ordinary transaction, on both backends.
 *
 * Kysely hands SQL text to the connection, so `copyRows` registers its rows under a one-off token
 * and sends a `COPY` statement marked with that token; each backend's connection recognises the
 * mark and feeds the rows: pg through pg-copy-streams, PGlite through its `/dev/blob` device. The
 * COPY runs on the transaction's own connection, so it commits or rolls back with everything else.
 */
export const copyMark = '/*cuttle-copy:'

type CopySource = AsyncIterable<string> | Iterable<string>
const sources = new Map<string, CopySource>()

/** Take the rows registered for a marked COPY statement (once). @throws Error when there are none */
export function takeCopySource(statement: string): { statement: string; source: CopySource } {
  const end = statement.indexOf('*/')
  const token = statement.slice(copyMark.length, end)
  const source = sources.get(token)
  if (!source) throw new Error(`no rows registered for COPY ${token}`)
  sources.delete(token)
  return { statement: statement.slice(end + 2).trim(), source }
}

/**
 * Copy CSV lines (each ending in '\n', values already validated: no quoting is applied) into
 * `table (columns)` in the transaction `tx`. Returns the number of lines copied.
 */
export async function copyRows(
  tx: Tx,
  { table, columns, lines }: { table: string; columns: readonly string[]; lines: CopySource },
): Promise<number> {
  for (const name of [table, ...columns]) {
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`invalid identifier ${name} for COPY`)
  }
  const token = randomBytes(8).toString('hex')
  let fed = 0
  async function* counted() {
    for await (const line of lines) {
      fed++
      yield line
    }
  }
  sources.set(token, counted())
  try {
    await sql
      .raw(`${copyMark}${token}*/ copy ${table} (${columns.join(', ')}) from stdin with (format csv)`)
      .execute(tx)
    return fed
  } finally {
    sources.delete(token)
  }
}
