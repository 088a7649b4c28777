import { describe, expect, it } from 'vitest'
import { classifyMessage } from './classify.js'
import type { Intent } from './types.js'

/** Realistic customer emails, each with the intent an experienced agent would give it. */
const sampleMessages: readonly { subject: string; body: string; intent: Intent }[] = [
  {
    subject: 'Bill much higher than usual',
    body: 'My latest bill is nearly double what I normally pay. Can you explain why it has gone up so much?',
    intent: 'bill_query',
  },
  {
    subject: 'Question about charges',
    body: "What is the standing charge on my statement? I don't understand the charges.",
    intent: 'bill_query',
  },
  {
    subject: 'Why is my bill so high',
    body: "I've been charged £240 this month, which seems really expensive for a small flat.",
    intent: 'bill_query',
  },
  {
    subject: '',
    body: "Could you explain my statement please, there's a line about backdated charges from over a year ago.",
    intent: 'bill_query',
  },
  {
    subject: 'Payment made',
    body: "I paid £120 by card yesterday but it isn't showing on my account yet.",
    intent: 'payment',
  },
  {
    subject: 'How can I pay?',
    body: 'What is the best way to pay my bill? Can I pay by bank transfer?',
    intent: 'payment',
  },
  {
    subject: 'Card declined',
    body: 'I tried to pay online but my card was declined twice. What should I do?',
    intent: 'payment',
  },
  {
    subject: 'Struggling to pay',
    body: "I can't afford to pay the full balance right now. Could I set up a payment plan?",
    intent: 'payment_arrangement',
  },
  {
    subject: 'Debt on my account',
    body: 'I have built up a debt of about £600 and would like to pay it off in instalments.',
    intent: 'payment_arrangement',
  },
  { subject: '', body: 'Can I spread the cost of what I owe over a few months?', intent: 'payment_arrangement' },
  {
    subject: 'Arrears',
    body: 'I received a letter about arrears. Can we agree an arrangement?',
    intent: 'payment_arrangement',
  },
  {
    subject: 'Direct Debit too high',
    body: 'My monthly direct debit has gone up to £150, can you reduce it?',
    intent: 'direct_debit',
  },
  {
    subject: 'Cancel DD',
    body: "Please cancel my direct debit, I'd like to pay by card instead.",
    intent: 'direct_debit',
  },
  {
    subject: '',
    body: "Is my direct debit amount enough to cover my usage? I don't want to end up owing money.",
    intent: 'direct_debit',
  },
  {
    subject: 'Change payment date',
    body: 'Can I move the date my direct debit comes out to the 28th?',
    intent: 'direct_debit',
  },
  {
    subject: 'Moving house',
    body: 'We are moving out on 14 December. What do I need to do for the final bill?',
    intent: 'move',
  },
  {
    subject: 'New tenant',
    body: "I've just moved into the property and want to set up an account in my name.",
    intent: 'move',
  },
  {
    subject: 'Final bill',
    body: "I moved out last month and haven't received my final bill yet. When will my credit be refunded?",
    intent: 'move',
  },
  {
    subject: '',
    body: "I'm selling the house and leaving on Friday, here are my closing meter readings.",
    intent: 'move',
  },
  {
    subject: 'Meter reading',
    body: 'Here is my meter reading: 45821. Please update my account.',
    intent: 'meter_reading',
  },
  {
    subject: 'Estimated bill',
    body: 'My bill says it is estimated but the reading is way off. The actual reading is 12034.',
    intent: 'meter_reading',
  },
  { subject: '', body: "How do I submit a reading? The app won't let me enter it.", intent: 'meter_reading' },
  {
    subject: 'Smart meter not sending readings',
    body: 'My smart meter has stopped sending readings since last week and the in-home display is blank.',
    intent: 'smart_meter',
  },
  {
    subject: 'Smart meter installation',
    body: "Can I book a smart meter installation? I'd like one fitted.",
    intent: 'smart_meter',
  },
  { subject: '', body: 'My IHD shows no signal. Is my smart meter still working?', intent: 'smart_meter' },
  {
    subject: 'Formal complaint',
    body: "I want to make a formal complaint. I've called three times and nobody has fixed this. Your service is appalling.",
    intent: 'complaint',
  },
  {
    subject: 'Very unhappy',
    body: "This is unacceptable, I am disgusted with how I've been treated and will take this to the ombudsman.",
    intent: 'complaint',
  },
  {
    subject: '',
    body: "I'm not happy with the way my call was handled and want to escalate this to a manager.",
    intent: 'complaint',
  },
  {
    subject: 'Refund my credit',
    body: 'My account is in credit by £200. Please can you refund it to my bank account?',
    intent: 'refund',
  },
  {
    subject: 'Overpaid',
    body: 'I think I overpaid last month, can I have the money back?',
    intent: 'refund',
  },
  { subject: '', body: 'When will I receive the refund you promised?', intent: 'refund' },
  {
    subject: 'Switching tariff',
    body: "I'd like to change to a fixed tariff. What are my options?",
    intent: 'tariff',
  },
  {
    subject: 'Agile rates',
    body: "Where can I see tomorrow's Agile prices? I'm thinking of switching to Agile.",
    intent: 'tariff',
  },
  {
    subject: 'Intelligent Octopus Go',
    body: "I've just bought an EV. Can I switch to Intelligent Go and how does the off-peak rate work?",
    intent: 'tariff',
  },
  {
    subject: '',
    body: 'What is my unit rate and standing charge per day on my current tariff?',
    intent: 'tariff',
  },
  {
    subject: 'Bump charge',
    body: 'I bump charged my car at 6pm and got charged the peak rate, is that right?',
    intent: 'tariff',
  },
  {
    subject: 'Solar panels',
    body: "I've had solar panels installed. How do I get paid for the electricity I export?",
    intent: 'export',
  },
  {
    subject: 'SEG payments',
    body: "I haven't received any export payments under the Smart Export Guarantee since March.",
    intent: 'export',
  },
  {
    subject: '',
    body: 'Can I sign up for Outgoing Octopus? I have a battery and export to the grid.',
    intent: 'export',
  },
  {
    subject: 'Medical equipment',
    body: 'My husband uses a home dialysis machine and we rely on electricity. Please add us to the priority services register.',
    intent: 'vulnerability',
  },
  {
    subject: 'Need support',
    body: "I've recently been diagnosed with cancer and I'm finding everything hard at the moment. I'm struggling to cope.",
    intent: 'vulnerability',
  },
  {
    subject: '',
    body: "I'm 82 and partially sighted, could you send my bills in large print?",
    intent: 'vulnerability',
  },
  {
    subject: 'PSR',
    body: 'Please register me on the PSR, I have a newborn baby at home.',
    intent: 'vulnerability',
  },
  {
    subject: 'Change of email',
    body: 'Please update my email address to jane.new@example.com.',
    intent: 'other',
  },
  { subject: 'Thank you', body: 'Thanks for sorting that out, much appreciated.', intent: 'other' },
  {
    subject: 'Password',
    body: "I can't log in to my online account, can you reset my password?",
    intent: 'other',
  },
  {
    subject: 'Not moving',
    body: "I'm not moving house, I just want to know why my bill went up this month.",
    intent: 'bill_query',
  },
  {
    subject: '',
    body: "I don't want a payment plan, I just want to know how to pay by bank transfer.",
    intent: 'payment',
  },
  {
    subject: 'Not a complaint',
    body: "This isn't a complaint, but my direct debit seems high compared to what I use.",
    intent: 'direct_debit',
  },
  {
    subject: 'Business invoice',
    body: "Our company's invoice for last month shows charges for a meter we no longer have.",
    intent: 'bill_query',
  },
]

describe('classifying customer messages (COM-4)', () => {
  it.each(sampleMessages.map((sample, index) => ({ ...sample, index })))(
    'sample $index is $intent',
    ({ subject, body, intent }) => {
      expect(classifyMessage({ subject, body }).intent).toBe(intent)
    },
  )

  it('gets at least 90% of the sample set right', () => {
    const right = sampleMessages.filter((sample) => classifyMessage(sample).intent === sample.intent).length
    expect(sampleMessages.length).toBeGreaterThanOrEqual(40)
    expect(right / sampleMessages.length).toBeGreaterThanOrEqual(0.9)
  })

  it('returns the phrases that decided it and a confidence between 0 and 1', () => {
    const result = classifyMessage({
      subject: 'Struggling to pay',
      body: "I can't afford to pay the full balance. Could I set up a payment plan?",
    })
    expect(result.intent).toBe('payment_arrangement')
    expect(result.confidence).toBeGreaterThan(0.8)
    expect(result.confidence).toBeLessThanOrEqual(1)
    expect(result.evidence.map((evidence) => evidence.phrase)).toEqual(
      expect.arrayContaining(["can't afford", 'payment plan', 'struggling to pay']),
    )
  })

  it('shows a negated mention without counting it', () => {
    const result = classifyMessage({ subject: '', body: "I'm not moving house, why did my bill go up?" })
    expect(result.intent).toBe('bill_query')
    expect(result.evidence).toContainEqual({ intent: 'move', phrase: 'moving house', weight: 3.5, negated: true })
    expect(result.scores.some((score) => score.intent === 'move')).toBe(false)
  })

  it('breaks a tie by priority, and says what else the message is about', () => {
    // "debt" (2.5) and "tariff" (3) against "vulnerable" (3): vulnerability is never lost in a tie.
    const tie = classifyMessage({ subject: '', body: 'We are vulnerable. Tariff?' })
    expect(tie.scores.slice(0, 2).map((score) => score.score)).toEqual([3, 3])
    expect(tie.intent).toBe('vulnerability')
    expect(tie.alsoAbout).toEqual(['tariff'])
  })

  it('calls a message with nothing to go on other, with a low confidence', () => {
    const result = classifyMessage({ subject: 'Hello', body: 'Please call me back.' })
    expect(result).toMatchObject({ intent: 'other', evidence: [] })
    expect(result.confidence).toBeLessThanOrEqual(0.5)
  })

  it('is deterministic', () => {
    const sample = sampleMessages[0] as { subject: string; body: string }
    expect(classifyMessage(sample)).toEqual(classifyMessage(sample))
  })
})
