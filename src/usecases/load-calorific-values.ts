/**
 * An operator loads the calorific values of the gas supplied (MET-3, BIL-1) from a CSV of date
 * ranges, in one transaction: a rejected file changes nothing.
 */
import { type Db, inTransaction } from '../db/index.js'
import * as metering from '../modules/metering/index.js'
import type { Actor } from '../shared/actor.js'

/**
 * Load a calorific value file (`valid_from,valid_to,mj_per_m3`).
 * @throws metering.CalorificValuesRejected naming each bad line
 */
export async function loadCalorificValues({
  db,
  text,
  fileName,
  actor,
  at,
}: {
  db: Db
  text: string
  fileName: string
  actor: Actor
  at: Date
}): Promise<{ loaded: number; from: string | null; to: string | null }> {
  return inTransaction(db, (tx) => metering.loadCalorificValues({ tx, text, fileName, actor, at }))
}
