/**
 * The pricing API (issue 22) as the console uses it: the shapes of `src/api/routes/prices.ts`, calls
 * over the generated client and their declared answers.
 */
import type { ApiClient } from '../api.js'
import { dataOf, type ResponseOf } from '../shared/api-client.js'

/** The permission that shows the Prices page: uploading and submitting price changes. */
export const pricesPermission = 'tariffs.price_change.submit'
/** The permission of the approval buttons (the second pricing analyst). */
export const approvePricesPermission = 'tariffs.price_change.approve'

export type CatalogueProduct = ResponseOf<'/api/products', 'get'>['items'][number]
export type PriceChange = ResponseOf<'/api/price-changes/{id}', 'get'>['priceChange']
export type PriceDiff = PriceChange['prices'][number]
export type PriceSummary = PriceChange['summary']
/** What a rise owes customers in notice, decided today (`tooShort`: submitting needs an override with a reason). */
export type PriceNotice = {
  risingTariffs: string[]
  noticeDays: number | null
  decidedOn: string
  earliestDate: string | null
  tooShort: boolean
}
export type DryRun = { effectiveFrom: string; prices: PriceDiff[]; summary: PriceSummary; notice: PriceNotice }
export type NoticeRule = ResponseOf<'/api/price-changes/notice-rule', 'get'>
/** The error of a rise with too little notice for customers: its details name the earliest date. */
export const noticeTooShortCode = 'PRICE_CHANGE_NOTICE_TOO_SHORT'

/** The market's notice of a rise: its days and the earliest effective date a rise decided today may take. */
export async function noticeRule(api: ApiClient): Promise<NoticeRule> {
  return dataOf(api.client.GET('/api/price-changes/notice-rule'))
}

export async function listCatalogue(api: ApiClient): Promise<CatalogueProduct[]> {
  return (await dataOf(api.client.GET('/api/products'))).items
}

export async function listPriceChanges(api: ApiClient): Promise<PriceChange[]> {
  return (await dataOf(api.client.GET('/api/price-changes'))).items
}

type Upload = { effectiveDate: string; csv: string; note?: string; overrideNotice?: { reason: string } }

/** Check a file and price it against the prices in force; nothing is saved. @throws ApiError INVALID_PRICE_CHANGE naming csv.<line>.<column> */
export async function dryRunPriceChange(api: ApiClient, upload: Upload): Promise<DryRun> {
  return (await dataOf(api.client.POST('/api/price-changes', { body: { ...upload, dryRun: true } }))) as DryRun
}

/** Upload the file and submit it for a second analyst's approval. @throws ApiError INVALID_PRICE_CHANGE */
export async function submitPriceChange(api: ApiClient, upload: Upload): Promise<PriceChange> {
  const answer = (await dataOf(api.client.POST('/api/price-changes', { body: { ...upload, submit: true } }))) as unknown
  return (answer as { priceChange: PriceChange }).priceChange
}

export type NoticesSent = ResponseOf<'/api/price-changes/{id}/approve', 'post'>['notices']

/**
 * Publish another analyst's change; the customers on a rising tariff are sent notice. With
 * `overrideReason`, a rise at shorter notice than the market's.
 * @throws ApiError CANNOT_APPROVE_OWN_PRICE_CHANGE, PRICE_CHANGE_NOT_PENDING, PRICE_CHANGE_TOO_LATE,
 *   PRICE_CHANGE_NOTICE_TOO_SHORT, RATES_OVERLAP
 */
export async function approvePriceChange(
  api: ApiClient,
  id: string,
  note?: string,
  overrideReason?: string,
): Promise<{ priceChange: PriceChange; notices: NoticesSent }> {
  const body = {
    ...(note ? { note } : {}),
    ...(overrideReason ? { overrideNotice: { reason: overrideReason } } : {}),
  }
  return dataOf(api.client.POST('/api/price-changes/{id}/approve', { params: { path: { id } }, body }))
}

/** @throws ApiError PRICE_CHANGE_NOT_PENDING */
export async function rejectPriceChange(api: ApiClient, id: string, note: string): Promise<PriceChange> {
  return (await dataOf(api.client.POST('/api/price-changes/{id}/reject', { params: { path: { id } }, body: { note } })))
    .priceChange
}

/** The permission of the Agile day-ahead panel. */
export const dayAheadPermission = 'tariffs.dynamic_price.load'

export type DayAheadResult = ResponseOf<'/api/dynamic-prices', 'post'>
export type DayAheadDay = DayAheadResult['days'][number]

/** Check (dryRun) or load an Agile day-ahead file. @throws ApiError INVALID_PRICE_CHANGE naming csv.<line>.<column> */
export async function loadDayAhead(api: ApiClient, csv: string, dryRun: boolean): Promise<DayAheadResult> {
  return dataOf(api.client.POST('/api/dynamic-prices', { body: { csv, dryRun } }))
}

type CapUpload = {
  effectiveDate: string
  csv: string
  products: string[]
  note?: string
  overrideNotice?: { reason: string }
}

/** A price cap's levels for the products that follow it: the diff only. @throws ApiError INVALID_PRICE_CHANGE */
export async function dryRunCapLevels(api: ApiClient, upload: CapUpload): Promise<DryRun> {
  return (await dataOf(api.client.POST('/api/price-cap-levels', { body: { ...upload, dryRun: true } }))) as DryRun
}

/** A price cap's levels as a price change submitted for approval. @throws ApiError INVALID_PRICE_CHANGE */
export async function submitCapLevels(api: ApiClient, upload: CapUpload): Promise<PriceChange> {
  const answer = (await dataOf(api.client.POST('/api/price-cap-levels', { body: upload }))) as unknown
  return (answer as { priceChange: PriceChange }).priceChange
}
