import type { Db, Tx } from '../../db/index.js'
import { NotFound, withCode } from '../../shared/errors.js'
import { noDetails, type SupplierDetails, supplierDetailsSchema } from './details.js'
import { type Market, type MarketProfile, profileOf } from './profiles.js'
import { defaultSettings, type SupplierSettings, supplierSettingsSchema } from './settings.js'
import * as store from './store.js'

export interface Supplier {
  readonly name: string
  readonly market: Market
  readonly profile: MarketProfile
  readonly settings: SupplierSettings
  /** Its registered name, address, phone, email, website, company and VAT numbers ('' where not set). */
  readonly details: SupplierDetails
  readonly updatedAt: Date
}

export class SupplierNotConfigured extends withCode(NotFound, 'SUPPLIER_NOT_CONFIGURED') {}

/**
 * The supplier with its profile and settings; settings added in later versions take their defaults.
 * @throws SupplierNotConfigured before `cuttle seed` or configureSupplier has run
 */
export async function getSupplier(db: Db | Tx): Promise<Supplier> {
  const row = await store.findSupplier(db)
  if (!row)
    throw new SupplierNotConfigured(
      'No supplier is configured yet: run `cuttle supplier --name NAME --market gb` (or `cuttle seed` for the demo)',
    )
  const market = row.market as Market
  const settings = supplierSettingsSchema.parse({ ...defaultSettings, ...row.settings })
  const details = supplierDetailsSchema.parse({ ...noDetails, ...row.details })
  return { name: row.name, market, profile: profileOf(market), settings, details, updatedAt: row.updated_at }
}
