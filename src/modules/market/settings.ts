import { z } from 'zod'

/**
 * A money limit in minor units: a bigint, a safe integer number or a string of digits, never negative.
 * Not `z.coerce.bigint()`, which reads '' and ' ' as 0n and true as 1n.
 */
function minorUnits(field: string) {
  const message = `${field} must be a whole, non-negative number of minor units (digits only, e.g. 10000)`
  return z.union([z.bigint(), z.number(), z.string()], { error: message }).transform((value, context) => {
    if (typeof value === 'bigint' && value >= 0n) return value
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return BigInt(value)
    if (typeof value === 'string' && /^\d+$/.test(value)) return BigInt(value)
    context.addIssue({ code: 'custom', message, input: value })
    return z.NEVER
  })
}

/**
 * Supplier settings with the seeds' defaults. Money limits are in minor units of the profile's
 * currency (10000 = £100.00 / $100.00).
 */
export const supplierSettingsSchema = z.strictObject({
  /** Agents may issue credits up to this; above it a supervisor approves (seed: $100). */
  creditApprovalLimitMinor: minorUnits('creditApprovalLimitMinor'),
  /** Business invoice payments above this need a manual approval (seed: 3000). */
  invoicePaymentApprovalMinor: minorUnits('invoicePaymentApprovalMinor'),
  /** Payment arrangements: the default down payment as a percentage of the past-due amount (seed: 25%). */
  arrangementDownPaymentPercent: z.number().int().min(0).max(100),
  /** Days after an instalment's due date before a missed instalment breaks the arrangement. */
  arrangementGraceDays: z.number().int().min(0).max(30),
  /** COL-2: the late fee the collections process applies with the final notice; 0 turns it off. */
  lateFeeMinor: minorUnits('lateFeeMinor'),
  /** Third-party access grants last between these many days (seed: 30–90). */
  thirdPartyAccessMinDays: z.number().int().min(1),
  thirdPartyAccessMaxDays: z.number().int().min(1),
  /** Staff must change their password this often (seed: every 90 days). */
  staffPasswordMaxAgeDays: z.number().int().min(1).max(3650),
  staffSessionMaxHours: z.number().int().min(1).max(72),
  staffSessionIdleMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60),
  staffMaxFailedLogins: z.number().int().min(3).max(20),
  staffLockoutMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
})

export type SupplierSettings = z.infer<typeof supplierSettingsSchema>

export const defaultSettings: SupplierSettings = {
  creditApprovalLimitMinor: 10_000n,
  invoicePaymentApprovalMinor: 300_000n,
  arrangementDownPaymentPercent: 25,
  arrangementGraceDays: 7,
  lateFeeMinor: 500n,
  thirdPartyAccessMinDays: 30,
  thirdPartyAccessMaxDays: 90,
  staffPasswordMaxAgeDays: 90,
  staffSessionMaxHours: 12,
  staffSessionIdleMinutes: 30,
  staffMaxFailedLogins: 5,
  staffLockoutMinutes: 15,
}

/** Settings as stored (JSON has no bigint): limits as decimal strings of minor units. */
export function settingsToJson(settings: SupplierSettings): Record<string, string | number> {
  return {
    ...settings,
    creditApprovalLimitMinor: settings.creditApprovalLimitMinor.toString(),
    invoicePaymentApprovalMinor: settings.invoicePaymentApprovalMinor.toString(),
    lateFeeMinor: settings.lateFeeMinor.toString(),
  }
}
