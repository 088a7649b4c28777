/**
 * The collections API (COL-1..4, ACC-7) as the console uses it: the answers `/openapi.json` declares
 * for `src/api/routes/collections.ts` (generated, never written here) and typed calls over the shared
 * client.
 */
import type { ApiClient } from '../api.js'
import { dataOf, type RequestOf, type ResponseOf } from '../shared/api-client.js'

export type Worklist = ResponseOf<'/api/collections/worklist', 'get'>
export type WorklistItem = Worklist['items'][number]

export type AccountCollections = ResponseOf<'/api/accounts/{accountNumber}/collections', 'get'>
export type CollectionsPosition = AccountCollections['position']
export type CollectionAction = AccountCollections['actions'][number]
export type DisconnectionOrder = AccountCollections['disconnectionOrders'][number]
export type CollectionsNote = AccountCollections['notes'][number]
export type Vulnerability = AccountCollections['vulnerabilities'][number]
export type Signpost = AccountCollections['signposts'][number]

export type NewCollectionsNote = RequestOf<'/api/accounts/{accountNumber}/collections-notes', 'post'>
export type NewVulnerability = RequestOf<'/api/accounts/{accountNumber}/vulnerabilities', 'post'>

/** The PSR needs and other vulnerabilities the server accepts (src/modules/accounts/vulnerability.ts). */
export const psrCategories = [
  'pensionable_age',
  'disability',
  'chronic_illness',
  'medical_equipment',
  'children_under_5',
  'blind_or_partially_sighted',
  'deaf_or_hard_of_hearing',
  'mental_health',
  'dementia',
  'temporary_life_change',
  'unable_to_communicate_in_english',
] as const
export const vulnerabilityCategories = ['financial_hardship', 'bereavement', 'other'] as const

const account = (accountNumber: string) => ({ path: { accountNumber } })

export function worklist(api: ApiClient, { limit = 100 }: { limit?: number } = {}): Promise<Worklist> {
  return dataOf(api.client.GET('/api/collections/worklist', { params: { query: { limit } } }))
}

export function accountCollections(
  api: ApiClient,
  { accountNumber }: { accountNumber: string },
): Promise<AccountCollections> {
  return dataOf(api.client.GET('/api/accounts/{accountNumber}/collections', { params: account(accountNumber) }))
}

/** @throws ApiError LATE_FEE_REFUSED */
export function applyLateFee(
  api: ApiClient,
  { accountNumber, amountMinor }: { accountNumber: string; amountMinor?: string },
): Promise<ResponseOf<'/api/accounts/{accountNumber}/late-fees', 'post'>> {
  return dataOf(
    api.client.POST('/api/accounts/{accountNumber}/late-fees', {
      params: account(accountNumber),
      body: amountMinor ? { amountMinor } : {},
    }),
  )
}

/** @throws ApiError DISCONNECTION_REFUSED (with the reason in its message) */
export async function raiseDisconnectionOrder(
  api: ApiClient,
  { accountNumber, reason }: { accountNumber: string; reason: string },
): Promise<DisconnectionOrder> {
  const { order } = await dataOf(
    api.client.POST('/api/accounts/{accountNumber}/disconnection-orders', {
      params: account(accountNumber),
      body: { reason },
    }),
  )
  return order
}

export async function cancelDisconnectionOrder(
  api: ApiClient,
  { accountNumber }: { accountNumber: string },
): Promise<void> {
  await api.client.DELETE('/api/accounts/{accountNumber}/disconnection-orders/pending', {
    params: account(accountNumber),
  })
}

/** @throws ApiError INVALID_COLLECTIONS_NOTE (field problems) */
export async function recordCollectionsNote(
  api: ApiClient,
  { accountNumber, note }: { accountNumber: string; note: NewCollectionsNote },
): Promise<CollectionsNote> {
  const { note: saved } = await dataOf(
    api.client.POST('/api/accounts/{accountNumber}/collections-notes', { params: account(accountNumber), body: note }),
  )
  return saved
}

/** @throws ApiError INVALID_VULNERABILITY (field problems) */
export async function addVulnerability(
  api: ApiClient,
  { accountNumber, vulnerability }: { accountNumber: string; vulnerability: NewVulnerability },
): Promise<Vulnerability> {
  const { vulnerability: saved } = await dataOf(
    api.client.POST('/api/accounts/{accountNumber}/vulnerabilities', {
      params: account(accountNumber),
      body: vulnerability,
    }),
  )
  return saved
}

export async function removeVulnerability(
  api: ApiClient,
  { accountNumber, id }: { accountNumber: string; id: string },
): Promise<void> {
  await api.client.DELETE('/api/accounts/{accountNumber}/vulnerabilities/{id}', {
    params: { path: { accountNumber, id } },
  })
}

/** The permission the collections worklist is read under. */
export const worklistPermission = 'collections.commitment.track'
