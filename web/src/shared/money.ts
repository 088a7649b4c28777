/** Money from the API: strings of integer minor units, formatted exactly (BigInt, never floats). */
const symbols: Record<string, string> = { GBP: '£', USD: '$' }

/** '12345' → '£123.45'; '-500' → '−£5.00'. */
export function formatMinor(minor: string | null | undefined, currency = 'GBP'): string {
  if (minor === null || minor === undefined || !/^-?\d+$/.test(minor)) return '—'
  const value = BigInt(minor)
  const negative = value < 0n
  const abs = negative ? -value : value
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${negative ? '−' : ''}${symbols[currency] ?? `${currency} `}${whole}.${String(abs % 100n).padStart(2, '0')}`
}

/** A balance as agents say it: '£12.00 to pay', '£3.50 in credit'. */
export function formatBalance(minor: string | null | undefined, currency = 'GBP'): string {
  if (minor === null || minor === undefined || !/^-?\d+$/.test(minor)) return '—'
  const value = BigInt(minor)
  if (value === 0n) return formatMinor('0', currency)
  return value > 0n ? `${formatMinor(minor, currency)} to pay` : `${formatMinor(String(-value), currency)} in credit`
}
