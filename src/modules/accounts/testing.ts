/**
 * Accounts for tests to open (exported through the door, so other modules' and the use cases'
 * tests build theirs the same way). Nothing in production code uses it.
 */
import type { NewAccount } from './types.js'

/**
 * A GB household account billed paperless, with no contact details and no separate billing address
 * unless `fields` gives them: what most tests need, with only what they care about written out.
 */
export function testAccount(
  fields: Pick<NewAccount, 'number' | 'customer' | 'property' | 'openedOn'> & Partial<NewAccount>,
): NewAccount {
  return { billingAddress: null, emails: [], phones: [], billingMode: 'paperless', market: 'gb', ...fields }
}
