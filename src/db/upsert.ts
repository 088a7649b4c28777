/**
 * What an upsert overwrites when a row with its key is already there: every column of the new row
 * but the key's, so a column added to the row type is never left out of the update. Pure.
 */
export function besidesKey<Row extends object, const Key extends keyof Row>(
  row: Row,
  key: readonly Key[],
): Omit<Row, Key> {
  const rest: Partial<Row> = { ...row }
  for (const column of key) delete rest[column]
  return rest as Omit<Row, Key>
}
