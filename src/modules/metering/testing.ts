/** Shared setup for the metering module's own tests. */
import type { Tx } from '../../db/index.js'
import type { Actor } from '../../shared/actor.js'
import * as accounts from '../accounts/index.js'
import { registerMeterPoints } from './operations.js'
import type { NewMeterPoint } from './types.js'

/**
 * Open the test account A-0000ABCD (Eleanor Ashworth, 14 Mill Lane, region _A, opened 2024-01-01)
 * and return its id and its property's id, for the meter points the tests register on it.
 */
export async function openMeteringTestAccount(
  tx: Tx,
  { actor, at }: { actor: Actor; at: Date },
): Promise<{ accountId: string; propertyId: string }> {
  const [opened] = await accounts.createAccounts({
    tx,
    actor,
    at,
    accounts: [
      accounts.testAccount({
        number: 'A-0000ABCD',
        customer: { kind: 'person', title: 'Ms', givenName: 'Eleanor', familyName: 'Ashworth' },
        property: { line1: '14 Mill Lane', town: 'Cambridge', postcode: 'CB1 2AB', gspRegion: '_A' },
        openedOn: '2024-01-01',
      }),
    ],
  })
  const supply = await accounts.findAccountSupply({ tx, accountNumber: 'A-0000ABCD' })
  return { accountId: opened?.id ?? '', propertyId: supply?.property.id ?? '' }
}

/**
 * An electricity import point supplied from 2024-01-01 through smart meter 21L0000001, fitted
 * 2023-06-01 (earlier, under another supplier), with one standard register.
 */
export function smartImportPoint({
  identifier,
  accountId,
  propertyId,
}: {
  identifier: string
  accountId: string
  propertyId: string
}): NewMeterPoint {
  return {
    fuel: 'electricity',
    identifier,
    propertyId,
    accountId,
    suppliedFrom: '2024-01-01',
    meters: [
      {
        serial: '21L0000001',
        type: 'smart',
        installedOn: '2023-06-01',
        registers: [{ identifier: 'S', rate: 'standard', digits: 5 }],
      },
    ],
  }
}

/**
 * The test account with one smart electricity import point `identifier` on it (`smartImportPoint`):
 * what most of the module's tests start from.
 */
export async function openSmartImportTestPoint(
  tx: Tx,
  { identifier, actor, at }: { identifier: string; actor: Actor; at: Date },
): Promise<{ accountId: string; propertyId: string }> {
  const opened = await openMeteringTestAccount(tx, { actor, at })
  await registerMeterPoints({ tx, actor, at, meterPoints: [smartImportPoint({ identifier, ...opened })] })
  return opened
}
