/**
 * Database rows to domain objects. Columns are snake_case (`account_id`) and domain fields camelCase
 * (`accountId`); most of a row mapper is copying one to the other, which `camelFields` does for the
 * columns it is given, so a mapper writes out only what is more than a copy (a cast to a union, a
 * computed field, two columns that make one value).
 */

/** A snake_case name in camelCase: `account_id` → `accountId`. */
export type CamelCase<Name extends string> = Name extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : Name

/** The columns `Column` of `Row` under their camelCase names, with their types. */
export type CamelFields<Row, Column extends keyof Row & string> = { [Name in Column as CamelCase<Name>]: Row[Name] }

/** A snake_case name in camelCase, as `CamelCase` says at the type level. */
export function camelCase<Name extends string>(name: Name): CamelCase<Name> {
  return name.replace(/_(.)/g, (_, next: string) => next.toUpperCase()) as CamelCase<Name>
}

/**
 * The named columns of a row, copied under their camelCase names. Only the columns named are copied,
 * so a column that must not leave the store (a secret's hash) stays behind unless someone names it.
 */
export function camelFields<Row, const Column extends keyof Row & string>(
  row: Row,
  columns: readonly Column[],
): CamelFields<Row, Column> {
  const fields: Record<string, unknown> = {}
  for (const column of columns) fields[camelCase(column)] = row[column]
  return fields as CamelFields<Row, Column>
}
