/**
 * The calorific value of the gas supplied, by date (MET-3, BIL-1): loaded from a CSV of date ranges
 * like prices, validated whole-file, audited; 39.5 MJ/m³ on days no loaded row covers.
 */
import type { Tx } from '../../db/index.js'
import type { Actor } from '../../shared/actor.js'
import { ValidationFailed, withCode } from '../../shared/errors.js'
import { newId } from '../../shared/ids.js'
import { addDays, isLocalDate } from '../../shared/time.js'
import * as audit from '../audit/index.js'
import { defaultCalorificValueMjPerM3 } from './gas-volume.js'
import * as store from './store.js'

/** A calorific value file that cannot be loaded: every problem with its line. Nothing is written. */
export class CalorificValuesRejected extends withCode(ValidationFailed, 'CALORIFIC_VALUES_REJECTED') {}

export const calorificValuesHeader = 'valid_from,valid_to,mj_per_m3'

const valuePattern = /^\d{1,2}(\.\d{1,3})?$/

/**
 * Load calorific values from CSV text (`valid_from,valid_to,mj_per_m3`, local dates, `valid_to`
 * exclusive). The whole file is checked first (dates, values from 30 to 50 MJ/m³, ranges that overlap
 * each other or values already loaded); any problem rejects it whole.
 * @throws CalorificValuesRejected naming each line and what is wrong with it
 */
export async function loadCalorificValues({
  tx,
  text,
  fileName,
  actor,
  at,
}: {
  tx: Tx
  text: string
  fileName: string | null
  actor: Actor
  at: Date
}): Promise<{ loaded: number; from: string | null; to: string | null }> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  while (lines.length > 0 && lines.at(-1)?.trim() === '') lines.pop()
  const problems: { path: string; message: string }[] = []
  if (lines[0]?.trim() !== calorificValuesHeader) {
    problems.push({ path: 'line 1', message: `the header must be ${calorificValuesHeader}` })
  }
  const rows: { line: number; from: string; to: string; value: string }[] = []
  lines.slice(1).forEach((raw, index) => {
    const line = index + 2
    const [from = '', to = '', value = '', ...rest] = raw.split(',').map((field) => field.trim())
    const wrong: string[] = []
    if (rest.length > 0) wrong.push('more than three fields')
    if (!isLocalDate(from)) wrong.push(`valid_from ${JSON.stringify(from)} is not a date YYYY-MM-DD`)
    if (!isLocalDate(to)) wrong.push(`valid_to ${JSON.stringify(to)} is not a date YYYY-MM-DD`)
    if (isLocalDate(from) && isLocalDate(to) && from >= to) wrong.push(`valid_to ${to} is not after valid_from ${from}`)
    if (!valuePattern.test(value) || Number(value) < 30 || Number(value) > 50) {
      wrong.push(`mj_per_m3 ${JSON.stringify(value)} is not a calorific value from 30 to 50 MJ/m³ (at most 3 decimals)`)
    }
    if (wrong.length > 0) problems.push({ path: `line ${line}`, message: wrong.join('; ') })
    else rows.push({ line, from, to, value })
  })
  if (lines.length < 2) problems.push({ path: 'line 2', message: 'the file holds no calorific values' })
  const sorted = [...rows].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1]!
    const row = sorted[i]!
    if (row.from < previous.to) {
      problems.push({
        path: `line ${row.line}`,
        message: `overlaps line ${previous.line} (${previous.from} to ${previous.to})`,
      })
    }
  }
  for (const row of rows) {
    const [existing] = await store.calorificValuesOverlapping(tx, row.from, row.to)
    if (existing) {
      problems.push({
        path: `line ${row.line}`,
        message: `overlaps the value already loaded from ${existing.valid_from} to ${existing.valid_to}`,
      })
    }
  }
  if (problems.length > 0) {
    problems.sort((a, b) => Number(a.path.slice(5)) - Number(b.path.slice(5)))
    throw new CalorificValuesRejected('The calorific value file was not loaded', problems)
  }
  const ingestionId = newId('ing')
  await store.insertCalorificValues(
    tx,
    sorted.map((row) => ({
      id: newId('cv'),
      valid_from: row.from,
      valid_to: row.to,
      mj_per_m3: row.value,
      ingestion_id: ingestionId,
      created_at: at,
    })),
  )
  const from = sorted[0]?.from ?? null
  const to = sorted.at(-1)?.to ?? null
  await audit.record(tx, {
    actor,
    action: 'metering.calorific_values.loaded',
    subject: { type: 'ingestion', id: ingestionId },
    after: { fileName, rows: sorted.length, from, to },
    at,
  })
  return { loaded: sorted.length, from, to }
}

/** The calorific value (MJ/m³, exact text) in force on a local date: the loaded one, else 39.5. */
export async function calorificValueOn({ tx, date }: { tx: Tx; date: string }): Promise<string> {
  const [row] = await store.calorificValuesOverlapping(tx, date, addDays(date, 1))
  return row ? trimmed(row.mj_per_m3) : defaultCalorificValueMjPerM3
}

/** '39.200' → '39.2': numeric(6,3) comes back with its full scale. */
function trimmed(value: string): string {
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value
}
