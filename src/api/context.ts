import type { Backend, Db } from '../db/index.js'
import type * as access from '../modules/access/index.js'
import type * as assist from '../modules/assist/index.js'
import type * as comms from '../modules/comms/index.js'
import type * as market from '../modules/market/index.js'
import type * as payments from '../modules/payments/index.js'
import type { DeliveryQueue } from '../usecases/index.js'

/**
 * What every route can reach: the database, the clock, the supplier's settings in force, and the
 * process's configuration (routes never read the environment: the CLI reads it once, in
 * src/shared/config.ts, and passes it in through buildApp).
 */
export interface AppContext {
  readonly db: Db
  readonly backend: Backend
  readonly clock: () => Date
  accessPolicy(): access.AccessPolicy
  supplier(): market.Supplier
  /** Called after the settings change so the process picks them up. */
  reloadSupplier(): Promise<void>
  /** Send Secure cookies (the public URL is https). */
  readonly secureCookies: boolean
  readonly paymentProcessor: payments.PaymentProcessor
  /**
   * The configured origin (`CUTTLE_PUBLIC_URL`, no trailing slash): every link in a message, a letter
   * or a page of results is built from it, never from the request's Host header.
   */
  readonly publicUrl: string
  /** The key sensitive personal data is sealed with (SEC-1). */
  readonly dataKey: string
  /** How queued messages are delivered (SMTP when configured, else the built-in outbox). */
  readonly transports: comms.Transports
  /** Where routes hand the messages their change queued, after its commit (the delivery worker). */
  readonly deliveryQueue: DeliveryQueue
  /** The language model for suggested replies, when one is configured. */
  readonly replyModel: assist.ReplyModel | undefined
}
