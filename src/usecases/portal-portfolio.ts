/**
 * A property manager's work across their portfolio (USR-2): every statement PDF in one ZIP file, and
 * tenant start/stop requests that become cases for agents. Only accounts on which the manager holds a
 * property-manager grant in force count; any other account, another customer's included, is refused
 * exactly as one that does not exist (`grantFor`). Every account put in a download is recorded as
 * viewed; every request notes the account and is audited by the cases module.
 */
import { zipSync } from 'fflate'
import { type Db, inTransaction, type Tx } from '../db/index.js'
import { type StatementPdfInput, statementPdf } from '../documents/statement-pdf.js'
import * as access from '../modules/access/index.js'
import * as accounts from '../modules/accounts/index.js'
import * as billing from '../modules/billing/index.js'
import * as cases from '../modules/cases/index.js'
import * as ledger from '../modules/ledger/index.js'
import * as market from '../modules/market/index.js'
import { type CsvValue, csvDocument } from '../shared/csv.js'
import { NotFound, ValidationFailed, withCode } from '../shared/errors.js'
import { addDays, isLocalDate, localDateOf } from '../shared/time.js'
import { statementPdfInput } from './account-billing.js'
import { recordAccountView } from './account-view.js'
import {
  actorOf,
  addPortalNote,
  addressOf,
  grantFor,
  type PortalAccountCall,
  PortalActionNotAllowed,
  type Principal,
} from './portal-session.js'
import { productLookups } from './statement-facts.js'

export class NoStatementsToDownload extends withCode(NotFound, 'NO_STATEMENTS_TO_DOWNLOAD') {}
export class InvalidTenantRequest extends withCode(ValidationFailed, 'INVALID_TENANT_REQUEST') {}

/** The most accounts one download covers; a larger portfolio downloads by month. */
export const maxBulkAccounts = 500

/**
 * How far a tenant's move date may be from today, either way, in days. Further back, the readings and
 * bills already issued would have to be undone, which needs an agent's call; further ahead, the tenancy
 * is not settled enough to act on.
 */
export const tenantRequestWindowDays = 90

/** The accounts of the principal's portfolio on which their grant allows `action` now, in grant order. */
async function portfolioAccounts(tx: Tx, principal: Principal, action: access.PortalAction, at: Date) {
  const grants = (await access.grantsOfUser({ tx, userId: principal.id })).filter(
    (grant) => grant.kind === 'property_manager' && access.canOnAccount(grant, action, at),
  )
  const found = []
  for (const grant of grants) {
    const account = await accounts.findAccountSupply({ tx, accountNumber: grant.accountNumber })
    if (account) found.push(account)
  }
  return found
}

// held and rejected statements were never sent; a superseded one was replaced by the statement after it
const sentToCustomer = (statement: billing.Statement) =>
  statement.status !== 'held' && statement.status !== 'rejected' && statement.status !== 'superseded'

/**
 * Every account of the manager's portfolio in one ZIP: its latest statement, or with `month`
 * ('YYYY-MM') every statement issued in that month (local dates), each as `<account>/<statement>.pdf`,
 * and `contents.csv` listing each account with what was included. Each account put in the file is
 * recorded as viewed.
 * @throws PortalActionNotAllowed when the caller manages no accounts; NoStatementsToDownload when there
 *   is nothing to put in the file
 */
export async function portfolioStatementsZip({
  db,
  principal,
  month,
  at,
}: {
  db: Db
  principal: Principal
  month?: string | undefined
  at: Date
}): Promise<{ fileName: string; zip: Uint8Array; accounts: number; statements: number }> {
  // Read and record in one transaction; draw up to 500 PDFs and zip them after it commits, so the
  // audit chain's lock is held only for the reads, never while rendering.
  const chosen = await inTransaction(db, (tx) => portfolioStatementInputs({ tx, principal, month, at }))
  const files: Record<string, [Uint8Array, { level: 0 }]> = {}
  for (const [name, input] of chosen.pdfs) files[name] = [new Uint8Array(await statementPdf(input)), { level: 0 }]
  files['contents.csv'] = [
    new TextEncoder().encode(csvDocument({ header: chosen.header, rows: chosen.rows })),
    { level: 0 },
  ]
  const zip = zipSync(files, { mtime: at })
  return { fileName: chosen.fileName, zip, accounts: chosen.accounts, statements: chosen.pdfs.length }
}

/** What goes in the portfolio ZIP (each PDF's input, the contents rows), recording each account's view. */
async function portfolioStatementInputs({
  tx,
  principal,
  month,
  at,
}: {
  tx: Tx
  principal: Principal
  month?: string | undefined
  at: Date
}) {
  const portfolio = await portfolioAccounts(tx, principal, 'bulk_statements', at)
  if (portfolio.length === 0) throw new PortalActionNotAllowed('You have no portfolio of accounts to download from')
  if (portfolio.length > maxBulkAccounts) {
    throw new PortalActionNotAllowed(`Download at most ${maxBulkAccounts} accounts at a time: choose a month`)
  }
  const timeZone = (await market.getSupplier(tx)).profile.timeZone
  const actor = actorOf(principal)
  const pdfs: [string, StatementPdfInput][] = []
  // Hundreds of statements share the supplier's products: each is read once for the whole download.
  const lookups = productLookups()
  const header = ['account', 'address', 'statement', 'period_from', 'period_to', 'total_minor', 'due_on', 'issued_on']
  const rows: CsvValue[][] = []
  let statementCount = 0
  let accountCount = 0
  for (const account of portfolio) {
    const sent = (await billing.listStatements({ tx, accountNumber: account.number, limit: 100 })).items.filter(
      sentToCustomer,
    )
    const issuedOn = (statement: billing.Statement) => localDateOf(statement.issuedAt ?? statement.createdAt, timeZone)
    const chosen = month ? sent.filter((statement) => issuedOn(statement).startsWith(`${month}-`)) : sent.slice(0, 1)
    if (chosen.length === 0) {
      rows.push([account.number, addressOf(account), null, null, null, null, null, null])
      continue
    }
    accountCount += 1
    for (const statement of chosen) {
      const input = await statementPdfInput({
        tx,
        accountNumber: account.number,
        number: statement.number,
        duplicate: false,
        actor,
        at,
        lookups,
      })
      pdfs.push([`${account.number}/${statement.number}.pdf`, input])
      statementCount += 1
      rows.push([
        account.number,
        addressOf(account),
        statement.number,
        localDateOf(statement.periodFrom, timeZone),
        localDateOf(statement.periodTo, timeZone),
        // a number, so a credit (negative) total stays one a spreadsheet can add up
        statement.totalMinor,
        statement.dueOn,
        issuedOn(statement),
      ])
    }
    await recordAccountView(tx, {
      accountId: account.id,
      what: 'portal_bulk_statements',
      context: { statements: chosen.map((statement) => statement.number), month: month ?? 'latest' },
      actor,
      at,
    })
  }
  if (statementCount === 0) {
    throw new NoStatementsToDownload(
      month ? `No statements were issued in ${month} on your portfolio` : 'No statements have been issued yet',
    )
  }
  const fileName = `portfolio-statements-${month ?? `latest-${localDateOf(at, timeZone)}`}.zip`
  return { fileName, header, rows, pdfs, accounts: accountCount }
}

/** A tenant moving in (the supply starts in their name) or out (it stops). */
export type TenantRequestInput =
  | {
      readonly kind: 'move_in'
      readonly tenantName: string
      readonly tenantEmail: string
      readonly moveInOn: string
      /** The meter reading on the day, as read; optional. */
      readonly openingReading?: string | undefined
      readonly note?: string | undefined
    }
  | {
      readonly kind: 'move_out'
      readonly moveOutOn: string
      readonly closingReading?: string | undefined
      readonly note?: string | undefined
    }

const kindLabel = { move_in: 'move-in', move_out: 'move-out' } as const
const subjectPattern = /^Tenant (move-in|move-out) on (\d{4}-\d{2}-\d{2})/

function checkRequest(input: TenantRequestInput, today: string): string {
  const on = input.kind === 'move_in' ? input.moveInOn : input.moveOutOn
  const path = input.kind === 'move_in' ? 'moveInOn' : 'moveOutOn'
  const earliest = addDays(today, -tenantRequestWindowDays)
  const latest = addDays(today, tenantRequestWindowDays)
  if (!isLocalDate(on) || on < earliest || on > latest) {
    throw new InvalidTenantRequest(
      `The move date must be within ${tenantRequestWindowDays} days of today (${earliest} to ${latest})`,
      [{ path, message: `a date from ${earliest} to ${latest}` }],
    )
  }
  const reading = input.kind === 'move_in' ? input.openingReading : input.closingReading
  if (reading !== undefined && !/^\d{1,9}(\.\d{1,3})?$/.test(reading)) {
    throw new InvalidTenantRequest('The meter reading is not a number', [
      { path: input.kind === 'move_in' ? 'openingReading' : 'closingReading', message: 'a reading like 12345.6' },
    ])
  }
  return on
}

/**
 * A property manager asks for a tenant's supply to start or stop at a property of their portfolio: a
 * `service_request` case for agents, unassigned, carrying the details; the account is noted.
 * @throws accounts.AccountNotFound when the account is not in their portfolio; PortalActionNotAllowed;
 *   InvalidTenantRequest
 */
export async function requestTenantChange({
  tx,
  principal,
  accountNumber,
  request,
  at,
}: PortalAccountCall & {
  request: TenantRequestInput
}) {
  const { account } = await grantFor({ tx, principal, accountNumber, action: 'tenant_requests', at })
  const timeZone = (await market.getSupplier(tx)).profile.timeZone
  const on = checkRequest(request, localDateOf(at, timeZone))
  const actor = actorOf(principal)
  const address = addressOf(account)
  const details =
    request.kind === 'move_in'
      ? [
          `New tenant: ${request.tenantName} <${request.tenantEmail}>`,
          `Move-in date: ${on}`,
          `Opening reading: ${request.openingReading ?? 'not given'}`,
        ]
      : [`Move-out date: ${on}`, `Closing reading: ${request.closingReading ?? 'not given'}`]
  const opened = await cases.openCase({
    tx,
    accountId: account.id,
    type: 'service_request',
    subject: `Tenant ${kindLabel[request.kind]} on ${on}: ${address}`.slice(0, 200),
    description: [
      `Property manager ${principal.displayName} <${principal.email}> asked through the portal for the supply at`,
      `${address} to ${request.kind === 'move_in' ? 'start for a new tenant' : 'stop as the tenant moves out'}.`,
      '',
      ...details,
      ...(request.note ? ['', `Note: ${request.note}`] : []),
    ].join('\n'),
    actor,
    at,
  })
  await addPortalNote({
    tx,
    principal,
    accountNumber: account.number,
    body:
      request.kind === 'move_in'
        ? `${principal.displayName} (property manager) asked for the supply to start for ${request.tenantName} on ${on}: case ${opened.number}.`
        : `${principal.displayName} (property manager) asked for the supply to stop on ${on} as the tenant moves out: case ${opened.number}.`,
    at,
  })
  return toRequestView(opened, account.number, address)
}

function toRequestView(item: cases.Case, accountNumber: string, address: string) {
  const [, kind, on] = subjectPattern.exec(item.subject) ?? []
  return {
    caseNumber: item.number,
    accountNumber,
    address,
    kind: kind === 'move-in' ? ('move_in' as const) : ('move_out' as const),
    on: on ?? null,
    status: item.status,
    statusAt: item.statusAt,
    openedAt: item.openedAt,
  }
}

/**
 * The tenant requests this property manager made on the accounts still in their portfolio, newest
 * first, each with its case's status; each account shown is recorded as viewed.
 */
export async function portalTenantRequests({ tx, principal, at }: { tx: Tx; principal: Principal; at: Date }) {
  const portfolio = await portfolioAccounts(tx, principal, 'tenant_requests', at)
  const items = []
  for (const account of portfolio) {
    const page = await cases.listCases({
      tx,
      filter: { accountId: account.id, types: ['service_request'] },
      limit: 100,
    })
    const mine = page.items.filter(
      (item) =>
        item.openedBy.kind === 'customer' && item.openedBy.id === principal.id && subjectPattern.test(item.subject),
    )
    if (mine.length === 0) continue
    await recordAccountView(tx, {
      accountId: account.id,
      what: 'portal_tenant_requests',
      context: {},
      actor: actorOf(principal),
      at,
    })
    items.push(...mine.map((item) => toRequestView(item, account.number, addressOf(account))))
  }
  items.sort((a, b) => b.openedAt.getTime() - a.openedAt.getTime() || b.caseNumber.localeCompare(a.caseNumber))
  return { items, nextCursor: null }
}

/** A property manager's portfolio: every account they manage, with its balance. */
export async function portalPortfolio({ tx, principal, at }: { tx: Tx; principal: Principal; at: Date }) {
  const grants = (await access.grantsOfUser({ tx, userId: principal.id })).filter(
    (grant) => grant.kind === 'property_manager' && access.grantInForce(grant, at),
  )
  const balances = await ledger.balancesOf({ tx, accountIds: grants.map((grant) => grant.accountId) })
  const items = []
  for (const grant of grants) {
    const account = await accounts.findAccountSupply({ tx, accountNumber: grant.accountNumber })
    const facts = await accounts.accountFacts({ tx, accountId: grant.accountId })
    if (!account || !facts) continue
    await recordAccountView(tx, {
      accountId: account.id,
      what: 'portal_portfolio',
      context: {},
      actor: actorOf(principal),
      at,
    })
    items.push({
      accountNumber: account.number,
      name: facts.displayName,
      address: addressOf(account),
      status: account.status,
      balanceMinor: balances.get(grant.accountId) ?? 0n,
      allows: access.allowsOf(grant, at),
    })
  }
  return { items }
}
