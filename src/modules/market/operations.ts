import type { z } from 'zod'
import type { Change } from '../../db/index.js'
import { ValidationFailed, withCode } from '../../shared/errors.js'
import * as audit from '../audit/index.js'
import { type SupplierDetails, supplierDetailsSchema } from './details.js'
import type { Market } from './profiles.js'
import { getSupplier, type Supplier } from './queries.js'
import { defaultSettings, type SupplierSettings, settingsToJson, supplierSettingsSchema } from './settings.js'
import * as store from './store.js'

export class InvalidSettings extends withCode(ValidationFailed, 'INVALID_SETTINGS') {}

/** A refusal naming each field zod found wrong; a field the schema does not know is `unknown`. */
function invalid(what: string, unknown: string, error: z.ZodError): InvalidSettings {
  const details = error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: [...issue.path, key].join('.'), message: unknown }))
      : [{ path: issue.path.join('.'), message: issue.message }],
  )
  return new InvalidSettings(
    `${what}: ${details.map((detail) => `${detail.path}: ${detail.message}`).join('; ')}`,
    details,
  )
}

/** Create or rename the supplier on a market profile, keeping its settings (defaults the first time). */
export async function configureSupplier({
  tx,
  name,
  market,
  actor,
  at,
}: Change & {
  name: string
  market: Market
}): Promise<Supplier> {
  const before = await store.findSupplier(tx)
  const settings = before ? (await getSupplier(tx)).settings : defaultSettings
  await store.upsertSupplier(tx, { name, market, settings: settingsToJson(settings), updatedAt: at })
  await audit.record(tx, {
    actor,
    action: 'market.supplier.configured',
    subject: { type: 'supplier', id: 'supplier' },
    before: before ? { name: before.name, market: before.market } : undefined,
    after: { name, market },
    at,
  })
  return getSupplier(tx)
}

/**
 * Change some settings; the result must still be valid as a whole.
 * @throws InvalidSettings naming each offending field
 */
export async function updateSettings({
  tx,
  changes,
  actor,
  at,
}: Change & {
  changes: Partial<Record<keyof SupplierSettings, unknown>>
}): Promise<Supplier> {
  const supplier = await getSupplier(tx)
  const merged = { ...settingsToJson(supplier.settings), ...changes }
  const parsed = supplierSettingsSchema.safeParse(merged)
  if (!parsed.success) throw invalid('The settings are not valid', 'not a setting', parsed.error)
  if (parsed.data.thirdPartyAccessMinDays > parsed.data.thirdPartyAccessMaxDays) {
    throw new InvalidSettings('The third-party access minimum is above the maximum', [
      { path: 'thirdPartyAccessMinDays', message: 'must not exceed thirdPartyAccessMaxDays' },
    ])
  }
  await store.upsertSupplier(tx, {
    name: supplier.name,
    market: supplier.market,
    settings: settingsToJson(parsed.data),
    updatedAt: at,
  })
  await audit.record(tx, {
    actor,
    action: 'market.settings.updated',
    subject: { type: 'supplier', id: 'supplier' },
    before: settingsToJson(supplier.settings),
    after: settingsToJson(parsed.data),
    at,
  })
  return getSupplier(tx)
}

/**
 * Change some of the supplier's details (what every bill says of it); '' clears one.
 * @throws InvalidSettings naming each offending field
 */
export async function updateSupplierDetails({
  tx,
  changes,
  actor,
  at,
}: Change & {
  changes: Partial<Record<keyof SupplierDetails, unknown>>
}): Promise<Supplier> {
  const supplier = await getSupplier(tx)
  const parsed = supplierDetailsSchema.safeParse({ ...supplier.details, ...changes })
  if (!parsed.success) throw invalid("The supplier's details are not valid", 'not a supplier detail', parsed.error)
  await store.setSupplierDetails(tx, parsed.data, at)
  await audit.record(tx, {
    actor,
    action: 'market.details.updated',
    subject: { type: 'supplier', id: 'supplier' },
    before: supplier.details,
    after: parsed.data,
    at,
  })
  return getSupplier(tx)
}
