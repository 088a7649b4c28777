/**
 * The supplier's settings as the console uses them: the details every bill carries, from
 * `GET /api/settings` and changed through `PATCH /api/settings/details` (`src/api/routes/settings.ts`),
 * shapes generated from `/openapi.json`.
 */
import type { ApiClient } from '../api.js'
import { dataOf, type ResponseOf } from '../shared/api-client.js'

/** What every bill says of the supplier ('' where not set). */
export type SupplierDetails = ResponseOf<'/api/settings', 'get'>['details']

/** The details in the order the screen shows them. */
export const supplierDetailKeys: readonly (keyof SupplierDetails)[] = [
  'legalName',
  'address',
  'phone',
  'email',
  'website',
  'companyNumber',
  'vatNumber',
]

/** Who sees the supplier's details and settings. */
export const supplierDetailsReadPermission = 'settings.supplier.read'
/** Who changes them. */
export const supplierDetailsUpdatePermission = 'settings.supplier.update'

/** The supplier's details. @throws ApiError */
export async function readSupplierDetails(api: ApiClient): Promise<SupplierDetails> {
  return (await dataOf(api.client.GET('/api/settings'))).details
}

/** Change some of the details ('' clears one); answers them all as saved. @throws ApiError with field problems */
export async function updateSupplierDetails(api: ApiClient, changes: Record<string, string>): Promise<SupplierDetails> {
  return (await dataOf(api.client.PATCH('/api/settings/details', { body: changes }))).details
}
