import { type SelectQueryBuilder, sql } from 'kysely'

/**
 * How many rows the query's table and conditions give, as a number: `count(*)` comes back as an
 * `int8`, read here as a string and converted once. The caller names the table and its conditions.
 */
export async function countOf<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>): Promise<number> {
  const row = await query
    .clearSelect()
    .select(sql<string>`count(*)`.as('count'))
    .$castTo<{ count: string }>()
    .executeTakeFirstOrThrow()
  return Number(row.count)
}
