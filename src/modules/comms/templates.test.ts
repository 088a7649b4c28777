import { describe, expect, it } from 'vitest'
import {
  accountFields,
  ChannelNotOffered,
  type FieldValue,
  InvalidMergeField,
  listTemplates,
  type MergeContext,
  MissingMergeField,
  mergeTemplate,
  placeholdersOf,
  type Template,
  templateKeys,
  templateOf,
  UnknownMergeField,
  UnknownTemplate,
} from './templates.js'
import { canMove, nextStatuses } from './transitions.js'
import { channels, type SendChannel, statuses } from './types.js'

const gb: MergeContext = {
  customerName: 'Eleanor Ashworth',
  customerFirstName: 'Eleanor',
  accountNumber: 'A-00000001',
  accountAddress: '14 Mill Lane, Cambridge, CB1 2AB',
  supplierName: 'Good Egg Energy',
  today: '2026-11-20',
  currency: 'GBP',
  locale: 'en-GB',
}
const us: MergeContext = { ...gb, currency: 'USD', locale: 'en-US' }

const reminder = templateOf('payment_reminder')

/** Merge a template for a channel with the caller's fields, for a GB account unless another is given. */
const merge = (
  template: Template,
  channel: SendChannel,
  fields: Readonly<Record<string, FieldValue | undefined>>,
  context: MergeContext = gb,
) => mergeTemplate({ template, channel, fields, context })

function refusal(work: () => unknown): { code: string; message: string; details: unknown } {
  try {
    work()
  } catch (error) {
    return error as { code: string; message: string; details: unknown }
  }
  throw new Error('expected a refusal')
}

describe('the template catalogue', () => {
  it('has the nine scenarios of the guide and a free message, each with a subject and a body', () => {
    expect(listTemplates().map((template) => template.key)).toEqual([...templateKeys])
    expect(templateKeys).toEqual(
      expect.arrayContaining([
        'payment_reminder',
        'final_notice',
        'disconnection_notice',
        'debt_collection_referral',
        'payment_arrangement_terms',
        'appointment_confirmation',
        'rate_change_notice',
        'dispute_acknowledgement',
        'authorised_user_invitation',
      ]),
    )
    for (const template of listTemplates()) {
      expect(template.subject.length).toBeGreaterThan(0)
      expect(template.body.length).toBeGreaterThan(0)
      expect(template.channels.length).toBeGreaterThan(0)
      expect(template.sentUnder.length).toBeGreaterThan(0)
    }
  })

  it.each(listTemplates().map((template) => [template.key, template] as const))(
    'uses in %s only the account’s fields and its own, and every field it declares',
    (_key, template: Template) => {
      const used = [template.subject, template.body, template.sms ?? ''].flatMap(placeholdersOf)
      for (const name of used)
        expect(Object.hasOwn(accountFields, name) || Object.hasOwn(template.fields, name)).toBe(true)
      for (const name of Object.keys(template.fields)) expect(used).toContain(name)
    },
  )

  it('refuses an unknown template by name', () => {
    const error = refusal(() => templateOf('payment_remnder'))
    expect(error).toBeInstanceOf(UnknownTemplate)
    expect(error.message).toContain("'payment_remnder'")
  })
})

describe('merging a template', () => {
  it('fills the account’s fields and formats money from minor units and dates in the account’s locale', () => {
    const merged = merge(reminder, 'email', { balance: 123456n, dueDate: '2027-01-15' })
    expect(merged.subject).toBe('A reminder about your balance of £1,234.56 (account A-00000001)')
    expect(merged.body).toContain('Dear Eleanor Ashworth,')
    expect(merged.body).toContain('has a balance of £1,234.56, which was due on 15 January 2027.')
    expect(merged.body).toContain('Good Egg Energy')
    expect(merged.body).not.toContain('{{')
  })

  it('writes dollars and US dates for a US account', () => {
    const merged = merge(reminder, 'email', { balance: '4205', dueDate: '2027-01-15' }, us)
    expect(merged.body).toContain('has a balance of $42.05, which was due on January 15, 2027.')
  })

  it('takes money as a string of minor units or an amount in the account’s currency, exactly beyond 2^53', () => {
    const fields = { balance: { amountMinor: '900719925474099312', currency: 'GBP' }, dueDate: '2027-01-15' }
    const merged = merge(reminder, 'email', fields)
    expect(merged.subject).toContain('£9,007,199,254,740,993.12')
  })

  it('uses the short text for an SMS', () => {
    const merged = merge(reminder, 'sms', { balance: 5000n, dueDate: '2027-01-15' })
    expect(merged.body).toBe(
      'Good Egg Energy: your account A-00000001 has £50.00 due since 15 January 2027. Already paid? Thank you. Need help paying? Please call us.',
    )
  })

  it('refuses a text message longer than four SMS parts', () => {
    const error = refusal(() =>
      merge(templateOf('general_message'), 'sms', { subject: 'Long', message: 'x'.repeat(600) }),
    )
    expect(error).toBeInstanceOf(InvalidMergeField)
    expect(error.message).toBe('The text message would be 617 characters; an SMS takes at most 612')
  })

  it('never reads a merged value as a placeholder', () => {
    const merged = merge(templateOf('general_message'), 'email', {
      subject: 'About {{balance}}',
      message: 'Your name is {{customer.name}}',
    })
    expect(merged.subject).toBe('About {{balance}}')
    expect(merged.body).toContain('Your name is {{customer.name}}')
  })

  it('refuses a field the template does not take, naming it and what it takes', () => {
    const error = refusal(() =>
      merge(reminder, 'email', { balance: 100n, dueDate: '2027-01-15', dueDte: '2027-01-15' }),
    )
    expect(error).toBeInstanceOf(UnknownMergeField)
    expect(error.code).toBe('UNKNOWN_MERGE_FIELD')
    expect(error.message).toBe('Unknown field dueDte for the template payment_reminder (it takes balance, dueDate)')
    expect(error.details).toEqual([{ path: 'fields.dueDte', message: 'not a field of payment_reminder' }])
  })

  it('refuses an account field given by the caller', () => {
    const error = refusal(() =>
      merge(reminder, 'email', { balance: 100n, dueDate: '2027-01-15', 'customer.name': 'Someone Else' }),
    )
    expect(error).toBeInstanceOf(UnknownMergeField)
    expect(error.details).toEqual([
      { path: 'fields.customer.name', message: 'filled from the account; it cannot be given' },
    ])
  })

  it('refuses a missing field, naming each one', () => {
    const error = refusal(() => mergeTemplate({ template: reminder, channel: 'email', fields: {}, context: gb }))
    expect(error).toBeInstanceOf(MissingMergeField)
    expect(error.code).toBe('MISSING_MERGE_FIELD')
    expect(error.message).toBe('The template payment_reminder needs the fields balance, dueDate')
    expect(error.details).toEqual([
      { path: 'fields.balance', message: 'required by payment_reminder' },
      { path: 'fields.dueDate', message: 'required by payment_reminder' },
    ])
  })

  it.each([
    ['a float', 12.34, 'never a number'],
    ['a whole number as a number', 1234, 'never a number'],
    ['decimal text', '12.34', 'integer minor units'],
    ['another currency', { amountMinor: 100n, currency: 'USD' }, 'billed in GBP, not USD'],
  ])('refuses money given as %s', (_what, balance, message) => {
    const error = refusal(() =>
      mergeTemplate({ template: reminder, channel: 'email', fields: { balance, dueDate: '2027-01-15' }, context: gb }),
    )
    expect(error).toBeInstanceOf(InvalidMergeField)
    expect(error.details).toEqual([{ path: 'fields.balance', message: expect.stringContaining(message) }])
  })

  it('refuses a date not written YYYY-MM-DD and empty text', () => {
    const error = refusal(() =>
      merge(templateOf('appointment_confirmation'), 'email', {
        appointmentDate: '15/01/2027',
        appointmentWindow: ' ',
        appointmentPurpose: 'a meter exchange',
      }),
    )
    expect(error).toBeInstanceOf(InvalidMergeField)
    expect(error.details).toEqual([
      { path: 'fields.appointmentDate', message: 'a date YYYY-MM-DD' },
      { path: 'fields.appointmentWindow', message: 'must not be empty' },
    ])
  })

  it('refuses a channel the template is not sent by', () => {
    const error = refusal(() =>
      merge(templateOf('disconnection_notice'), 'sms', { balance: 100n, disconnectionDate: '2027-02-01' }),
    )
    expect(error).toBeInstanceOf(ChannelNotOffered)
    expect(error.message).toBe('The template disconnection_notice is sent by email or letter, not by sms')
  })
})

describe('delivery status transitions', () => {
  it.each([
    ['email', 'queued', 'sent', true],
    ['email', 'sent', 'delivered', true],
    ['email', 'delivered', 'opened', true],
    ['email', 'opened', 'clicked', true],
    ['email', 'sent', 'opened', true],
    ['email', 'delivered', 'bounced', true],
    ['email', 'queued', 'delivered', false],
    ['email', 'opened', 'delivered', false],
    ['email', 'clicked', 'opened', false],
    ['email', 'bounced', 'delivered', false],
    ['email', 'failed', 'sent', false],
    ['sms', 'sent', 'delivered', true],
    ['sms', 'delivered', 'opened', false],
    ['sms', 'sent', 'clicked', false],
    ['letter', 'sent', 'bounced', true],
    ['letter', 'sent', 'opened', false],
    ['phone_call', 'completed', 'sent', false],
    ['email', 'received', 'opened', false],
  ] as const)('a %s that is %s may become %s: %s', (channel, from, to, allowed) => {
    expect(canMove(channel, from, to)).toBe(allowed)
  })

  it('lets nothing follow an end state on any channel', () => {
    for (const channel of channels) {
      for (const end of ['clicked', 'failed', 'bounced', 'received', 'completed'] as const) {
        expect(nextStatuses(channel, end)).toEqual([])
      }
      for (const status of statuses) expect(canMove(channel, status, 'queued')).toBe(false)
    }
  })
})
