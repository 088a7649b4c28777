import type { Backend, Db } from '../db/index.js'
import type * as access from '../modules/access/index.js'
import type * as market from '../modules/market/index.js'
import type * as payments from '../modules/payments/index.js'

/** What every route can reach: the database, the clock, and the supplier's settings in force. */
export interface AppContext {
  readonly db: Db
  readonly backend: Backend
  readonly clock: () => Date
  accessPolicy(): access.AccessPolicy
  supplier(): market.Supplier
  /** Called after the settings change so the process picks them up. */
  reloadSupplier(): Promise<void>
  /** Send Secure cookies (behind HTTPS). */
  readonly secureCookies: boolean
  readonly paymentProcessor: payments.PaymentProcessor
}
