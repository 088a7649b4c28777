/**
 * The collections API (COL-1..4, ACC-7) as the console uses it: the shapes of
 * `src/api/routes/collections.ts` and typed calls over the shared client's `send`. Some lists come
 * as their database rows (snake_case names), typed here as they arrive.
 */
import type { ApiClient } from '../api.js'
import type { Arrangement } from '../payments/payments-api.js'

export type WorklistItem = {
  accountId: string
  accountNumber: string
  name: string
  pastDueMinor: string
  balanceMinor: string
  oldestPastDueOn: string
  daysPastDue: number
  lastAction: string | null
  lastActionAt: string | null
  /** `psr`, `vulnerable`. */
  protectedBy: string[]
  arrangement: boolean
  disconnectionPending: boolean
}

export type Worklist = { on: string; items: WorklistItem[] }

export type CollectionsPosition = {
  balanceMinor: string
  pastDueMinor: string
  buckets: { current: string; days1to30: string; days31to60: string; days61to90: string; over90: string }
  oldestPastDueOn: string | null
  nextDueOn: string | null
}

export type CollectionAction = {
  id: string
  episodeDueOn: string
  action: string
  amountMinor: string | null
  messageId: string | null
  detail: string | null
  takenBy: string
  takenAt: string
}

export type DisconnectionOrder = {
  id: string
  status: 'pending' | 'cancelled' | 'completed'
  reason: string
  requestedBy: string
  requestedAt: string
  endedBy: string | null
  endedAt: string | null
}

export type CollectionsNote = {
  id: string
  kind: 'affordability' | 'debt_advice'
  body: string
  details: {
    monthlyIncomeMinor?: string
    monthlyOutgoingsMinor?: string
    canPayMonthlyMinor?: string
    signposts?: string[]
  } | null
  createdBy: string
  createdAt: string
}

export type Vulnerability = {
  id: string
  register: 'psr' | 'vulnerable'
  category: string
  consentGiven: boolean
  consentOn: string | null
  reviewOn: string | null
  note: string | null
  createdAt: string
}

export type Signpost = { code: string; name: string; description: string }

export type AccountCollections = {
  today: string
  position: CollectionsPosition
  actions: CollectionAction[]
  disconnectionOrders: DisconnectionOrder[]
  notes: CollectionsNote[]
  vulnerabilities: Vulnerability[]
  arrangements: Arrangement[]
  signposts: Signpost[]
}

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

const base = (accountNumber: string) => `/accounts/${encodeURIComponent(accountNumber)}`

export function worklist(api: ApiClient, { limit = 100 }: { limit?: number } = {}): Promise<Worklist> {
  return api.send({ path: `/collections/worklist?${new URLSearchParams({ limit: String(limit) })}` })
}

export function accountCollections(
  api: ApiClient,
  { accountNumber }: { accountNumber: string },
): Promise<AccountCollections> {
  return api.send({ path: `${base(accountNumber)}/collections` })
}

/** @throws ApiError LATE_FEE_REFUSED */
export function applyLateFee(
  api: ApiClient,
  { accountNumber, amountMinor }: { accountNumber: string; amountMinor?: string },
): Promise<{ amountMinor: string; episode: string }> {
  return api.send({
    method: 'POST',
    path: `${base(accountNumber)}/late-fees`,
    body: amountMinor ? { amountMinor } : {},
  })
}

/** @throws ApiError DISCONNECTION_REFUSED (with the reason in its message) */
export async function raiseDisconnectionOrder(
  api: ApiClient,
  { accountNumber, reason }: { accountNumber: string; reason: string },
): Promise<DisconnectionOrder> {
  const { order } = await api.send<{ order: DisconnectionOrder }>({
    method: 'POST',
    path: `${base(accountNumber)}/disconnection-orders`,
    body: { reason },
  })
  return order
}

export function cancelDisconnectionOrder(api: ApiClient, { accountNumber }: { accountNumber: string }): Promise<void> {
  return api.send({ method: 'DELETE', path: `${base(accountNumber)}/disconnection-orders/pending` })
}

export type NewCollectionsNote =
  | {
      kind: 'affordability'
      body: string
      affordability: { monthlyIncomeMinor: string; monthlyOutgoingsMinor: string; canPayMonthlyMinor: string }
    }
  | { kind: 'debt_advice'; body: string; signposts: string[] }

/** @throws ApiError INVALID_COLLECTIONS_NOTE (field problems) */
export async function recordCollectionsNote(
  api: ApiClient,
  { accountNumber, note }: { accountNumber: string; note: NewCollectionsNote },
): Promise<CollectionsNote> {
  const { note: saved } = await api.send<{ note: CollectionsNote }>({
    method: 'POST',
    path: `${base(accountNumber)}/collections-notes`,
    body: note,
  })
  return saved
}

export type NewVulnerability = {
  register: 'psr' | 'vulnerable'
  category: string
  consentGiven: boolean
  consentOn?: string
  reviewOn?: string
  note?: string
}

/** @throws ApiError INVALID_VULNERABILITY (field problems) */
export async function addVulnerability(
  api: ApiClient,
  { accountNumber, vulnerability }: { accountNumber: string; vulnerability: NewVulnerability },
): Promise<Vulnerability> {
  const { vulnerability: saved } = await api.send<{ vulnerability: Vulnerability }>({
    method: 'POST',
    path: `${base(accountNumber)}/vulnerabilities`,
    body: vulnerability,
  })
  return saved
}

export function removeVulnerability(
  api: ApiClient,
  { accountNumber, id }: { accountNumber: string; id: string },
): Promise<void> {
  return api.send({ method: 'DELETE', path: `${base(accountNumber)}/vulnerabilities/${encodeURIComponent(id)}` })
}

/** The permission the collections worklist is read under. */
export const worklistPermission = 'collections.commitment.track'
