/**
 * The declared responses of the customer portal's routes (API-1, UI-2): what a signed-in customer
 * is shown, and nothing kept for staff or the server (row ids of the account, statement or payment,
 * processor references, a kept card's holder name, the session token).
 */
import { z } from 'zod'
import * as access from '../../modules/access/index.js'
import * as billing from '../../modules/billing/index.js'
import * as cases from '../../modules/cases/index.js'
import * as metering from '../../modules/metering/index.js'
import { DateOut, InstantOut, MinorOut } from '../responses.js'
import { UsageBucketOut } from './metering-schemas.js'

/** The bytes of a file a route sends as they are (Fastify sends a Buffer without serialising it). */

const GrantKind = z.enum(access.grantKinds).describe('how this person is attached to the account')
const Allows = z
  .array(z.enum(access.portalActions))
  .describe('what this person may do on the account; each portal screen is shown only when its action is here')

/** The signed-in customer and the accounts they reach (sign-in, `me`, accepting an invitation). */
export const PortalSession = z.object({
  user: z.object({ id: z.string(), email: z.string(), displayName: z.string() }),
  accounts: z.array(
    z.object({
      accountNumber: z.string(),
      name: z.string(),
      address: z.string().describe('the supply address on one line'),
      kind: GrantKind,
      allows: Allows,
    }),
  ),
})

/** One account's summary; the balance only for those who may see bills or payments. */
export const PortalAccount = z.object({
  accountNumber: z.string(),
  name: z.string(),
  address: z.string().describe('the supply address on one line'),
  balanceMinor: MinorOut.nullable().describe(
    'positive: the customer owes; negative: in credit; null when their access shows no money',
  ),
  status: z.string().describe('active or closed'),
  kind: GrantKind,
  allows: Allows,
})

/** The bills sent to the customer (held and rejected statements never were). */
export const PortalStatements = z.object({
  items: z.array(
    z.object({
      number: z.string(),
      periodFrom: InstantOut.describe('the start of the billed period'),
      periodTo: InstantOut.describe('the end of the billed period (exclusive)'),
      totalMinor: MinorOut,
      unpaidMinor: MinorOut.describe(
        'what is left to pay of it: the balance owed laid on the newest statements first (payments pay the oldest first); 0 when paid',
      ),
      dueOn: DateOut.nullable(),
      status: z.enum(billing.statementStatuses),
    }),
  ),
})

/** Usage of one meter point of the account, as the staff console's series. */
export const PortalUsage = z.object({
  meterPoint: z.string().describe('the meter point shown'),
  meterPoints: z.array(z.string()).describe("the account's meter points, to choose from"),
  direction: z.enum(['import', 'export']),
  fuel: z.enum(['electricity', 'gas']),
  totalKwh: z.string().describe('kWh as a decimal string'),
  items: z
    .array(UsageBucketOut.extend({ label: z.string().describe("the bucket's local start date, YYYY-MM-DD") }))
    .describe('buckets with no data are left out'),
})

/** A payment as the customer sees it. */
export const PortalPayment = z.object({
  confirmationNumber: z.string().describe('read back to the customer'),
  method: z.enum(['card', 'bank_account', 'direct_debit', 'check', 'cash']),
  methodLabel: z.string().nullable().describe('"Visa •••• 4242" for cards and bank accounts'),
  amountMinor: MinorOut,
  currency: z.string(),
  status: z.enum(['pending', 'succeeded', 'failed', 'returned']),
  failure: z.object({ code: z.string(), message: z.string() }).nullable().describe('why it failed'),
  takenOn: DateOut,
  postsOn: DateOut.describe('when the money shows on the account'),
  createdAt: InstantOut,
})

/** A kept card or bank account, as much as identifies it. */
export const PortalPaymentMethod = z.object({
  id: z.string().describe('give it as paymentMethodId to pay with it'),
  kind: z.enum(['card', 'bank_account']),
  brand: z.string(),
  last4: z.string(),
  expiryMonth: z.number().int().nullable(),
  expiryYear: z.number().int().nullable(),
})

export const PortalPayments = z.object({ items: z.array(PortalPayment), methods: z.array(PortalPaymentMethod) })

export const PortalPaymentTaken = z.object({
  payment: PortalPayment,
  replayed: z.boolean().describe('true when this Idempotency-Key was already used: the first answer again (200)'),
})

/** A declined payment: the error, with the payment as recorded. */
export const PortalPaymentDeclined = z.object({
  error: z.object({
    code: z.literal('PAYMENT_DECLINED'),
    message: z.string(),
    details: z.object({ payment: PortalPayment }),
  }),
})

/** Contact details and preferences, with the fields this person may change. */
/** A mailing address as the portal shows and takes it. */
export const MailingAddress = z.object({
  line1: z.string().min(1).max(200),
  line2: z.string().max(200).nullable(),
  town: z.string().min(1).max(100),
  postcode: z.string().min(2).max(12),
})

export const PortalContact = z.object({
  email: z.string().nullable().describe('the primary email'),
  phone: z.string().nullable().describe('the primary phone'),
  billingMode: z.enum(['paper', 'paperless']),
  billingAddress: MailingAddress.nullable().describe('where the post goes; null: the service address'),
  smsEnrolled: z.boolean(),
  editable: z
    .array(z.enum(['phone', 'smsEnrolled', 'billingMode', 'billingAddress', 'email']))
    .describe(
      "the fields this person may change; billing preferences and address and the primary email are the holder's",
    ),
})

const GrantStatus = z.enum(['active', 'pending_approval', 'revoked', 'expired'])

/** The people who may use the account. */
export const PortalAccountUsers = z.array(
  z.object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    kind: GrantKind,
    status: GrantStatus,
    validTo: InstantOut.nullable().describe('when their access ends; null when open-ended'),
    relationship: z.string().nullable().describe('their relationship to the account holder'),
  }),
)

export const PortalInvitation = z.object({
  invitationId: z.string(),
  email: z.string(),
  expiresAt: InstantOut,
})

export const PortalUserChanged = z.object({
  id: z.string().describe('the user'),
  kind: GrantKind,
  status: GrantStatus,
  validTo: InstantOut.nullable(),
})

/** A property manager's accounts with their balances. */
export const PortalPortfolio = z.object({
  items: z.array(
    z.object({
      accountNumber: z.string(),
      name: z.string(),
      address: z.string(),
      status: z.string().describe('active or closed'),
      balanceMinor: MinorOut.describe('positive: owed; negative: in credit'),
      allows: Allows,
    }),
  ),
})

/** A tenant request as the manager sees it: the case it became and where it is. */
export const PortalTenantRequest = z.object({
  caseNumber: z.string(),
  accountNumber: z.string(),
  address: z.string(),
  kind: z.enum(['move_in', 'move_out']),
  on: DateOut.nullable().describe('the move date'),
  status: z.enum(cases.caseStatuses).describe("the case's status"),
  statusAt: InstantOut,
  openedAt: InstantOut,
})

export const PortalTenantRequests = z.object({
  items: z.array(PortalTenantRequest),
  nextCursor: z.string().nullable(),
})

/** The tariff a supply is on today, with its rates for the way the account pays. */
const PortalTariff = z.object({
  code: z.string(),
  productCode: z.string(),
  productName: z.string().describe('the product, as the customer chose it'),
  since: InstantOut,
  termEndsAt: InstantOut.nullable().describe('when a fixed term ends; null for a variable tariff'),
  paymentMethod: z.enum(['DIRECT_DEBIT', 'NON_DIRECT_DEBIT']),
  standingCharge: z.string().nullable().describe('pence a day, inc VAT'),
  unitRates: z.array(
    z.object({ name: z.enum(['standard', 'day', 'night']), incVat: z.string().describe('pence a kWh, inc VAT') }),
  ),
})

/** The account's supplies now: meters with their registers, and the tariff each is on. */
export const PortalSupplies = z.object({
  canSubmitReadings: z.boolean().describe('whether this person may give meter readings (submit_readings)'),
  items: z.array(
    z.object({
      identifier: z.string().describe('MPAN or MPRN'),
      fuel: z.enum(metering.fuels),
      direction: z.enum(['import', 'export']),
      meters: z.array(
        z.object({
          serial: z.string(),
          type: z.enum(metering.meterTypes),
          registers: z.array(
            z.object({
              identifier: z.string(),
              rate: z.enum(metering.registerRates),
              digits: z.number().int().describe('the dial digits before the decimal point'),
            }),
          ),
        }),
      ),
      tariff: PortalTariff.nullable().describe('null when the supply is on no tariff today'),
    }),
  ),
})

/** A reading as recorded: held ones are kept but checked by our team before they are billed. */
export const PortalReading = z.object({
  meterPoint: z.string(),
  meterSerial: z.string(),
  register: z.string(),
  readAt: InstantOut,
  value: z.string(),
  status: z.enum(['accepted', 'held', 'superseded', 'released', 'discarded']),
  reason: z.string().nullable().describe('why a held reading is being checked'),
})

/** The customer's conversation with the supplier on the account, oldest first. */
export const PortalMessages = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      from: z.enum(['customer', 'supplier']),
      subject: z.string().nullable(),
      body: z.string(),
      at: InstantOut,
    }),
  ),
})
