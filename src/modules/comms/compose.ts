/**
 * What `send` and `preview` share: the account and supplier read, the template merged, and the
 * recipient found for the channel, with every refusal made before anything is stored.
 */
import type { Tx } from '../../db/index.js'
import { Conflict, ValidationFailed, withCode } from '../../shared/errors.js'
import { localDateOf, utcMidnight } from '../../shared/time.js'
import * as accounts from '../accounts/index.js'
import * as market from '../market/index.js'
import * as store from './store.js'
import { type FieldValue, mergeTemplate, type TemplateKey, templateOf } from './templates.js'
import type { ComposedMessage, SendChannel } from './types.js'

export class SmsNotEnrolled extends withCode(Conflict, 'SMS_NOT_ENROLLED') {}
export class NoRecipient extends withCode(Conflict, 'NO_RECIPIENT') {}
export class RecipientNotOnFile extends withCode(ValidationFailed, 'RECIPIENT_NOT_ON_FILE') {}

export type AccountCard = NonNullable<Awaited<ReturnType<typeof accounts.findAccountContacts>>>

const emailPattern = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/

export function isEmailAddress(text: string): boolean {
  return emailPattern.test(text.trim()) && text.trim().length <= 320
}

/** The account's contact card. @throws AccountNotFound */
export async function accountCard(tx: Tx, accountId: string): Promise<AccountCard> {
  const card = await accounts.findAccountContacts({ tx, accountId })
  if (!card) throw new accounts.AccountNotFound(`There is no account ${accountId}`)
  return card
}

/** The postal address as printed: the customer's name, then the address lines. */
export function postalLines(card: AccountCard): string[] {
  const c = card.customer
  const name =
    c.kind === 'person' && c.title && c.familyName
      ? [c.title, c.givenName, c.familyName].filter((part) => part && part.trim() !== '').join(' ')
      : c.displayName
  const address = card.postalAddress
  return [name, address.line1, address.line2, address.town, address.postcode].filter(
    (line): line is string => typeof line === 'string' && line.trim() !== '',
  )
}

async function recipientFor(
  tx: Tx,
  {
    card,
    channel,
    recipient,
    recipientGiven,
    templateKey,
  }: {
    card: AccountCard
    channel: SendChannel
    recipient?: string | undefined
    recipientGiven: boolean
    templateKey: string
  },
): Promise<{ recipient: string; address: string[] | null }> {
  const given = recipient?.trim() || undefined
  switch (channel) {
    case 'email': {
      if (given !== undefined && !isEmailAddress(given)) {
        throw new RecipientNotOnFile(`${given} is not an email address`, [
          { path: 'recipient', message: 'not an email address' },
        ])
      }
      if (recipientGiven) {
        if (given === undefined) {
          throw new NoRecipient(`The template ${templateKey} goes to someone else: give their email address`, [
            { path: 'recipient', message: 'required for this template' },
          ])
        }
        return { recipient: given, address: null }
      }
      if (given !== undefined) {
        const onFile = card.emails.find((email) => email.address.toLowerCase() === given.toLowerCase())
        if (!onFile) {
          throw new RecipientNotOnFile(`${given} is not an email address on account ${card.number}`, [
            { path: 'recipient', message: 'not on file for this account' },
          ])
        }
        return { recipient: onFile.address, address: null }
      }
      const primary = card.emails.find((email) => email.primary) ?? card.emails[0]
      if (!primary) {
        throw new NoRecipient(`Account ${card.number} has no email address`, [
          { path: 'channel', message: 'no email address on file' },
        ])
      }
      return { recipient: primary.address, address: null }
    }
    case 'sms': {
      const enrolment = await store.smsEnrolmentOf(tx, card.id)
      if (!enrolment?.enrolled || !enrolment.phone_number) {
        throw new SmsNotEnrolled(`The customer on account ${card.number} is not enrolled for SMS`, [
          { path: 'channel', message: 'the customer is not enrolled for SMS' },
        ])
      }
      if (given !== undefined && accounts.phoneDigits(given) !== enrolment.phone_number) {
        throw new RecipientNotOnFile(`${given} is not the number account ${card.number} enrolled for SMS`, [
          { path: 'recipient', message: 'not the enrolled SMS number' },
        ])
      }
      return { recipient: enrolment.phone_number, address: null }
    }
    default: {
      if (given !== undefined) {
        throw new RecipientNotOnFile('A letter goes to the postal address on file', [
          { path: 'recipient', message: 'letters go to the address on file' },
        ])
      }
      const address = postalLines(card)
      return { recipient: address.join(', '), address }
    }
  }
}

/**
 * Merge a template for an account and find who it goes to.
 * @throws AccountNotFound, SupplierNotConfigured, UnknownTemplate, ChannelNotOffered, UnknownMergeField,
 *   MissingMergeField, InvalidMergeField, SmsNotEnrolled, NoRecipient, RecipientNotOnFile
 */
export async function compose(
  tx: Tx,
  {
    accountId,
    channel,
    template: templateKey,
    fields,
    recipient,
    at,
  }: {
    accountId: string
    channel: SendChannel
    template: TemplateKey | string
    fields: Readonly<Record<string, FieldValue | undefined>>
    recipient?: string | undefined
    at: Date
  },
): Promise<ComposedMessage & { card: AccountCard; supplierName: string; dateText: string }> {
  const template = templateOf(templateKey)
  const card = await accountCard(tx, accountId)
  const supplier = await market.getSupplier(tx)
  const profile = market.profileOf(card.market)
  const today = localDateOf(at, profile.timeZone)
  const merged = mergeTemplate({
    template,
    channel,
    fields,
    context: {
      customerName: card.customer.displayName,
      customerFirstName:
        card.customer.kind === 'person' && card.customer.givenName?.trim()
          ? card.customer.givenName.trim()
          : card.customer.displayName,
      accountNumber: card.number,
      accountAddress: [
        card.serviceAddress.line1,
        card.serviceAddress.line2,
        card.serviceAddress.town,
        card.serviceAddress.postcode,
      ]
        .filter((part) => part && part.trim() !== '')
        .join(', '),
      supplierName: supplier.name,
      today,
      currency: profile.currency,
      locale: profile.locale,
    },
  })
  const to = await recipientFor(tx, {
    card,
    channel,
    recipient,
    recipientGiven: template.recipientGiven,
    templateKey: template.key,
  })
  const dateText = new Intl.DateTimeFormat(profile.locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(utcMidnight(today))
  return {
    channel,
    templateKey: template.key,
    subject: merged.subject,
    body: merged.body,
    recipient: to.recipient,
    address: to.address,
    card,
    supplierName: supplier.name,
    dateText,
  }
}
