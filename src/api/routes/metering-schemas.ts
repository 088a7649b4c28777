/**
 * The meter point as the API shows it (MET-1, MET-2): shared by the account overview and the meter
 * points route; what a register reading says, shared by the readings and the move routes; and a bucket
 * of usage, shared by the staff and portal usage routes.
 */
import { z } from 'zod'
import * as metering from '../../modules/metering/index.js'
import { DateOut, InstantOut } from '../responses.js'

/** One bucket of usage (the staff console's and the portal's); kWh as an exact decimal string. */
export const UsageBucketOut = z.object({
  start: InstantOut,
  end: InstantOut,
  label: z.string().describe("the bucket's local start date, with ' P<n>' (settlement period) for half hours"),
  kwh: z.string().describe('kWh, an exact decimal string'),
  intervals: z.number().int().describe('half hours with data in the bucket'),
  estimated: z.number().int().describe('estimated half hours in the bucket'),
})

/** A meter point with its meters and registers. */
export const MeterPointOut = z.object({
  id: z.string(),
  fuel: z.enum(metering.fuels),
  identifier: z.string().describe('MPAN core (electricity) or MPRN (gas)'),
  direction: z.enum(['import', 'export']),
  profileClass: z.string().nullable(),
  gspRegion: z.string().nullable(),
  distributorId: z.string().nullable(),
  linkedImport: z.string().nullable().describe('for an export MPAN: the import MPAN it is linked to'),
  suppliedFrom: DateOut,
  suppliedTo: DateOut.nullable(),
  meters: z.array(
    z.object({
      serial: z.string(),
      type: z.enum(metering.meterTypes),
      installedOn: DateOut,
      removedOn: DateOut.nullable(),
      registers: z.array(
        z.object({
          identifier: z.string(),
          rate: z.enum(metering.registerRates),
          digits: z.number().int().describe('the dial digits; readings wrap to 0 after 10^digits − 1'),
          unit: z.enum(['kWh', 'm3', 'hcf']).describe('what the dial counts: kWh, or gas volume in m3 or hcf'),
        }),
      ),
    }),
  ),
})

/** What a register reading says first: which register, when, the value, and where it came from. */
export const readingFields = {
  id: z.string(),
  meterPoint: z.string(),
  meterSerial: z.string(),
  register: z.string(),
  readAt: InstantOut,
  value: z.string(),
  source: z.enum(metering.readingSources),
  kind: z.enum(metering.readingKinds),
}

/** A register of a meter being registered or installed. */
export const RegisterIn = z.strictObject({
  identifier: z
    .string()
    .regex(/^[A-Z0-9]{1,4}$/, '1 to 4 capital letters or digits')
    .describe("the register's id, 'S', '01'"),
  rate: z.enum(metering.registerRates),
  digits: z.number().int().min(4).max(9).default(5).describe('the dial digits (5 when absent)'),
  unit: z
    .enum(['kWh', 'm3', 'hcf'])
    .optional()
    .describe('kWh for electricity; m3 (when absent) or hcf (hundreds of cubic feet) for gas'),
})

/** A meter being registered or installed, with its registers. */
export const MeterIn = z.strictObject({
  serial: z.string().regex(/^[A-Za-z0-9-]{1,20}$/, '1 to 20 letters, digits or dashes'),
  type: z.enum(metering.meterTypes),
  registers: z.array(RegisterIn).min(1).max(6),
})

/** A reading of one register at a meter exchange. */
export const ExchangeReadingIn = z.strictObject({
  register: z.string().min(1).max(4),
  value: z.string().min(1).max(20).describe('units with at most one decimal place'),
})
