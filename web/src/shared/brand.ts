/**
 * Who the web app speaks for: the supplier's name, its currency, locale and time zone, read once
 * from the public `GET /api/brand` before either app renders (so nothing about one supplier is
 * written in the code). Formatters (`format.ts`, `money.ts`) read `brand()` when they run.
 */
import { createCuttleClient, dataOf } from './api-client.js'

export type Brand = {
  /** The supplier's name as customers know it. */
  readonly name: string
  /** ISO 4217 code of the currency money is kept in (amounts are its minor units). */
  readonly currency: string
  /** BCP 47 locale the market writes dates and numbers in. */
  readonly locale: string
  /** IANA time zone the supplier's days, bills and clocks are in. */
  readonly timeZone: string
}

let current: Brand | null = null

/** The supplier's brand. @throws Error when called before `loadBrand()` has finished */
export function brand(): Brand {
  if (!current) throw new Error('brand() was read before loadBrand() finished')
  return current
}

/** Set the brand directly (for tests and for an entry that already has it). */
export function setBrand(next: Brand): void {
  current = next
}

/** Fetch the brand from the server and keep it for `brand()`. @throws ApiError when it cannot be read */
export async function loadBrand(): Promise<Brand> {
  current = await dataOf(createCuttleClient().GET('/api/brand'))
  return current
}

const symbols = new Map<string, string>()

/** The symbol the brand's locale writes before amounts of `currency` ('£' for GBP in en-GB). */
export function currencySymbol(currency: string = brand().currency): string {
  const { locale } = brand()
  const key = `${locale}|${currency}`
  let symbol = symbols.get(key)
  if (symbol === undefined) {
    const parts = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(0)
    symbol = parts.find((part) => part.type === 'currency')?.value ?? `${currency} `
    symbols.set(key, symbol)
  }
  return symbol
}
