/**
 * From a stored row (snake_case columns) to the object a module returns (camelCase fields), for the
 * columns that pass through unchanged: the mapper names the columns once instead of writing a line
 * `accountId: row.account_id` per field. Fields that are renamed, narrowed or built are still written
 * out beside it. Pure.
 */

/** A snake_case column name in camelCase: `account_id` → `accountId`. */
export type CamelCase<Column extends string> = Column extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : Column

/** The named columns of a row under their camelCase names, with the row's types. */
export type CamelFields<Row, Column extends keyof Row & string> = {
  readonly [Name in Column as CamelCase<Name>]: Row[Name]
}

/** A snake_case column name in camelCase, as `CamelCase` spells it. Throws nothing. */
export function camelCaseOf(column: string): string {
  return column.replace(/_([a-z0-9])/g, (_underscore, letter: string) => letter.toUpperCase())
}

// Mappers run once per row with the same few columns: spell each name once.
const spelled = new Map<string, string>()

function spellingOf(column: string): string {
  let name = spelled.get(column)
  if (name === undefined) {
    name = camelCaseOf(column)
    spelled.set(column, name)
  }
  return name
}

/**
 * The named columns of `row` under their camelCase names, in the order given (`account_id` →
 * `accountId`); no other column is copied. Throws nothing.
 */
export function camelFields<Row extends object, const Column extends keyof Row & string>(
  row: Row,
  columns: readonly Column[],
): CamelFields<Row, Column> {
  const fields: Record<string, unknown> = {}
  for (const column of columns) fields[spellingOf(column)] = row[column]
  return fields as CamelFields<Row, Column>
}
