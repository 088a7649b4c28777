/**
 * Accounts for tests to open (exported through the door, so other modules' and the use cases'
 * tests build theirs the same way). Nothing in production code uses it.
 */
import type { Change } from '../../db/index.js'
import { createAccounts } from './operations.js'
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

/**
 * Eleanor Ashworth of 14 Mill Lane, Cambridge, A-00000001, opened 2024-01-15 with one email: the
 * household most tests act on, with what a test needs changed.
 */
export function eleanorTestAccount(changes: Partial<NewAccount> = {}): NewAccount {
  return testAccount({
    number: 'A-00000001',
    customer: { kind: 'person', title: 'Ms', givenName: 'Eleanor', familyName: 'Ashworth' },
    property: { line1: '14 Mill Lane', town: 'Cambridge', postcode: 'CB1 2AB', gspRegion: '_A' },
    emails: [{ address: 'eleanor@example.com', primary: true }],
    openedOn: '2024-01-15',
    ...changes,
  })
}

/**
 * Open the one account `testAccount(fields)` makes, in the caller's transaction: most tests' first
 * step. Answers its id.
 */
export async function openTestAccount({
  tx,
  actor,
  at,
  ...fields
}: Change & Parameters<typeof testAccount>[0]): Promise<string> {
  const [account] = await createAccounts({ tx, actor, at, accounts: [testAccount(fields)] })
  if (!account) throw new Error('createAccounts answered no account for one account in')
  return account.id
}
