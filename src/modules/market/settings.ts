import { z } from 'zod'

/**
 * Every setting's range, both ends included. A setting with no upper bound would let one change
 * remove the rule it sets (an approval limit of 10^24 approves everything), so each has one: money
 * at most 100,000 major units (10,000,000 minor units), days at most a year, percentages 0..100.
 */
export const settingBounds = {
  /** Agents may issue credits up to this; above it a supervisor approves (seed: $100). */
  creditApprovalLimitMinor: { min: 0n, max: 10_000_000n },
  /** Business invoice payments above this need a manual approval (seed: 3000). */
  invoicePaymentApprovalMinor: { min: 0n, max: 10_000_000n },
  /** Payment arrangements: the default down payment as a percentage of the past-due amount (seed: 25%). */
  arrangementDownPaymentPercent: { min: 0, max: 100 },
  /** Days after an instalment's due date before a missed instalment breaks the arrangement. */
  arrangementGraceDays: { min: 0, max: 30 },
  /** COL-2: the late fee the collections process applies with the final notice; 0 turns it off. At most 100 major units. */
  lateFeeMinor: { min: 0n, max: 10_000n },
  /** Third-party access grants last between these many days (seed: 30–90). */
  thirdPartyAccessMinDays: { min: 1, max: 365 },
  thirdPartyAccessMaxDays: { min: 1, max: 365 },
  /** Staff must change their password this often (seed: every 90 days). */
  staffPasswordMaxAgeDays: { min: 1, max: 365 },
  staffSessionMaxHours: { min: 1, max: 72 },
  staffSessionIdleMinutes: { min: 5, max: 24 * 60 },
  staffMaxFailedLogins: { min: 3, max: 20 },
  staffLockoutMinutes: { min: 1, max: 24 * 60 },
} as const

type MoneySetting = {
  [K in keyof typeof settingBounds]: (typeof settingBounds)[K]['min'] extends bigint ? K : never
}[keyof typeof settingBounds]
type CountSetting = Exclude<keyof typeof settingBounds, MoneySetting>

/**
 * A money limit in minor units within its bounds: a bigint, a safe integer number or a string of
 * digits. Not `z.coerce.bigint()`, which reads '' and ' ' as 0n and true as 1n.
 */
function minorUnits(field: MoneySetting) {
  const { min, max } = settingBounds[field]
  const message = `${field} must be a whole, non-negative number of minor units (digits only, e.g. 10000)`
  const range = `${field} must be from ${min} to ${max} minor units`
  return z.union([z.bigint(), z.number(), z.string()], { error: message }).transform((value, context) => {
    const amount =
      typeof value === 'bigint'
        ? value
        : typeof value === 'number' && Number.isSafeInteger(value)
          ? BigInt(value)
          : typeof value === 'string' && /^\d+$/.test(value)
            ? BigInt(value)
            : undefined
    if (amount === undefined || amount < 0n) {
      context.addIssue({ code: 'custom', message, input: value })
      return z.NEVER
    }
    if (amount < min || amount > max) {
      context.addIssue({ code: 'custom', message: range, input: value })
      return z.NEVER
    }
    return amount
  })
}

/** A whole number within the setting's bounds. */
function count(field: CountSetting) {
  const { min, max } = settingBounds[field]
  const range = `${field} must be a whole number from ${min} to ${max}`
  return z.number({ error: range }).int({ error: range }).min(min, { error: range }).max(max, { error: range })
}

/**
 * Supplier settings with the seeds' defaults, each within `settingBounds`. Money limits are in minor
 * units of the profile's currency (10000 = £100.00 / $100.00).
 */
export const supplierSettingsSchema = z.strictObject({
  creditApprovalLimitMinor: minorUnits('creditApprovalLimitMinor'),
  invoicePaymentApprovalMinor: minorUnits('invoicePaymentApprovalMinor'),
  arrangementDownPaymentPercent: count('arrangementDownPaymentPercent'),
  arrangementGraceDays: count('arrangementGraceDays'),
  lateFeeMinor: minorUnits('lateFeeMinor'),
  thirdPartyAccessMinDays: count('thirdPartyAccessMinDays'),
  thirdPartyAccessMaxDays: count('thirdPartyAccessMaxDays'),
  staffPasswordMaxAgeDays: count('staffPasswordMaxAgeDays'),
  staffSessionMaxHours: count('staffSessionMaxHours'),
  staffSessionIdleMinutes: count('staffSessionIdleMinutes'),
  staffMaxFailedLogins: count('staffMaxFailedLogins'),
  staffLockoutMinutes: count('staffLockoutMinutes'),
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
