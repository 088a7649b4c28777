/**
 * Customer self-service in the portal (issue 22 item 7, UI-2): the supplies with their meters and the
 * tariff each is on with its rates, giving a meter reading, and writing to the supplier. Each behind
 * the caller's grant on the account (`grantFor`) and through the same use cases staff use: a reading
 * passes the metering rules a staff reading passes, and a message is recorded exactly as an email an
 * agent attaches to the account (`logAccountInboundEmail`), so it reaches agents as an inbound message
 * they can answer with a suggested reply.
 */
import type { Tx } from '../db/index.js'
import * as assist from '../modules/assist/index.js'
import * as comms from '../modules/comms/index.js'
import * as metering from '../modules/metering/index.js'
import { ValidationFailed, withCode } from '../shared/errors.js'
import { suppliesOfAccount } from './account-glance.js'
import { submitAccountReading } from './account-usage.js'
import { recordAccountView } from './account-view.js'
import { logAccountInboundEmail } from './communications.js'
import { actorOf, grantFor, type PortalAccountCall } from './portal-session.js'

export class PortalMessageInvalid extends withCode(ValidationFailed, 'PORTAL_MESSAGE_INVALID') {}

/**
 * The account's supplies now: each meter point with its meters and their registers (to give a
 * reading for) and the tariff it is on, its product and its rates inc VAT (needs view_bills).
 * @throws accounts.AccountNotFound, PortalActionNotAllowed
 */
export async function portalSupplies({ tx, principal, accountNumber, at }: PortalAccountCall) {
  const { account, allows } = await grantFor({ tx, principal, accountNumber, action: 'view_bills', at })
  const [supplies, points] = await Promise.all([
    suppliesOfAccount({ tx, accountId: account.id, at }),
    metering.meterPointsOfAccountId({ tx, accountId: account.id }),
  ])
  await recordAccountView(tx, {
    accountId: account.id,
    what: 'portal_supplies',
    context: {},
    actor: actorOf(principal),
    at,
  })
  return {
    canSubmitReadings: allows.includes('submit_readings'),
    items: supplies.map((supply) => {
      const point = points.find((candidate) => candidate.identifier === supply.identifier)
      return {
        identifier: supply.identifier,
        fuel: supply.fuel,
        direction: supply.direction,
        meters: (point?.meters ?? [])
          .filter((meter) => meter.removedOn === null)
          .map((meter) => ({
            serial: meter.serial,
            type: meter.type,
            registers: meter.registers.map((register) => ({
              identifier: register.identifier,
              rate: register.rate,
              digits: register.digits,
            })),
          })),
        tariff: supply.tariff,
      }
    }),
  }
}

/**
 * Give a meter reading from the portal (needs submit_readings): validated by the metering rules staff
 * readings pass (a reading lower than the last is refused unless the dial rolled over, one far above
 * the expected use is kept but held for review); recorded with source 'customer'.
 * @throws accounts.AccountNotFound, PortalActionNotAllowed, metering.ReadingRejected (with the field),
 * metering.MeterPointNotOnAccount
 */
export async function submitPortalReading({
  tx,
  principal,
  accountNumber,
  meterPoint,
  meterSerial,
  register,
  value,
  readAt,
  at,
}: PortalAccountCall & {
  meterPoint: string
  meterSerial: string
  register: string
  value: string
  /** When the meter showed it; now when not given. */
  readAt?: Date | undefined
}): Promise<metering.Reading> {
  const { account } = await grantFor({ tx, principal, accountNumber, action: 'submit_readings', at })
  return submitAccountReading({
    tx,
    accountNumber: account.number,
    meterPoint,
    reading: { meterSerial, register, readAt: readAt ?? at, value, source: 'customer' },
    actor: actorOf(principal),
    at,
  })
}

/** A message of the portal thread: the customer's, or the supplier's answer to it. */
export interface PortalThreadMessage {
  readonly id: string
  readonly from: 'customer' | 'supplier'
  readonly subject: string | null
  readonly body: string
  readonly at: Date
}

/** How many of the account's emails the thread looks through. */
const threadScanned = 200

/**
 * The caller's conversation with the supplier on the account (needs contact_service): the messages
 * they wrote in the portal and the replies agents sent to them, oldest first. Another person's
 * messages on the account are not shown.
 * @throws accounts.AccountNotFound, PortalActionNotAllowed
 */
export async function portalMessages({ tx, principal, accountNumber, at }: PortalAccountCall) {
  const { account } = await grantFor({ tx, principal, accountNumber, action: 'contact_service', at })
  const items = await threadOf(tx, account.id, principal.id)
  await recordAccountView(tx, {
    accountId: account.id,
    what: 'portal_messages',
    context: {},
    actor: actorOf(principal),
    at,
  })
  return { items }
}

async function threadOf(tx: Tx, accountId: string, userId: string): Promise<PortalThreadMessage[]> {
  const { items } = await comms.listMessages({ tx, accountId, channel: 'email', limit: threadScanned })
  const own = items.filter(
    (message) =>
      message.direction === 'inbound' && message.createdBy.kind === 'customer' && message.createdBy.id === userId,
  )
  const thread: PortalThreadMessage[] = []
  for (const message of own) {
    thread.push({
      id: message.id,
      from: 'customer',
      subject: message.subject,
      body: message.body,
      at: message.occurredAt,
    })
    const draft = await assist.findDraft({ tx, accountId, inboundMessageId: message.id })
    const reply = draft?.sentMessageId ? items.find((item) => item.id === draft.sentMessageId) : undefined
    if (reply) {
      thread.push({ id: reply.id, from: 'supplier', subject: reply.subject, body: reply.body, at: reply.occurredAt })
    }
  }
  return thread.sort((a, b) => a.at.getTime() - b.at.getTime())
}

/**
 * Write to the supplier from the portal (needs contact_service): recorded on the account as an
 * inbound email from the customer's login address, exactly as an agent attaches one, so it shows in
 * the account's messages and an agent can answer it with a suggested reply. Answers the thread.
 * @throws accounts.AccountNotFound, PortalActionNotAllowed, PortalMessageInvalid, comms.InvalidMessage
 */
export async function sendPortalMessage({
  tx,
  principal,
  accountNumber,
  subject,
  body,
  at,
}: PortalAccountCall & { subject: string; body: string }) {
  const { account } = await grantFor({ tx, principal, accountNumber, action: 'contact_service', at })
  const problems = [
    ...(subject.trim().length === 0 ? [{ path: 'subject', message: 'Say what your message is about.' }] : []),
    ...(body.trim().length === 0 ? [{ path: 'body', message: 'Write your message.' }] : []),
  ]
  if (problems.length > 0) throw new PortalMessageInvalid('The message is not complete', problems)
  const message = await logAccountInboundEmail({
    tx,
    accountNumber: account.number,
    from: principal.email,
    subject: subject.trim(),
    body,
    receivedAt: at,
    actor: actorOf(principal),
    at,
  })
  return { message: { id: message.id }, items: await threadOf(tx, account.id, principal.id) }
}
