/**
 * API tests' setup: a migrated database with the supplier and accounts a test needs, one staff user
 * per role, the app over it, and the headers to act as one of them.
 */
import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll } from 'vitest'
import { type Database, type Db, inTransaction, type Tx } from '../db/index.js'
import { openTestDatabase } from '../db/testing.js'
import * as access from '../modules/access/index.js'
import * as accounts from '../modules/accounts/index.js'
import * as comms from '../modules/comms/index.js'
import * as market from '../modules/market/index.js'
import { systemActor } from '../shared/actor.js'
import { inProcessDeliveryQueue } from '../usecases/index.js'
import { type App, type BuildAppOptions, buildApp } from './app.js'

export const staffPassword = 'correct horse battery'

/** The request headers that act as a role (plus any extra headers). */
export type ActAs = (role: access.Role, extra?: Record<string, string>) => Record<string, string>

/**
 * The roles that serve no customer at the desk: none may send messages, open or move accounts, or
 * work cases, so the tests of those routes check that each is refused.
 */
export const nonServiceRoles = [
  'field_technician',
  'collections_specialist',
  'it_administrator',
  'executive',
  'legal_reviewer',
  'pricing_analyst',
] as const satisfies readonly access.Role[]

/** A request to the app as a role (or, in portal tests, a customer), with a JSON body when one is given. */
export type Send<Who extends string = access.Role> = (
  who: Who,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
) => Promise<LightMyRequestResponse>

/** Requests to `app` as whoever `as` signs in: `send('agent', 'GET', '/api/accounts')`. */
export function sendAs<Who extends string>(app: App, as: (who: Who) => Record<string, string>): Send<Who> {
  return (who, method, url, payload) =>
    app.inject({ method, url, headers: as(who), ...(payload === undefined ? {} : { payload }) })
}

/** A staff user for every role, `<role>@example.com`; answers each role's user id. */
export async function createStaffForEveryRole(tx: Tx, at: Date): Promise<Map<access.Role, string>> {
  const ids = new Map<access.Role, string>()
  for (const role of access.roles) {
    const user = await access.createStaffUser({
      tx,
      email: `${role}@example.com`,
      displayName: `${role} user`,
      role,
      password: staffPassword,
      actor: systemActor('test'),
      at,
    })
    ids.set(role, user.id)
  }
  return ids
}

/**
 * The value of the session cookie a sign-in set (`cuttle_session` for staff, `cuttle_portal` for a
 * portal customer).
 * @throws Error when the sign-in set none
 */
function sessionCookieOf(response: LightMyRequestResponse, name: string, email: string): string {
  const cookie = response.cookies.find((c) => c.name === name)
  if (!cookie) throw new Error(`no session cookie for ${email}: ${response.body}`)
  return cookie.value
}

/**
 * Sign a staff user in; answers the session cookie's value.
 * @throws Error when no session cookie comes back
 */
export async function signInStaff(app: App, email: string, password = staffPassword): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/session', payload: { email, password } })
  return sessionCookieOf(response, 'cuttle_session', email)
}

/**
 * Sign a portal customer in; answers the response and the portal session cookie's value.
 * @throws Error when no session cookie comes back
 */
export async function signInCustomer(
  app: App,
  email: string,
  password: string,
): Promise<{ response: LightMyRequestResponse; cookie: string }> {
  const response = await app.inject({ method: 'POST', url: '/api/portal/session', payload: { email, password } })
  return { response, cookie: sessionCookieOf(response, 'cuttle_portal', email) }
}

/** Sign every role in; answers the request headers that act as a role (plus any extra headers). */
export async function signInEveryRole(app: App): Promise<ActAs> {
  const cookies = new Map<access.Role, string>()
  for (const role of access.roles) cookies.set(role, await signInStaff(app, `${role}@example.com`))
  return (role, extra = {}) => ({ cookie: `cuttle_session=${cookies.get(role)}`, ...extra })
}

/**
 * Eleanor Ashworth of 14 Mill Lane, Cambridge, paperless since 2024-01-15 as A-00000001: the account
 * API tests act on, with what a test needs changed.
 */
export function eleanorAccount(changes: Partial<accounts.NewAccount> = {}): accounts.NewAccount {
  return accounts.eleanorTestAccount({
    phones: [{ number: '07700 900123', label: 'mobile', primary: true }],
    ...changes,
  })
}

/** Tom Ashby, A-00000002: Eleanor's account but his, billed on paper; the other account a test can reach. */
export const tomAccount = eleanorAccount({
  number: 'A-00000002',
  customer: { kind: 'person', title: 'Mr', givenName: 'Tom', familyName: 'Ashby' },
  billingMode: 'paper',
})

/** Eleanor's account as the console's first tests knew it: A-1F2E3D4C, no title, opened 2024-02-01. */
export const eleanorA1F2E3D4C = eleanorAccount({
  number: 'A-1F2E3D4C',
  customer: { kind: 'person', givenName: 'Eleanor', familyName: 'Ashworth' },
  emails: [{ address: 'eleanor.ashworth@example.com', primary: true }],
  openedOn: '2024-02-01',
})

/** Configure the supplier (Good Egg Energy, in GB) and open the accounts, as the system; answers them. */
export async function seedSupplier(
  tx: Tx,
  at: Date,
  newAccounts: readonly accounts.NewAccount[] = [],
): Promise<{ id: string; number: string }[]> {
  const actor = systemActor('test')
  await market.configureSupplier({ tx, name: 'Good Egg Energy', market: 'gb', actor, at })
  return newAccounts.length > 0 ? accounts.createAccounts({ tx, accounts: newAccounts, actor, at }) : []
}

/** What a test may set of buildApp's options beyond the database and the clock (no web console). */
export type TestAppOptions = Omit<BuildAppOptions, 'database' | 'clock' | 'webRoot'>

/** An app over a test database, with every role signed in. */
export interface TestApp {
  readonly database: Database
  readonly app: App
  readonly as: ActAs
  /** Requests as a role (`sendAs` over the app). */
  readonly send: Send
  /** Each role's staff user id. */
  readonly staffIds: Map<access.Role, string>
}

/**
 * Open a test database, lay down the test's fixture, create a staff user for every role and the
 * test's data, build the app on the test's clock and sign every role in.
 * @throws Error when the data cannot be written or a role cannot sign in
 */
export async function openTestApp({
  at,
  fixture,
  seed,
  app: appOptions = {},
}: {
  /** The clock the app runs on (and the staff are created at). */
  at: () => Date
  /** Data laid down first, in transactions of its own (e.g. `billingFixture`). */
  fixture?: (db: Db) => Promise<unknown>
  /** Data written in the transaction that creates the staff, after them. */
  seed?: (tx: Tx) => Promise<unknown>
  /** buildApp's other options, or a function of the database that answers them. */
  app?: TestAppOptions | ((database: Database) => TestAppOptions)
}): Promise<TestApp> {
  const database = await openTestDatabase()
  await fixture?.(database.db)
  const staffIds = await inTransaction(database.db, async (tx) => {
    const ids = await createStaffForEveryRole(tx, at())
    await seed?.(tx)
    return ids
  })
  const options = typeof appOptions === 'function' ? appOptions(database) : appOptions
  const app = await buildApp({ database, clock: at, webRoot: null, ...options })
  const as = await signInEveryRole(app)
  return { database, app, as, send: sendAs(app, as), staffIds }
}

/**
 * Open a test app before the file's tests and close it and its database after them. Answers the
 * test app, whose parts may be read only while the tests run.
 */
function aroundTests<Opened extends TestApp>(open: () => Promise<Opened>): Opened {
  let opened: Opened | undefined
  beforeAll(async () => {
    opened = await open()
  }, 120_000)
  afterAll(async () => {
    await opened?.app.close()
    await opened?.database.close()
  })
  return new Proxy({} as Opened, {
    get(_, key) {
      if (!opened) throw new Error('the test app is open only while the tests run')
      return opened[key as keyof Opened]
    },
  })
}

/** `openTestApp` around the file's tests (see `aroundTests`). */
export function sharedTestApp(options: Parameters<typeof openTestApp>[0]): TestApp {
  return aroundTests(() => openTestApp(options))
}

/**
 * Open a test database with the supplier configured and one IT administrator, Ivan Admin
 * (`admin@example.com`), build the app on the test's clock and sign him in; answers his headers.
 * @throws Error when he cannot sign in
 */
export async function openAdminApp({
  at,
  password = staffPassword,
}: {
  at: () => Date
  password?: string
}): Promise<{ database: Database; app: App; headers: { cookie: string } }> {
  const database = await openTestDatabase()
  await inTransaction(database.db, async (tx) => {
    await seedSupplier(tx, at())
    await access.createStaffUser({
      tx,
      email: 'admin@example.com',
      displayName: 'Ivan Admin',
      role: 'it_administrator',
      password,
      actor: systemActor('test'),
      at: at(),
    })
  })
  const app = await buildApp({ database, clock: at, webRoot: null })
  return {
    database,
    app,
    headers: { cookie: `cuttle_session=${await signInStaff(app, 'admin@example.com', password)}` },
  }
}

/**
 * openTestApp over the supplier and the given accounts (opened after the staff, before the test's seed);
 * answers the accounts' ids too, in the order given.
 * @throws Error when an account is refused or a role cannot sign in
 */
export async function openAppWithAccounts({
  accounts: newAccounts,
  seed,
  ...options
}: Parameters<typeof openTestApp>[0] & { accounts: readonly accounts.NewAccount[] }): Promise<
  TestApp & { accountIds: string[] }
> {
  let accountIds: string[] = []
  const opened = await openTestApp({
    ...options,
    seed: async (tx) => {
      accountIds = (await seedSupplier(tx, options.at(), newAccounts)).map((account) => account.id)
      await seed?.(tx)
    },
  })
  return { ...opened, accountIds }
}

/**
 * `openAppWithAccounts` whose app only enqueues messages: answers too the in-process delivery queue
 * (built-in transports, the test's clock) that the test runs by hand, as the delivery worker would.
 */
export async function openAppWithDelivery(
  options: Omit<Parameters<typeof openAppWithAccounts>[0], 'app'>,
): Promise<TestApp & { accountIds: string[]; delivery: ReturnType<typeof inProcessDeliveryQueue> }> {
  let delivery: ReturnType<typeof inProcessDeliveryQueue> | undefined
  const opened = await openAppWithAccounts({
    ...options,
    app: ({ db }) => {
      delivery = inProcessDeliveryQueue({ db, transports: comms.builtInTransports(), clock: options.at })
      return { deliveryQueue: delivery }
    },
  })
  if (!delivery) throw new Error('the app was built without its delivery queue')
  return { ...opened, delivery }
}

/** `openAppWithAccounts` around the file's tests (see `aroundTests`). */
export function sharedAppWithAccounts(
  options: Parameters<typeof openAppWithAccounts>[0],
): TestApp & { accountIds: string[] } {
  return aroundTests(() => openAppWithAccounts(options))
}

/** One access a portal customer is granted: what `grantAccountAccess` takes beyond the transaction and the user. */
export type PortalGrant = Omit<Parameters<typeof access.grantAccountAccess>[0], 'tx' | 'userId'>

/**
 * Create a portal customer named `name` and grant them each access in turn, as the system; answers
 * the user's id and the grants made.
 * @throws whatever `createExternalUser` or `grantAccountAccess` throws
 */
export async function createPortalCustomer({
  tx,
  name,
  email,
  password,
  at,
  grants,
}: {
  tx: Tx
  name: string
  email: string
  password: string
  at: Date
  grants: readonly PortalGrant[]
}): Promise<{ userId: string; grants: Awaited<ReturnType<typeof access.grantAccountAccess>>[] }> {
  const user = await access.createExternalUser({
    tx,
    email,
    displayName: name,
    password,
    actor: systemActor('test'),
    at,
  })
  const made = []
  for (const grant of grants) made.push(await access.grantAccountAccess({ tx, userId: user.id, ...grant }))
  return { userId: user.id, grants: made }
}

/** A portal customer a test creates: a name, and grants on the test's accounts by index. */
export interface PortalPerson<Grant extends { readonly index: number }> {
  readonly name: string
  readonly grants: readonly Grant[]
}

/**
 * Create each person as a portal customer (`createPortalCustomer`), granted each of their grants on
 * `accountIds[grant.index]` as `grantOf` spells it out. Answers each person's user id and grants, by name.
 */
export async function createPortalPeople<Grant extends { readonly index: number }>(
  tx: Tx,
  {
    people,
    accountIds,
    email,
    password,
    at,
    grantOf,
  }: {
    people: readonly PortalPerson<Grant>[]
    accountIds: readonly string[]
    email: (name: string) => string
    password: string
    at: Date
    grantOf: (grant: Grant) => Omit<PortalGrant, 'accountId'>
  },
): Promise<Map<string, Awaited<ReturnType<typeof createPortalCustomer>>>> {
  const created = new Map<string, Awaited<ReturnType<typeof createPortalCustomer>>>()
  for (const person of people) {
    const grants = person.grants.map((grant) => ({ accountId: accountIds[grant.index] as string, ...grantOf(grant) }))
    created.set(
      person.name,
      await createPortalCustomer({ tx, name: person.name, email: email(person.name), password, at, grants }),
    )
  }
  return created
}

/** Create staff users who sign in with `staffPassword`. */
export async function createStaffUsers(
  tx: Tx,
  users: readonly { email: string; displayName: string; role: access.Role }[],
  at: Date,
): Promise<void> {
  for (const user of users) {
    await access.createStaffUser({ tx, ...user, password: staffPassword, actor: systemActor('test'), at })
  }
}

/**
 * Build the app over the test database on a fixed clock, with an in-process delivery queue over the
 * built-in transports (so a test can run the queue and read what was sent); answers both.
 */
export async function buildAppWithDelivery(
  database: Database,
  now: Date,
): Promise<{ app: App; delivery: ReturnType<typeof inProcessDeliveryQueue> }> {
  const delivery = inProcessDeliveryQueue({ db: database.db, transports: comms.builtInTransports(), clock: () => now })
  const app = await buildApp({ database, clock: () => now, webRoot: null, deliveryQueue: delivery })
  return { app, delivery }
}
