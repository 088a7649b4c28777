import { describe, expect, it } from 'vitest'
import { classifyMessage } from './classify.js'
import { composeReply } from './compose.js'
import { articles, bestArticles, knowledgeBaseVersion } from './knowledge-base.js'
import { intents, type ReplyFacts } from './types.js'

const facts: ReplyFacts = {
  accountNumber: 'A-1F2E3D4C',
  currency: 'GBP',
  locale: 'en-GB',
  balanceMinor: 24_350n,
  latestStatement: {
    number: 'S-00000042',
    kind: 'periodic',
    fromDate: '2026-10-01',
    toDate: '2026-10-31',
    totalMinor: 18_712n,
    dueDate: '2026-11-15',
    estimated: true,
  },
  usageChange: {
    previousNumber: 'S-00000041',
    changeMinor: 6_210n,
    usageEffectMinor: 5_100n,
    priceEffectMinor: 1_110n,
  },
  arrangement: null,
  paymentMethod: {
    kind: 'direct_debit',
    directDebit: { kind: 'fixed', amountMinor: 9_500n, paymentDay: 28, debtRepaymentMinor: 0n },
  },
}

function draft(subject: string, body: string, given: ReplyFacts = facts) {
  const inbound = { subject, body }
  return composeReply({ inbound, classification: classifyMessage(inbound), facts: given })
}

describe('composing a suggested reply (COM-4)', () => {
  it('states the latest statement, the change against the one before and the balance for a bill query', () => {
    const reply = draft('Bill much higher', 'My bill has doubled, can you explain?')
    expect(reply.subject).toBe('Re: Bill much higher')
    expect(reply.body).toContain(
      'Your latest statement, S-00000042, covers 1 October 2026 to 31 October 2026 and comes to £187.12, due on 15 November 2026. It was based on an estimated reading.',
    )
    expect(reply.body).toContain(
      'That is £62.10 more than your previous statement, S-00000041: £51.00 of the difference comes from using more energy and £11.10 from higher prices.',
    )
    expect(reply.body).toContain('Your account A-1F2E3D4C has a balance of £243.50 to pay.')
    expect(reply.sources.facts).toEqual([
      { name: 'latestStatement', value: 'S-00000042: £187.12, 2026-10-01 to 2026-10-31' },
      { name: 'usageChange', value: '£62.10 against S-00000041' },
      { name: 'balance', value: '£243.50' },
    ])
    expect(reply.sources).toMatchObject({ knowledgeBaseVersion, template: 'general_message', method: 'local' })
  })

  it('suggests the guide’s 25% down payment and signposts debt advice for a payment plan', () => {
    const reply = draft('Struggling to pay', "I can't afford my bill, can we set up a payment plan?")
    expect(reply.body).toContain('a down payment of about £60.87')
    expect(reply.body).toContain('Your Direct Debit collects a fixed £95.00 on day 28 of the month.')
    expect(reply.sources.articles.map((article) => article.id)).toEqual(['kb-payment-arrangements', 'kb-debt-advice'])
  })

  it('reports an arrangement in place instead of proposing one', () => {
    const reply = draft('Payment plan', 'How is my payment plan going? I cannot afford more.', {
      ...facts,
      arrangement: {
        status: 'active',
        instalmentMinor: 2_000n,
        frequency: 'monthly',
        paidMinor: 4_000n,
        pastDueMinor: 12_000n,
        nextDueDate: '2026-12-01',
      },
    })
    expect(reply.body).toContain(
      'You have a payment arrangement in place of £20.00 monthly, and £40.00 of £120.00 has been paid so far. The next instalment is due on 1 December 2026.',
    )
    expect(reply.body).not.toContain('down payment of about £')
  })

  it('offers a refund only of a credit balance', () => {
    const inCredit = draft('Refund', 'I overpaid, please refund me.', { ...facts, balanceMinor: -5_000n })
    expect(inCredit.body).toContain('Your account A-1F2E3D4C is in credit by £50.00, which can be refunded to you.')
    const owing = draft('Refund', 'I overpaid, please refund me.')
    expect(owing.body).toContain('is not in credit at the moment: its balance is £243.50 to pay.')
  })

  it('adds the Priority Services Register when a vulnerability is mentioned beside the main question', () => {
    const reply = draft('Bill', 'Why is my bill so high? I am partially sighted and need large print.')
    expect(reply.sources.articles.map((article) => article.id)).toEqual(['kb-bill-explained', 'kb-priority-services'])
  })

  it('writes a subject when the email had none, and states no account facts for a tariff question', () => {
    const reply = draft('', 'Can I switch to Agile?', { ...facts, latestStatement: null, usageChange: null })
    expect(reply.subject).toBe('Your message about your tariff (account A-1F2E3D4C)')
    expect(reply.sources.facts).toEqual([])
    expect(reply.body).toContain('Agile prices change every half hour')
  })

  it('has a versioned article for every intent but other, with sentences for the customer', () => {
    for (const intent of intents.filter((intent) => intent !== 'other')) {
      expect(bestArticles({ intent, text: '' }).length).toBeGreaterThan(0)
    }
    expect(new Set(articles.map((article) => article.id)).size).toBe(articles.length)
    for (const article of articles) {
      expect(article.version).toBeGreaterThanOrEqual(1)
      expect(article.keySentences.length).toBeGreaterThan(0)
    }
  })
})
