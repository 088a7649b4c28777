/**
 * The declared responses of the Octopus-compatible `/v1/` routes (API-1, API-2): field for field the
 * shapes of the public Octopus Energy REST API (see DOMAIN.md), so its clients read them unchanged.
 * Prices are numbers in pence as Octopus sends them (not Cuttle's strings of minor units); instants
 * are ISO 8601 strings (with the local offset, or UTC without milliseconds, as each field has it).
 */
import { z } from 'zod'
import * as tariffs from '../../modules/tariffs/index.js'
import { OctopusErrorResponse } from '../responses.js'

/** Octopus's errors on a route beyond those implied: `{ detail }` (404 "Not found.", "Invalid page."). */
export function octopusErrors(...statuses: number[]): Record<number, typeof OctopusErrorResponse> {
  return Object.fromEntries(statuses.map((status) => [status, OctopusErrorResponse]))
}

/** A page of an Octopus list: the total, absolute links to the neighbouring pages (null at either end). */
export function octopusListOf<Item extends z.ZodType>(item: Item) {
  return z.object({
    count: z.number().int().describe('how many results there are in all pages'),
    next: z.string().nullable().describe('the absolute URL of the next page; null on the last'),
    previous: z.string().nullable().describe('the absolute URL of the previous page; null on the first'),
    results: z.array(item),
  })
}

const OctopusInstant = z.string().describe('an ISO 8601 instant')

/** A link as Octopus writes it. */
const Link = z.object({ href: z.string(), method: z.string(), rel: z.string() })

/** What Octopus says of a product first, in the list and in its detail alike. */
const productFields = {
  code: z.string(),
  direction: z.enum(tariffs.directions),
  full_name: z.string(),
  display_name: z.string(),
  description: z.string(),
  is_variable: z.boolean(),
  is_green: z.boolean(),
  is_tracker: z.boolean(),
  is_prepay: z.boolean(),
  is_business: z.boolean(),
  is_restricted: z.boolean(),
}

/** A product in the list of products. */
export const OctopusProductSummary = z.object({
  ...productFields,
  term: z.number().int().nullable().describe('the fixed term in months; null when open-ended'),
  available_from: OctopusInstant,
  available_to: OctopusInstant.nullable(),
  links: z.array(Link),
  brand: z.string(),
})

const price = z.number().nullable().describe('pence; null when the tariff has no such price')

/** One tariff of a product, in one region, for one payment variant. */
const OctopusTariff = z.object({
  code: z.string(),
  standing_charge_exc_vat: price,
  standing_charge_inc_vat: price,
  online_discount_exc_vat: z.number(),
  online_discount_inc_vat: z.number(),
  dual_fuel_discount_exc_vat: z.number(),
  dual_fuel_discount_inc_vat: z.number(),
  exit_fees_exc_vat: z.number().describe('the exit fee as charged, per fuel, in pence'),
  exit_fees_inc_vat: z.number().describe('the exit fee as charged, per fuel, in pence'),
  exit_fees_type: z.enum(['NONE', 'PER_FUEL']),
  links: z.array(Link),
  standard_unit_rate_exc_vat: price.optional().describe('pence per kWh; single-register tariffs only'),
  standard_unit_rate_inc_vat: price.optional().describe('pence per kWh; single-register tariffs only'),
  day_unit_rate_exc_vat: price.optional().describe('pence per kWh; day/night tariffs only'),
  day_unit_rate_inc_vat: price.optional().describe('pence per kWh; day/night tariffs only'),
  night_unit_rate_exc_vat: price.optional().describe('pence per kWh; day/night tariffs only'),
  night_unit_rate_inc_vat: price.optional().describe('pence per kWh; day/night tariffs only'),
})

/** Tariffs by region (`_A`…`_P`), then by payment variant (`direct_debit_monthly`, `varying`). */
const TariffsByRegion = z
  .record(z.string(), z.record(z.string(), OctopusTariff))
  .describe('by region (_A…_P), then by payment variant (direct_debit_monthly, varying)')

/** A product with its tariffs priced at `tariffs_active_at`. */
export const OctopusProductDetail = z.object({
  ...productFields,
  term: z.number().int().nullable(),
  available_from: OctopusInstant,
  available_to: OctopusInstant.nullable(),
  tariffs_active_at: OctopusInstant,
  single_register_electricity_tariffs: TariffsByRegion,
  dual_register_electricity_tariffs: TariffsByRegion,
  single_register_gas_tariffs: TariffsByRegion,
  dual_register_gas_tariffs: TariffsByRegion,
  links: z.array(Link),
  brand: z.string(),
})

/** One rate of a tariff over its validity. */
export const OctopusRate = z.object({
  value_exc_vat: z.number().describe('pence (per kWh, or per day for a standing charge)'),
  value_inc_vat: z.number().describe('pence (per kWh, or per day for a standing charge)'),
  valid_from: OctopusInstant,
  valid_to: OctopusInstant.nullable().describe('null while the rate is open-ended'),
  payment_method: z.enum(tariffs.paymentMethods).nullable().describe('null when the rate is the same for both'),
})

/** One interval of consumption, with local offsets. */
export const OctopusConsumption = z.object({
  consumption: z.number().describe('kWh'),
  interval_start: OctopusInstant,
  interval_end: OctopusInstant,
})

/** An electricity meter point's GSP group and profile class. */
export const OctopusMeterPoint = z.object({
  gsp: z.string().nullable().describe('the GSP group, e.g. _C; null when not known'),
  mpan: z.string(),
  profile_class: z.number().int().nullable(),
})

/** One grid supply point group (tariff region). */
export const OctopusGspGroup = z.object({ group_id: z.string().describe('e.g. _C') })

const Agreement = z.object({
  tariff_code: z.string(),
  valid_from: OctopusInstant,
  valid_to: OctopusInstant.nullable(),
})

/** An account as Octopus shows it: its property with meter points, meters, registers and agreements. */
export const OctopusAccount = z.object({
  number: z.string(),
  properties: z.array(
    z.object({
      id: z.string(),
      moved_in_at: OctopusInstant,
      moved_out_at: OctopusInstant.nullable(),
      address_line_1: z.string(),
      address_line_2: z.string(),
      address_line_3: z.string(),
      town: z.string(),
      county: z.string(),
      postcode: z.string(),
      electricity_meter_points: z.array(
        z.object({
          mpan: z.string(),
          profile_class: z.number().int().nullable(),
          consumption_standard: z.number().describe('typical annual kWh'),
          meters: z.array(
            z.object({
              serial_number: z.string(),
              registers: z.array(
                z.object({ identifier: z.string(), rate: z.string(), is_settlement_register: z.boolean() }),
              ),
            }),
          ),
          agreements: z.array(Agreement),
          is_export: z.boolean(),
        }),
      ),
      gas_meter_points: z.array(
        z.object({
          mprn: z.string(),
          consumption_standard: z.number().describe('typical annual kWh'),
          meters: z.array(z.object({ serial_number: z.string() })),
          agreements: z.array(Agreement),
        }),
      ),
    }),
  ),
})
