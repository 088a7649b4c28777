/**
 * Query helpers for the reads every store makes in the same words: all of a table's rows that belong
 * to one account, whose column holds a value, or whose column holds one of a list of values; the
 * first row of such a read, locked when asked; how many rows a filtered read matches. The row reads
 * give back the query for the store to narrow, order and run. The table must be one of the store's
 * own (its `withTables` map), so the type checker keeps a store to its tables as before.
 */
import { type Kysely, type Selectable, type SelectQueryBuilder, type SelectType, sql } from 'kysely'

/** The tables of a store's map that have an `account_id` column. */
export type AccountTable<Tables> = {
  [Table in keyof Tables & string]: Tables[Table] extends { account_id: string | null } ? Table : never
}[keyof Tables & string]

/** Every column of a table's rows, as Kysely's `selectAll()` on that table gives them. */
export type AllRows<Tables, Table extends keyof Tables & string> = SelectQueryBuilder<
  Tables,
  Table,
  Selectable<Tables[Table]>
>

/** The rows of one of a store's tables that belong to the account (by `account_id`), every column. Throws nothing. */
export function rowsOfAccount<Tables, Table extends AccountTable<Tables>>(
  db: Kysely<Tables>,
  table: Table,
  accountId: string,
): AllRows<Tables, Table> {
  // Kysely cannot resolve columns of a table named by a type parameter: the casts stand where the
  // signature above already says what comes back.
  return db
    .selectFrom(table as never)
    .selectAll()
    .where(db.dynamic.ref('account_id'), '=', accountId) as never
}

/** The rows of one of a store's tables whose `column` holds `value`, every column. Throws nothing. */
export function rowsWhere<Tables, Table extends keyof Tables & string, Column extends keyof Tables[Table] & string>(
  db: Kysely<Tables>,
  table: Table,
  column: Column,
  value: SelectType<Tables[Table][Column]>,
): AllRows<Tables, Table> {
  return db
    .selectFrom(table as never)
    .selectAll()
    .where(db.dynamic.ref(column), '=', value) as never
}

/**
 * The rows of one of a store's tables whose `column` is one of `values`, every column. `values` must
 * not be empty (`in ()` is not SQL): a store returns no rows for no values before asking. Throws nothing.
 */
export function rowsWhereIn<Tables, Table extends keyof Tables & string, Column extends keyof Tables[Table] & string>(
  db: Kysely<Tables>,
  table: Table,
  column: Column,
  values: readonly SelectType<Tables[Table][Column]>[],
): AllRows<Tables, Table> {
  return db
    .selectFrom(table as never)
    .selectAll()
    .where(db.dynamic.ref(column), 'in', [...values]) as never
}

/** The first row `query` finds, locked until the transaction ends when `lock` is set (to change it). Throws nothing. */
export function firstRow<Tables, Table extends keyof Tables & string, Row>(
  query: SelectQueryBuilder<Tables, Table, Row>,
  lock: boolean,
): Promise<Row | undefined> {
  return (lock ? query.forUpdate() : query).executeTakeFirst()
}
