/**
 * PAY-7: the one interface every payment processor sits behind (cards, bank debits, refunds), and a
 * built-in test processor that behaves like a real one offline. Card numbers and security codes go
 * to `tokenizeCard` and nowhere else: what comes back is a token, a brand and the last four digits.
 */
import { createHash, randomBytes } from 'node:crypto'
import { ValidationFailed, withCode } from '../../shared/errors.js'
import { cardBrand, luhnValid } from './cards.js'

export interface CardDetails {
  readonly number: string
  readonly expiryMonth: number
  readonly expiryYear: number
  readonly cvc: string
  readonly holderName?: string | undefined
}

export interface BankAccountDetails {
  /** gb: 8 digits; us: 4 to 17. */
  readonly accountNumber: string
  /** gb sort code (6 digits) or us routing number (9 digits). */
  readonly bankCode: string
  readonly holderName: string
}

export interface TokenizedMethod {
  readonly kind: 'card' | 'bank_account'
  readonly token: string
  readonly brand: string
  readonly last4: string
  readonly expiryMonth: number | null
  readonly expiryYear: number | null
  readonly holderName: string | null
}

export type ChargeOutcome =
  | { readonly status: 'succeeded' | 'pending'; readonly processorRef: string }
  | {
      readonly status: 'failed'
      readonly processorRef: string
      readonly code: string
      readonly message: string
      /** A temporary problem: the same payment may be tried again. */
      readonly retryable: boolean
    }

export type ProcessorEventType = 'payment.succeeded' | 'payment.failed' | 'payment.returned'

export interface ProcessorEvent {
  /** Unique per event; the same event may be delivered more than once. */
  readonly id: string
  readonly processorRef: string
  readonly type: ProcessorEventType
  readonly occurredAt: Date
  readonly code?: string | undefined
  readonly message?: string | undefined
}

export interface PaymentProcessor {
  readonly name: string
  /** @throws PaymentMethodRejected (never echoing the number) */
  tokenizeCard(card: CardDetails, at: Date): Promise<TokenizedMethod>
  /** @throws PaymentMethodRejected */
  tokenizeBankAccount(account: BankAccountDetails): Promise<TokenizedMethod>
  /** Idempotent on `idempotencyKey`: the same key returns the first outcome and charges once. */
  charge(request: {
    token: string
    amountMinor: bigint
    currency: string
    idempotencyKey: string
    at: Date
  }): Promise<ChargeOutcome>
  /** Send money back to a payment method; idempotent on `idempotencyKey`. */
  refund(request: {
    token: string
    amountMinor: bigint
    currency: string
    idempotencyKey: string
    at: Date
  }): Promise<{ processorRef: string; status: 'succeeded' | 'pending' }>
  /**
   * What happened to these charges up to `until`, as a webhook would deliver it: possibly out of
   * order and with repeats.
   */
  events(request: {
    charges: readonly { processorRef: string; chargedAt: Date }[]
    until: Date
  }): Promise<ProcessorEvent[]>
}

export class PaymentMethodRejected extends withCode(ValidationFailed, 'PAYMENT_METHOD_REJECTED') {}

type Behaviour = 'ok' | 'decline' | 'nsf' | 'retry' | 'return'

/**
 * Test cards (the numbers card networks publish for testing): 4242 4242 4242 4242, 5555 5555 5555
 * 4444 and 3782 822463 10005 succeed; 4000 0000 0000 0002 is declined; 4000 0000 0000 9995 is
 * declined for insufficient funds; 4000 0000 0000 0119 fails with a processing error the first time
 * and succeeds when tried again; 4000 0000 0000 0259 succeeds and is returned (charged back) three
 * days later. Any other Luhn-valid number succeeds.
 */
export const testCards: Readonly<Record<string, Behaviour>> = {
  '4242424242424242': 'ok',
  '5555555555554444': 'ok',
  '378282246310005': 'ok',
  '4000000000000002': 'decline',
  '4000000000009995': 'nsf',
  '4000000000000119': 'retry',
  '4000000000000259': 'return',
}

/**
 * Test bank accounts: an account number ending 0002 fails when the debit is presented (three days
 * on), one ending 0003 settles and is then returned (indemnity claim) two days later; any other
 * settles after three days.
 */
function bankBehaviour(accountNumber: string): Behaviour {
  if (accountNumber.endsWith('0002')) return 'decline'
  if (accountNumber.endsWith('0003')) return 'return'
  return 'ok'
}

const dayMs = 86_400_000

function random(length: number): string {
  return randomBytes(length).toString('base64url').replace(/[-_]/g, 'x').slice(0, length)
}

/** Deterministic shuffle and repeat, as webhooks arrive: keyed by a hash of the event id. */
function hashOf(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0)
}

/** How the test processor fails a card charge, by the behaviour its token names. */
const cardFailures: ReadonlyMap<string, { code: string; message: string; retryable: boolean }> = new Map([
  ['decline', { code: 'card_declined', message: 'The card was declined', retryable: false }],
  ['nsf', { code: 'insufficient_funds', message: 'The card has insufficient funds', retryable: false }],
  [
    'retry',
    { code: 'processing_error', message: 'The card network did not answer in time: try again', retryable: true },
  ],
])

export class TestProcessor implements PaymentProcessor {
  readonly name = 'test'
  /** What each idempotency key got, as a real processor remembers it. */
  private readonly outcomes = new Map<string, ChargeOutcome>()
  /** Tokens whose first attempt failed with a processing error (the next one succeeds). */
  private readonly triedOnce = new Set<string>()

  async tokenizeCard(card: CardDetails, at: Date): Promise<TokenizedMethod> {
    const digits = card.number.replace(/[ -]/g, '')
    const problems: { path: string; message: string }[] = []
    if (!/^\d{13,19}$/.test(digits) || !luhnValid(digits)) {
      problems.push({ path: 'card.number', message: 'not a valid card number' })
    }
    const now = { year: at.getUTCFullYear(), month: at.getUTCMonth() + 1 }
    if (!Number.isInteger(card.expiryMonth) || card.expiryMonth < 1 || card.expiryMonth > 12) {
      problems.push({ path: 'card.expiryMonth', message: 'a month 1 to 12' })
    } else if (card.expiryYear < now.year || (card.expiryYear === now.year && card.expiryMonth < now.month)) {
      problems.push({ path: 'card.expiryYear', message: 'the card has expired' })
    }
    if (!/^\d{3,4}$/.test(card.cvc)) problems.push({ path: 'card.cvc', message: 'three or four digits' })
    if (problems.length > 0) throw new PaymentMethodRejected('The card was not accepted', problems)
    const behaviour = testCards[digits] ?? 'ok'
    return {
      kind: 'card',
      token: `tok_${behaviour}_${random(20)}`,
      brand: cardBrand(digits),
      last4: digits.slice(-4),
      expiryMonth: card.expiryMonth,
      expiryYear: card.expiryYear,
      holderName: card.holderName?.trim() || null,
    }
  }

  async tokenizeBankAccount(account: BankAccountDetails): Promise<TokenizedMethod> {
    const problems: { path: string; message: string }[] = []
    if (!/^\d{4,17}$/.test(account.accountNumber)) {
      problems.push({ path: 'bankAccount.accountNumber', message: '4 to 17 digits' })
    }
    if (!/^(\d{6}|\d{9})$/.test(account.bankCode)) {
      problems.push({ path: 'bankAccount.bankCode', message: 'a 6-digit sort code or a 9-digit routing number' })
    }
    if (account.holderName.trim().length === 0) {
      problems.push({ path: 'bankAccount.holderName', message: 'the account holder’s name' })
    }
    if (problems.length > 0) throw new PaymentMethodRejected('The bank account was not accepted', problems)
    return {
      kind: 'bank_account',
      token: `bank_${bankBehaviour(account.accountNumber)}_${random(20)}`,
      brand: account.bankCode.length === 6 ? 'Direct Debit' : 'ACH',
      last4: account.accountNumber.slice(-4),
      expiryMonth: null,
      expiryYear: null,
      holderName: account.holderName.trim(),
    }
  }

  async charge(request: {
    token: string
    amountMinor: bigint
    currency: string
    idempotencyKey: string
  }): Promise<ChargeOutcome> {
    const known = this.outcomes.get(request.idempotencyKey)
    if (known) return known
    const [kind = '', behaviour = 'ok'] = request.token.split('_')
    const processorRef = `ch_${kind === 'bank' ? 'b' : 'c'}${behaviour}_${random(16)}`
    let outcome: ChargeOutcome
    const failure = cardFailures.get(behaviour)
    if (kind === 'bank') {
      outcome = { status: 'pending', processorRef }
    } else if (failure && (behaviour !== 'retry' || !this.triedOnce.has(request.token))) {
      // A card token `card_retry` fails once, then succeeds.
      if (behaviour === 'retry') this.triedOnce.add(request.token)
      outcome = { status: 'failed', processorRef, ...failure }
    } else {
      outcome = { status: 'succeeded', processorRef }
    }
    this.outcomes.set(request.idempotencyKey, outcome)
    return outcome
  }

  async refund(request: { token: string; idempotencyKey: string }) {
    return {
      processorRef: `re_${createHash('sha256').update(request.idempotencyKey).digest('hex').slice(0, 20)}`,
      status: request.token.startsWith('bank_') ? ('pending' as const) : ('succeeded' as const),
    }
  }

  async events({ charges, until }: { charges: readonly { processorRef: string; chargedAt: Date }[]; until: Date }) {
    const events: ProcessorEvent[] = []
    for (const { processorRef, chargedAt } of charges) {
      const [, code = ''] = processorRef.split('_')
      const bank = code.startsWith('b')
      const behaviour = code.slice(1) as Behaviour
      const planned: Omit<ProcessorEvent, 'id' | 'processorRef'>[] = []
      const on = (days: number) => new Date(chargedAt.getTime() + days * dayMs)
      if (bank && behaviour === 'decline') {
        planned.push({
          type: 'payment.failed',
          occurredAt: on(3),
          code: 'refer_to_payer',
          message: 'The bank refused the debit',
        })
      } else if (bank) {
        planned.push({ type: 'payment.succeeded', occurredAt: on(3) })
        if (behaviour === 'return') {
          planned.push({
            type: 'payment.returned',
            occurredAt: on(5),
            code: 'indemnity_claim',
            message: 'The payer asked their bank to return the debit',
          })
        }
      } else if (behaviour === 'return') {
        planned.push({
          type: 'payment.returned',
          occurredAt: on(3),
          code: 'chargeback',
          message: 'The cardholder disputed the payment',
        })
      }
      for (const event of planned) {
        if (event.occurredAt > until) continue
        events.push({ ...event, id: `evt_${processorRef}_${event.type.split('.')[1]}`, processorRef })
      }
    }
    // As webhooks arrive at worst: every one twice, the copies apart, in no particular order.
    const delivered = events.flatMap((event) => [
      { event, order: hashOf(`${event.id}#1`) },
      { event, order: hashOf(`${event.id}#2`) },
    ])
    return delivered.sort((a, b) => a.order - b.order).map(({ event }) => event)
  }
}
