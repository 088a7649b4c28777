import { createRequire } from 'node:module'

/**
 * The one password rule for staff and portal users (ASVS 2.1): at least 12 characters (at most
 * 256), not only digits, not the email address, at least 5 different characters, and not a common
 * password: not on the 49,233-entry list shipped in `@zxcvbn-ts/language-common`, compared without
 * case, also once trailing digits and symbols are stripped (`Password123!` is `password`). Pure.
 */

export const minPasswordLength = 12
export const maxPasswordLength = 256

const require = createRequire(import.meta.url)
let common: ReadonlySet<string> | undefined

function commonPasswords(): ReadonlySet<string> {
  if (!common) {
    const list = (require('@zxcvbn-ts/language-common') as { dictionary: Record<string, string[]> }).dictionary[
      'passwords-common'
    ]
    if (!list || list.length === 0) throw new Error('the common-password list is missing')
    common = new Set(list.map((entry) => entry.toLowerCase()))
  }
  return common
}

/** Whether a password is on the common-password list, as it is or without trailing digits and symbols. */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase()
  const stem = lower.replace(/[^\p{L}]+$/u, '')
  const list = commonPasswords()
  return list.has(lower) || (stem.length > 0 && list.has(stem))
}

/** What is wrong with a password, as messages for the field; empty when it is acceptable. Never throws. */
export function passwordProblems(password: string, email: string): string[] {
  const problems: string[] = []
  if (password.length < minPasswordLength) problems.push(`must be at least ${minPasswordLength} characters`)
  if (password.length > maxPasswordLength) problems.push(`must be at most ${maxPasswordLength} characters`)
  if (/^\d+$/.test(password)) problems.push('must not be only digits')
  if (password.toLowerCase() === email.trim().toLowerCase()) problems.push('must not be the email address')
  if (new Set(password).size < 5) problems.push('must use at least 5 different characters')
  if (isCommonPassword(password)) problems.push('must not be a common password')
  return problems
}
