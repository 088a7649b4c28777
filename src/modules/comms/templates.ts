/**
 * COM-2: the message templates and the merge, pure (no I/O, no clock). A template is plain text with
 * `{{field}}` placeholders: the account's own fields are filled from the account, the rest are given
 * by the caller and declared by the template with their kind. Unknown, missing and malformed fields
 * are refused by name; money is formatted from integer minor units in the account's currency.
 */
import { ValidationFailed, withCode } from '../../shared/errors.js'
import { type Currency, formatMoney, isCurrency } from '../../shared/money.js'
import { isLocalDate, utcMidnight } from '../../shared/time.js'
import type * as access from '../access/index.js'
import type { SendChannel } from './types.js'

export class UnknownTemplate extends withCode(ValidationFailed, 'UNKNOWN_TEMPLATE') {}
export class UnknownMergeField extends withCode(ValidationFailed, 'UNKNOWN_MERGE_FIELD') {}
export class MissingMergeField extends withCode(ValidationFailed, 'MISSING_MERGE_FIELD') {}
export class InvalidMergeField extends withCode(ValidationFailed, 'INVALID_MERGE_FIELD') {}
export class ChannelNotOffered extends withCode(ValidationFailed, 'CHANNEL_NOT_OFFERED') {}

/**
 * `text`: a line or paragraph of plain text; `money`: integer minor units (a bigint, a string of
 * digits like '12345', or `{ amountMinor, currency }`), never a float; `date`: 'YYYY-MM-DD';
 * `count`: a whole number.
 */
export type FieldKind = 'text' | 'money' | 'date' | 'count'

export interface FieldSpec {
  readonly kind: FieldKind
  readonly description: string
}

export const templateKeys = [
  'payment_reminder',
  'final_notice',
  'disconnection_notice',
  'debt_collection_referral',
  'payment_arrangement_terms',
  'appointment_confirmation',
  'rate_change_notice',
  'price_change_notice',
  'dispute_acknowledgement',
  'authorised_user_invitation',
  'account_user_notice',
  'statement_issued',
  'general_message',
  'welcome',
] as const
export type TemplateKey = (typeof templateKeys)[number]

export interface Template {
  readonly key: TemplateKey
  readonly title: string
  /** `collections` notices belong to the collections process; the rest are customer service. */
  readonly category: 'service' | 'collections'
  /** Staff may send it holding any one of these permissions (a use case checks; `send` itself does not). */
  readonly sentUnder: readonly access.Permission[]
  readonly channels: readonly SendChannel[]
  readonly subject: string
  /** The email and letter text. */
  readonly body: string
  /** The SMS text, short; a template without one is not sent by SMS. */
  readonly sms: string | null
  /** The fields the caller gives, beyond the account's own. */
  readonly fields: Readonly<Record<string, FieldSpec>>
  /** The recipient is someone other than the customer (an invitee), given by the caller. */
  readonly recipientGiven: boolean
}

/** The fields every template can use, filled from the account and the supplier, never by the caller. */
export const accountFields: Readonly<Record<string, string>> = {
  'customer.name': "The customer's name as on the account (a person's full name or the business name)",
  'customer.firstName': "A person's given name; the full name when there is none or for a business",
  'account.number': 'The account number, A-1F2E3D4C',
  'account.address': 'The service address on one line',
  'supplier.name': "The supplier's name",
  today: 'The date the message is written, in the local date format',
}

const balance: FieldSpec = {
  kind: 'money',
  description: 'The account balance in minor units (filled from the ledger when the use case sends it)',
}
const dueDate: FieldSpec = { kind: 'date', description: 'The date payment is due' }
const subjectLine: FieldSpec = { kind: 'text', description: 'The subject line' }

const signOff = `Kind regards,
{{supplier.name}}`

/** A template as written: the defaults below apply to what it leaves out. */
interface Definition
  extends Pick<Template, 'key' | 'title' | 'subject' | 'fields'>,
    Partial<Pick<Template, 'category' | 'sentUnder' | 'channels' | 'sms'>> {
  /** Whom the text greets, "Dear …,": the customer's name unless given. */
  readonly dear?: string
  /** The email and letter text between the greeting and the sign-off. */
  readonly text: string
}

/**
 * A template from its definition: customer service, sent under `comms.message.send`, by email and
 * letter, not by SMS, unless it says otherwise; the body is the greeting, the text and the sign-off.
 */
function letter({ dear = '{{customer.name}}', text, ...definition }: Definition): Omit<Template, 'recipientGiven'> {
  return {
    key: definition.key,
    title: definition.title,
    category: definition.category ?? 'service',
    sentUnder: definition.sentUnder ?? ['comms.message.send'],
    channels: definition.channels ?? ['email', 'letter'],
    subject: definition.subject,
    body: `Dear ${dear},\n\n${text}\n\n${signOff}`,
    sms: definition.sms ?? null,
    fields: definition.fields,
  }
}

const definitions: readonly Omit<Template, 'recipientGiven'>[] = [
  letter({
    key: 'payment_reminder',
    title: 'Payment reminder',
    category: 'collections',
    sentUnder: ['comms.message.send', 'collections.notice.send'],
    channels: ['email', 'sms', 'letter'],
    subject: 'A reminder about your balance of {{balance}} (account {{account.number}})',
    text: `Your account {{account.number}} has a balance of {{balance}}, which was due on {{dueDate}}.

If you have already paid, thank you, and please ignore this reminder. If you are finding it hard to
pay, please get in touch: we can agree a payment plan that you can afford.`,
    sms: '{{supplier.name}}: your account {{account.number}} has {{balance}} due since {{dueDate}}. Already paid? Thank you. Need help paying? Please call us.',
    fields: { balance, dueDate },
  }),
  letter({
    key: 'final_notice',
    title: 'Final notice',
    category: 'collections',
    sentUnder: ['collections.notice.send'],
    subject: 'Final notice: {{balance}} overdue on account {{account.number}}',
    text: `FINAL NOTICE

We have written to you before about the balance of {{balance}} on your account {{account.number}}
for {{account.address}}. Please pay it by {{dueDate}}.

If we do not hear from you by then, we may take further steps to recover the debt. If you are
struggling to pay, please contact us now: we will work with you on a plan you can afford, and free,
independent debt advice is available.`,
    fields: { balance, dueDate },
  }),
  letter({
    key: 'disconnection_notice',
    title: 'Disconnection notice',
    category: 'collections',
    sentUnder: ['collections.notice.send'],
    subject: 'Notice of disconnection: account {{account.number}}',
    text: `NOTICE OF DISCONNECTION

Your account {{account.number}} has an unpaid balance of {{balance}}. Unless it is paid, or a payment
arrangement is agreed, your supply at {{account.address}} may be disconnected on or after
{{disconnectionDate}}.

Please contact us before then. If anyone in your home is elderly, disabled, chronically ill, has
young children or relies on medical equipment, tell us straight away.`,
    fields: {
      balance,
      disconnectionDate: { kind: 'date', description: 'The earliest date the supply may be disconnected' },
    },
  }),
  letter({
    key: 'debt_collection_referral',
    title: 'Debt collection referral notice',
    category: 'collections',
    sentUnder: ['collections.notice.send'],
    subject: 'Your account {{account.number}} is being referred to {{agencyName}}',
    text: `We have not been able to agree a way to pay the balance of {{balance}} on your account
{{account.number}}. On {{referralDate}} we will pass the debt to {{agencyName}}, a debt collection
agency, who will contact you about it.

You can still stop this by paying the balance or agreeing a payment plan with us before that date.`,
    fields: {
      balance,
      agencyName: { kind: 'text', description: 'The debt collection agency' },
      referralDate: { kind: 'date', description: 'The date the debt is passed to the agency' },
    },
  }),
  letter({
    key: 'payment_arrangement_terms',
    title: 'Payment arrangement terms',
    sentUnder: ['comms.message.send', 'collections.notice.send'],
    subject: 'Your payment arrangement for account {{account.number}}',
    text: `Thank you for agreeing a payment arrangement for the balance of {{balance}} on your account
{{account.number}}. These are its terms:

- Down payment: {{downPayment}}, due on {{downPaymentDate}}
- Then {{instalmentCount}} instalments of {{instalmentAmount}}, {{frequency}}, the first on {{firstInstalmentDate}}

Please keep paying for the energy you use as well. If a payment is missed the arrangement may end,
so contact us as soon as you can if anything changes.`,
    fields: {
      balance,
      downPayment: { kind: 'money', description: 'The down payment' },
      downPaymentDate: { kind: 'date', description: 'When the down payment is due' },
      instalmentCount: { kind: 'count', description: 'How many instalments' },
      instalmentAmount: { kind: 'money', description: 'Each instalment' },
      frequency: { kind: 'text', description: "How often, in words: 'weekly', 'every month'" },
      firstInstalmentDate: { kind: 'date', description: 'When the first instalment is due' },
    },
  }),
  letter({
    key: 'appointment_confirmation',
    title: 'Appointment confirmation',
    channels: ['email', 'sms', 'letter'],
    subject: 'Your appointment on {{appointmentDate}}',
    text: `This confirms your appointment at {{account.address}} on {{appointmentDate}} between
{{appointmentWindow}}, for: {{appointmentPurpose}}.

Our technician will show their ID card. If you need to change the time, please contact us.`,
    sms: '{{supplier.name}}: your appointment is on {{appointmentDate}}, {{appointmentWindow}}, at {{account.address}}. Need to change it? Please call us.',
    fields: {
      appointmentDate: { kind: 'date', description: 'The day of the visit' },
      appointmentWindow: { kind: 'text', description: "The arrival window, '8am and 12pm'" },
      appointmentPurpose: { kind: 'text', description: "What the visit is for, 'a smart meter installation'" },
    },
  }),
  letter({
    key: 'rate_change_notice',
    title: 'Rate change notice',
    subject: 'Your {{tariffName}} prices are changing on {{effectiveDate}}',
    text: `The prices of your tariff, {{tariffName}}, change on {{effectiveDate}}:

{{changeSummary}}

You do not need to do anything. If you would like to look at other tariffs, or leave us, you can do
so without an exit fee within 30 days of this notice.`,
    fields: {
      tariffName: { kind: 'text', description: 'The tariff' },
      effectiveDate: { kind: 'date', description: 'When the new prices apply' },
      changeSummary: { kind: 'text', description: 'The old and new rates, in words' },
    },
  }),
  letter({
    key: 'price_change_notice',
    title: 'Notice of a price rise (sent when a price change is approved)',
    sentUnder: ['tariffs.price_change.approve'],
    subject: 'Your {{productName}} prices are going up on {{effectiveDate}}',
    text: `We are writing to tell you, before it happens, that the prices of your tariff {{productName}}
for {{account.address}} are changing on {{effectiveDate}}. Your prices including VAT, now and from
that day:

{{priceLines}}

Any price not listed here stays as it is.

What you can do:
- Nothing: your new prices apply from {{effectiveDate}}.
- Switch to another of our tariffs, or to another supplier, before or after that date. {{exitNote}}
- Sign in to your account online or call us, and we will help you compare tariffs for your home.`,
    fields: {
      productName: { kind: 'text', description: "The product's name, 'Flexible Egg November 2026'" },
      effectiveDate: { kind: 'date', description: 'The day the new prices apply from' },
      priceLines: {
        kind: 'text',
        description: 'Each price that changes, inc VAT, old → new, one per line, with its fuel and payment method',
      },
      exitNote: { kind: 'text', description: 'Whether leaving the tariff carries an exit fee, in a sentence' },
    },
  }),
  letter({
    key: 'dispute_acknowledgement',
    title: 'Dispute acknowledgement',
    subject: 'We have received your dispute ({{disputeReference}})',
    text: `Thank you for telling us that you disagree with {{disputeSubject}} on account {{account.number}}. Our
reference is {{disputeReference}}.

We will look into it and reply by {{responseDate}}. While we investigate, we will not chase the
disputed amount.`,
    fields: {
      disputeReference: { kind: 'text', description: 'The case or dispute reference' },
      disputeSubject: { kind: 'text', description: "What is disputed, 'your bill of 15 November 2026'" },
      responseDate: { kind: 'date', description: 'When we will reply by' },
    },
  }),
  letter({
    key: 'authorised_user_invitation',
    title: 'Authorised user invitation',
    channels: ['email'],
    subject: '{{customer.name}} has invited you to their {{supplier.name}} account',
    dear: '{{inviteeName}}',
    text: `{{customer.name}} has invited you to help manage their energy account {{account.number}} as an
authorised user with {{accessLevel}} access.

To accept, create your own login at:
{{invitationLink}}

The invitation expires on {{expiresDate}}. If you were not expecting it, you can ignore this email.`,
    fields: {
      inviteeName: { kind: 'text', description: 'The person invited' },
      accessLevel: { kind: 'text', description: "'limited' or 'full'" },
      invitationLink: { kind: 'text', description: 'The link to accept the invitation' },
      expiresDate: { kind: 'date', description: 'The last day the invitation can be accepted' },
    },
  }),
  letter({
    key: 'account_user_notice',
    title: 'Notice to an account user about their access',
    channels: ['email'],
    subject: '{{subject}}',
    dear: '{{userName}}',
    text: `{{message}}

This is about your access to the {{supplier.name}} account {{account.number}}. If you did not expect
it, please contact us.`,
    fields: {
      userName: { kind: 'text', description: 'The user the notice is about, who receives it' },
      subject: subjectLine,
      message: { kind: 'text', description: 'What changed about their access' },
    },
  }),
  letter({
    key: 'statement_issued',
    title: 'Statement issued',
    sentUnder: ['billing.rebill.create'],
    subject: 'Your statement {{statementNumber}} for account {{account.number}}',
    text: `Your statement {{statementNumber}} for {{period}} is ready. Its charges come to {{charges}}
and your balance is {{balance}}.

{{paymentNote}}

You can read the statement and download it as a PDF when you sign in to your account online. If
anything on it looks wrong, reply to this message or call us.`,
    fields: {
      statementNumber: { kind: 'text', description: 'The statement number, S-00000012' },
      period: { kind: 'text', description: "The statement's period in words, '1 Nov 2026 to 30 Nov 2026'" },
      charges: { kind: 'money', description: "The statement's charges including VAT" },
      balance: { kind: 'money', description: 'The balance when the statement was made' },
      paymentNote: { kind: 'text', description: 'How and when the balance is paid, in a sentence' },
    },
  }),
  letter({
    key: 'general_message',
    title: 'Message written by an agent',
    channels: ['email', 'sms', 'letter'],
    subject: '{{subject}}',
    text: `{{message}}`,
    sms: '{{supplier.name}}: {{message}}',
    fields: {
      subject: subjectLine,
      message: { kind: 'text', description: 'What the agent writes' },
    },
  }),
  letter({
    key: 'welcome',
    title: 'Welcome, with the tariff’s key facts',
    sentUnder: ['accounts.account.create'],
    channels: ['email'],
    subject: 'Welcome to {{supplier.name}}: your account {{account.number}}',
    dear: '{{customer.firstName}}',
    text: `Thank you for choosing {{supplier.name}}. Your account number is {{account.number}}, for
{{account.address}}.

Your tariff's key facts
- Tariff: {{productName}}
- Unit rates (including VAT): {{unitRates}}
- Standing charges (including VAT): {{standingCharges}}
- Estimated annual cost: {{estimatedAnnualCost}}
- Paying by: {{paymentNote}}

We have asked to take over your supply from {{supplyStart}}; your old supplier keeps supplying you
until then, and we will tell you if that date moves.

You can change your mind: you may cancel without any charge until the end of your cooling-off
period on {{coolingOffEnds}} (14 days from today). Reply to this email or call us to cancel.`,
    fields: {
      productName: { kind: 'text', description: "The product's name, 'Flexible Egg'" },
      unitRates: { kind: 'text', description: "Each fuel's unit rates in pence per kWh, on one line" },
      standingCharges: { kind: 'text', description: "Each fuel's standing charge in pence per day, on one line" },
      estimatedAnnualCost: {
        kind: 'text',
        description: 'The estimated cost of a year with the consumption it assumes, or why there is none',
      },
      paymentNote: { kind: 'text', description: 'How the customer pays, in a few words' },
      supplyStart: { kind: 'date', description: 'The date the supply is asked to start (pending the switch)' },
      coolingOffEnds: { kind: 'date', description: 'The last day of the 14-day cooling-off period' },
    },
  }),
]

/** The templates addressed to someone other than the customer: an invitee, or a user about their own access. */
const recipientGivenKeys: readonly TemplateKey[] = ['authorised_user_invitation', 'account_user_notice']

const catalogue: ReadonlyMap<string, Template> = new Map(
  definitions.map((definition) => [
    definition.key,
    { ...definition, recipientGiven: recipientGivenKeys.includes(definition.key) },
  ]),
)

/** Every template, in catalogue order. Throws nothing. */
export function listTemplates(): Template[] {
  return [...catalogue.values()]
}

/** The template with this key. @throws UnknownTemplate */
export function templateOf(key: string): Template {
  const template = catalogue.get(key)
  if (!template) {
    throw new UnknownTemplate(`There is no template '${key}'; the templates are ${templateKeys.join(', ')}`, [
      { path: 'template', message: `one of ${templateKeys.join(', ')}` },
    ])
  }
  return template
}

/** A value the caller gives for a field: text, or money as minor units. Floats are refused. */
export type FieldValue =
  | string
  | bigint
  | number
  | { readonly amountMinor: bigint | string; readonly currency?: string }

/** What the merge knows about the account and where it is written from. */
export interface MergeContext {
  readonly customerName: string
  readonly customerFirstName: string
  readonly accountNumber: string
  readonly accountAddress: string
  readonly supplierName: string
  /** The local date the message is written, 'YYYY-MM-DD'. */
  readonly today: string
  readonly currency: Currency
  readonly locale: string
}

const placeholderPattern = /\{\{\s*([^{}]*?)\s*\}\}/g
const maxTextLength = 10_000
/** Four concatenated SMS parts of 153 characters. */
const maxSmsLength = 612

type Problem = { path: string; message: string }

/** The placeholders a text uses, in order of first use. Throws nothing. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(placeholderPattern)].map((match) => match[1] ?? ''))]
}

function formatDate(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    utcMidnight(date),
  )
}

function minorUnitsOf(value: FieldValue): bigint | null {
  if (typeof value === 'bigint') return value
  if (typeof value === 'string') return /^-?\d{1,18}$/.test(value.trim()) ? BigInt(value.trim()) : null
  if (typeof value === 'object' && value !== null) return minorUnitsOf(value.amountMinor)
  return null
}

function formatField(name: string, spec: FieldSpec, value: FieldValue, context: MergeContext): string | Problem {
  const path = `fields.${name}`
  switch (spec.kind) {
    case 'money': {
      if (typeof value === 'number') {
        return {
          path,
          message: 'money is given in integer minor units as a bigint or a string of digits, never a number',
        }
      }
      if (typeof value === 'object' && value.currency !== undefined && value.currency !== context.currency) {
        const currency = isCurrency(value.currency) ? value.currency : String(value.currency)
        return { path, message: `the account is billed in ${context.currency}, not ${currency}` }
      }
      const minor = minorUnitsOf(value)
      if (minor === null) return { path, message: "integer minor units, like '12345' for 123.45" }
      return formatMoney({ amountMinor: minor, currency: context.currency }, context.locale)
    }
    case 'date':
      return typeof value === 'string' && isLocalDate(value)
        ? formatDate(value, context.locale)
        : { path, message: 'a date YYYY-MM-DD' }
    case 'count': {
      const text = typeof value === 'number' || typeof value === 'bigint' ? String(value) : value
      return typeof text === 'string' && /^\d{1,9}$/.test(text.trim())
        ? String(Number(text.trim()))
        : { path, message: 'a whole number' }
    }
    default: {
      if (typeof value !== 'string') return { path, message: 'text' }
      const text = value.trim()
      if (text.length === 0) return { path, message: 'must not be empty' }
      if (text.length > maxTextLength) return { path, message: `at most ${maxTextLength} characters` }
      return text
    }
  }
}

function accountValues(context: MergeContext): Record<string, string> {
  return {
    'customer.name': context.customerName,
    'customer.firstName': context.customerFirstName,
    'account.number': context.accountNumber,
    'account.address': context.accountAddress,
    'supplier.name': context.supplierName,
    today: formatDate(context.today, context.locale),
  }
}

/** Fill a text's placeholders in one pass: a merged value is never read as a placeholder itself. */
function fill(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(placeholderPattern, (_match, name: string) => values[name] ?? '')
}

/**
 * Merge a template for a channel: the subject and the body (the SMS text for `sms`), with the
 * account's fields and the caller's. Refuses, naming each field, a field the template does not take
 * (or one of the account's own, which the caller may not set), a field it needs that was not given,
 * and a value of the wrong kind (money as a float or in another currency, a date not YYYY-MM-DD).
 * @throws ChannelNotOffered, UnknownMergeField, MissingMergeField, InvalidMergeField
 */
export function mergeTemplate({
  template,
  channel,
  fields,
  context,
}: {
  template: Template
  channel: SendChannel
  fields: Readonly<Record<string, FieldValue | undefined>>
  context: MergeContext
}): { subject: string; body: string } {
  if (!template.channels.includes(channel) || (channel === 'sms' && template.sms === null)) {
    throw new ChannelNotOffered(
      `The template ${template.key} is sent by ${template.channels.join(' or ')}, not by ${channel}`,
      [{ path: 'channel', message: `one of ${template.channels.join(', ')}` }],
    )
  }
  const given = Object.entries(fields).filter((entry): entry is [string, FieldValue] => entry[1] !== undefined)
  const unknown: Problem[] = given
    .filter(([name]) => !Object.hasOwn(template.fields, name))
    .map(([name]) => ({
      path: `fields.${name}`,
      message: Object.hasOwn(accountFields, name)
        ? 'filled from the account; it cannot be given'
        : `not a field of ${template.key}`,
    }))
  if (unknown.length > 0) {
    const names = unknown.map((problem) => problem.path.slice('fields.'.length))
    const takes = Object.keys(template.fields)
    throw new UnknownMergeField(
      `Unknown field${names.length > 1 ? 's' : ''} ${names.join(', ')} for the template ${template.key} (it takes ${takes.length > 0 ? takes.join(', ') : 'no fields'})`,
      unknown,
    )
  }
  const missing: Problem[] = Object.keys(template.fields)
    .filter((name) => fields[name] === undefined)
    .map((name) => ({ path: `fields.${name}`, message: `required by ${template.key}` }))
  if (missing.length > 0) {
    const names = missing.map((problem) => problem.path.slice('fields.'.length))
    throw new MissingMergeField(
      `The template ${template.key} needs the field${names.length > 1 ? 's' : ''} ${names.join(', ')}`,
      missing,
    )
  }
  const values: Record<string, string> = accountValues(context)
  const invalid: Problem[] = []
  for (const [name, value] of given) {
    const spec = template.fields[name] as FieldSpec
    const formatted = formatField(name, spec, value, context)
    if (typeof formatted === 'string') values[name] = formatted
    else invalid.push(formatted)
  }
  if (invalid.length > 0) {
    const names = invalid.map((problem) => problem.path.slice('fields.'.length))
    throw new InvalidMergeField(
      `The field${names.length > 1 ? 's' : ''} ${names.join(', ')} of ${template.key} ${names.length > 1 ? 'are' : 'is'} not valid: ${invalid.map((problem) => problem.message).join('; ')}`,
      invalid,
    )
  }
  // A placeholder nobody can fill is a fault in the template itself, named like any other.
  const texts = [template.subject, channel === 'sms' ? (template.sms ?? '') : template.body]
  const unfillable = texts.flatMap(placeholdersOf).filter((name) => values[name] === undefined)
  if (unfillable.length > 0) {
    throw new UnknownMergeField(
      `The template ${template.key} uses ${unfillable.map((name) => `{{${name}}}`).join(', ')}, which no field fills`,
      unfillable.map((name) => ({ path: `template.${name}`, message: 'no such field' })),
    )
  }
  const body = fill(channel === 'sms' ? (template.sms ?? '') : template.body, values)
  if (channel === 'sms' && [...body].length > maxSmsLength) {
    const textFields = Object.keys(template.fields).filter((name) => template.fields[name]?.kind === 'text')
    throw new InvalidMergeField(
      `The text message would be ${[...body].length} characters; an SMS takes at most ${maxSmsLength}`,
      textFields.map((name) => ({
        path: `fields.${name}`,
        message: `shorten it: the SMS is over ${maxSmsLength} characters`,
      })),
    )
  }
  return { subject: fill(template.subject, values), body }
}
