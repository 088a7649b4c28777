import { Conflict, Forbidden, NotFound, ValidationFailed, withCode } from '../../shared/errors.js'
import type { Currency } from '../../shared/money.js'

/** What an inbound message is about (COM-4). `other` when nothing points anywhere. */
export const intents = [
  'bill_query',
  'payment',
  'payment_arrangement',
  'direct_debit',
  'move',
  'meter_reading',
  'smart_meter',
  'complaint',
  'refund',
  'tariff',
  'export',
  'vulnerability',
  'other',
] as const
export type Intent = (typeof intents)[number]

/** One phrase that counted towards an intent, as found in the message. */
export interface Evidence {
  readonly intent: Intent
  /** The words matched, as written (lower-cased). */
  readonly phrase: string
  readonly weight: number
  /** A negated mention ("I'm not moving house") is shown but does not count. */
  readonly negated: boolean
}

export interface Classification {
  readonly intent: Intent
  /** 0 to 1: how far the winning intent's score stands above the rest. */
  readonly confidence: number
  /** The phrases that counted for the winning intent (and negated ones, for the agent to see). */
  readonly evidence: readonly Evidence[]
  /** Every intent that scored, highest first. */
  readonly scores: readonly { readonly intent: Intent; readonly score: number }[]
  /** Other intents that scored strongly too (a vulnerability mentioned in a billing question). */
  readonly alsoAbout: readonly Intent[]
}

/** A knowledge-base article, written from the supplier's own guidance (the seeds). */
export interface Article {
  readonly id: string
  readonly version: number
  readonly title: string
  /** The intents it answers, the most relevant first. */
  readonly intents: readonly Intent[]
  /** Words that make it the better of two articles for the same intent. */
  readonly keywords: readonly string[]
  /** The guidance for the agent, as the supplier states it. */
  readonly body: string
  /** Sentences written for the customer, which a draft may quote. */
  readonly keySentences: readonly string[]
}

/**
 * The account's facts a reply may state, gathered by the use case (this module sits below the
 * ledger, billing and payments) and passed in. Money is in minor units.
 */
export interface ReplyFacts {
  readonly accountNumber: string
  readonly currency: Currency
  readonly locale: string
  /** Positive: owed by the customer; negative: the account is in credit. */
  readonly balanceMinor: bigint
  readonly latestStatement: {
    readonly number: string
    readonly kind: string
    /** First and last local day of the period. */
    readonly fromDate: string
    readonly toDate: string
    readonly totalMinor: bigint
    readonly dueDate: string | null
    readonly estimated: boolean
  } | null
  /** This statement against the one before (billing's comparison). */
  readonly usageChange: {
    readonly previousNumber: string
    readonly changeMinor: bigint
    readonly usageEffectMinor: bigint
    readonly priceEffectMinor: bigint
  } | null
  readonly arrangement: {
    readonly status: string
    readonly instalmentMinor: bigint
    readonly frequency: string
    readonly paidMinor: bigint
    readonly pastDueMinor: bigint
    readonly nextDueDate: string | null
  } | null
  readonly paymentMethod: {
    readonly kind: 'direct_debit' | 'on_demand'
    /** Direct Debit: fixed or variable, its amount and day, the debt repayment element. */
    readonly directDebit: {
      readonly kind: 'fixed' | 'variable'
      readonly amountMinor: bigint | null
      readonly paymentDay: number
      readonly debtRepaymentMinor: bigint
    } | null
  }
}

/** The template a suggested reply is sent with: the free-text message an agent writes. */
export const replyTemplate = 'general_message' as const

/** Why the draft says what it says: the facts it used and the articles it quoted. */
export interface DraftSources {
  readonly facts: readonly { readonly name: string; readonly value: string }[]
  readonly articles: readonly { readonly id: string; readonly version: number; readonly title: string }[]
  readonly knowledgeBaseVersion: string
  readonly template: typeof replyTemplate
  /** `local`, or the language model that rewrote the local draft. */
  readonly method: string
  readonly evidence: readonly Evidence[]
  /** Set when a configured model failed and the local draft was kept. */
  readonly modelError?: string
}

export interface ComposedReply {
  readonly subject: string
  /** The message part of the template: what sits between the greeting and the sign-off. */
  readonly body: string
  readonly sources: DraftSources
}

export const draftStatuses = ['draft', 'reviewed', 'sent', 'discarded'] as const
export type DraftStatus = (typeof draftStatuses)[number]

export interface SuggestedReply {
  readonly id: string
  readonly accountId: string
  readonly inboundMessageId: string
  readonly intent: Intent
  readonly confidence: number
  readonly subject: string
  /** The suggestion as drafted. */
  readonly body: string
  readonly sources: DraftSources
  readonly status: DraftStatus
  /** The person who last reviewed it, and when. */
  readonly reviewedBy: string | null
  readonly reviewedAt: Date | null
  /** The reviewer's text, when they changed the suggestion; what is sent. */
  readonly editedBody: string | null
  readonly sentMessageId: string | null
  readonly createdAt: Date
  readonly createdBy: string
  readonly updatedAt: Date
}

export class SuggestedReplyNotFound extends withCode(NotFound, 'SUGGESTED_REPLY_NOT_FOUND') {}
/** Sending a draft nobody has marked reviewed (the guide: never send a suggestion unread). */
export class DraftNotReviewed extends withCode(Conflict, 'DRAFT_NOT_REVIEWED') {}
/** The draft was sent or discarded: it can no longer be reviewed, sent or discarded. */
export class DraftClosed extends withCode(Conflict, 'DRAFT_CLOSED') {}
/** Only a person (a member of staff) may review a draft. */
export class ReviewerNotAPerson extends withCode(Forbidden, 'REVIEWER_NOT_A_PERSON') {}
export class InvalidDraft extends withCode(ValidationFailed, 'INVALID_DRAFT') {}
