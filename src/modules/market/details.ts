/**
 * The supplier's own details that every bill carries (Ofgem's bill content rules: the supplier's
 * name, address, phone, website, company and VAT numbers). Each is text; an empty one is not set
 * yet and is left off the bill. Pure.
 */
import { z } from 'zod'

const text = (field: string, max: number) =>
  z
    .string({ error: `${field} must be text` })
    .trim()
    .max(max, { error: `${field} must be at most ${max} characters` })
    .refine((value) => !/\p{Cc}/u.test(value), { error: `${field} must not hold control characters` })

const pattern = (field: string, max: number, shape: RegExp, example: string) =>
  text(field, max).refine((value) => value === '' || shape.test(value), {
    error: `${field} must look like ${example}`,
  })

export const supplierDetailsSchema = z.strictObject({
  /** The registered company name, 'Good Egg Energy Ltd'. */
  legalName: text('legalName', 120),
  /** The registered address on one line. */
  address: text('address', 200),
  /** The customer service number. */
  phone: pattern('phone', 30, /^\+?[0-9][0-9 ]{5,28}$/, '0800 123 4567'),
  email: pattern('email', 254, /^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'hello@example.com'),
  website: pattern('website', 200, /^(https?:\/\/)?[a-z0-9.-]+\.[a-z]{2,}(\/\S*)?$/i, 'www.example.com'),
  /** Companies House: eight digits, or two letters and six digits. */
  companyNumber: pattern('companyNumber', 8, /^([0-9]{8}|[A-Z]{2}[0-9]{6})$/, '12345678 or SC123456'),
  /** HMRC: GB and nine (or twelve) digits, spaces allowed. */
  vatNumber: pattern('vatNumber', 20, /^GB ?[0-9]{3} ?[0-9]{4} ?[0-9]{2}( ?[0-9]{3})?$/, 'GB 123 4567 89'),
})

export type SupplierDetails = z.infer<typeof supplierDetailsSchema>

/** Nothing set yet. */
export const noDetails: SupplierDetails = {
  legalName: '',
  address: '',
  phone: '',
  email: '',
  website: '',
  companyNumber: '',
  vatNumber: '',
}
