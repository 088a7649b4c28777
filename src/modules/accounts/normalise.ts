/** Pure normalisation for contact details and search, so lookups match however people type. */

/** A UK phone number as national digits: '+44 (0)7700 900-123' → '07700900123'. */
export function phoneDigits(input: string): string {
  let digits = input.replace(/\D/g, '')
  if (digits.startsWith('440')) digits = digits.slice(2)
  else if (digits.startsWith('44') && input.trim().startsWith('+')) digits = `0${digits.slice(2)}`
  else if (digits.startsWith('0044')) digits = `0${digits.slice(4)}`
  return digits
}

export function emailKey(input: string): string {
  return input.trim().toLowerCase()
}

/** 'cb1 2ab' → 'CB12AB'. */
export function postcodeKey(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase()
}

/** 'cb12ab' → 'CB1 2AB' (the inward code is always the last three characters). */
export function formatPostcode(input: string): string {
  const key = postcodeKey(input)
  return key.length > 3 ? `${key.slice(0, -3)} ${key.slice(-3)}` : key
}

const ukPostcode = /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/
/** A full UK postcode, spacing and case aside. */
export function isUkPostcode(input: string): boolean {
  return ukPostcode.test(formatPostcode(input))
}

/** A postcode or its outward part ('SW9', 'CB1 2'), as typed into search. */
export function looksLikePostcode(input: string): boolean {
  return /^[A-Z]{1,2}\d[A-Z\d]?( ?\d[A-Z]{0,2})?$/i.test(input.trim())
}

/** 'A-1F2E3D4C', 'a1f2e3d4c', or the bare 8 hex digits when they include a digit (so not a word). */
export function looksLikeAccountNumber(input: string): boolean {
  const text = input.trim()
  return /^A-?[0-9A-F]{8}$/i.test(text) || (/^[0-9A-F]{8}$/i.test(text) && /\d/.test(text))
}

export function accountNumberKey(input: string): string {
  const text = input.trim().toUpperCase()
  return `A-${text.length === 8 ? text : text.replace(/^A-?/, '')}`
}

export function looksLikePhone(input: string): boolean {
  return /^[+\d\s().-]+$/.test(input.trim()) && input.replace(/\D/g, '').length >= 6
}

export function displayName(customer: {
  kind: 'person' | 'business'
  title?: string | null | undefined
  givenName?: string | null | undefined
  familyName?: string | null | undefined
  businessName?: string | null | undefined
}): string {
  if (customer.kind === 'business') return (customer.businessName ?? '').trim()
  return [customer.givenName, customer.familyName]
    .filter((part): part is string => !!part && part.trim() !== '')
    .map((part) => part.trim())
    .join(' ')
}

export function oneLineAddress(address: {
  line1: string
  line2?: string | null | undefined
  town: string
  postcode: string
}): string {
  return [address.line1, address.line2, address.town, address.postcode]
    .filter((part) => part && part.trim() !== '')
    .join(', ')
}
