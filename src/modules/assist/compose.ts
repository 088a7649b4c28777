/**
 * COM-4: compose a suggested reply (pure: no I/O, no clock). The reply is the message of the
 * approved `general_message` template (its greeting and sign-off come from the template when sent):
 * an opening that names what the customer asked about, the account's own facts that bear on it,
 * the key sentences of the best-matching knowledge-base articles, and a closing. `sources` lists
 * every fact and article used, so the agent reviewing it sees where each sentence came from.
 */
import { formatMoney } from '../../shared/money.js'
import { utcMidnight } from '../../shared/time.js'
import { normaliseText } from './classify.js'
import { bestArticles, knowledgeBaseVersion } from './knowledge-base.js'
import { type Classification, type ComposedReply, type Intent, type ReplyFacts, replyTemplate } from './types.js'

const topics: Readonly<Record<Intent, string>> = {
  bill_query: 'your bill',
  payment: 'your payment',
  payment_arrangement: 'paying your balance',
  direct_debit: 'your Direct Debit',
  move: 'your move',
  meter_reading: 'your meter readings',
  smart_meter: 'your smart meter',
  complaint: 'your complaint',
  refund: 'a refund',
  tariff: 'your tariff',
  export: 'your export payments',
  vulnerability: 'the support you need',
  other: 'your account',
}

const closings: Readonly<Record<Intent, string>> = {
  bill_query: 'If anything on the statement still looks wrong, reply to this email and we will look at it with you.',
  payment: 'If you have any trouble paying, just reply to this email.',
  payment_arrangement: 'Reply to this email or call us and we will set up a plan with you.',
  direct_debit: 'Reply to this email to confirm any change you would like to your Direct Debit.',
  move: 'Reply with your move date and readings and we will take care of the rest.',
  meter_reading: 'Thank you for keeping your readings up to date.',
  smart_meter: 'If the problem continues, reply to this email and we will arrange for it to be looked at.',
  complaint: 'Thank you for telling us; we will be in touch soon.',
  refund: 'Reply to this email if you would like us to go ahead with a refund.',
  tariff: 'Reply to this email if you would like to change tariff.',
  export: 'Reply to this email if you would like us to set up export payments.',
  vulnerability: 'Reply to this email or call us whenever you need us; we are here to help.',
  other: 'If there is anything else we can help with, just reply to this email.',
}

type Fact = { name: string; value: string }

/** A 'YYYY-MM-DD' date as the market writes it: '1 October 2026', 'October 1, 2026'. */
function longDate(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    utcMidnight(date),
  )
}

function factSentences(intent: Intent, facts: ReplyFacts, used: Fact[]): string[] {
  const money = (amountMinor: bigint) => formatMoney({ amountMinor, currency: facts.currency }, facts.locale)
  const day = (date: string) => longDate(date, facts.locale)
  const abs = (value: bigint) => (value < 0n ? -value : value)
  const balance = () => {
    used.push({ name: 'balance', value: money(facts.balanceMinor) })
    if (facts.balanceMinor > 0n)
      return `Your account ${facts.accountNumber} has a balance of ${money(facts.balanceMinor)} to pay.`
    if (facts.balanceMinor < 0n)
      return `Your account ${facts.accountNumber} is in credit by ${money(-facts.balanceMinor)}.`
    return `Your account ${facts.accountNumber} has a balance of ${money(0n)}.`
  }
  const statement = () => {
    const latest = facts.latestStatement
    if (!latest) return null
    used.push({
      name: 'latestStatement',
      value: `${latest.number}: ${money(latest.totalMinor)}, ${latest.fromDate} to ${latest.toDate}`,
    })
    const due = latest.dueDate ? `, due on ${day(latest.dueDate)}` : ''
    const estimated = latest.estimated ? ' It was based on an estimated reading.' : ''
    return `Your latest statement, ${latest.number}, covers ${day(latest.fromDate)} to ${day(latest.toDate)} and comes to ${money(latest.totalMinor)}${due}.${estimated}`
  }
  const change = () => {
    const usage = facts.usageChange
    if (!usage) return null
    used.push({ name: 'usageChange', value: `${money(usage.changeMinor)} against ${usage.previousNumber}` })
    if (usage.changeMinor === 0n) return `That is the same as your previous statement, ${usage.previousNumber}.`
    const direction = usage.changeMinor > 0n ? 'more' : 'less'
    const usageWay = usage.usageEffectMinor >= 0n ? 'using more energy' : 'using less energy'
    const priceWay = usage.priceEffectMinor >= 0n ? 'higher prices' : 'lower prices'
    return `That is ${money(abs(usage.changeMinor))} ${direction} than your previous statement, ${usage.previousNumber}: ${money(abs(usage.usageEffectMinor))} of the difference comes from ${usageWay} and ${money(abs(usage.priceEffectMinor))} from ${priceWay}.`
  }
  const arrangement = () => {
    const plan = facts.arrangement
    if (!plan) return null
    used.push({ name: 'arrangement', value: `${plan.status}, ${money(plan.instalmentMinor)} ${plan.frequency}` })
    if (plan.status !== 'active') return `Your previous payment arrangement is ${plan.status}.`
    const next = plan.nextDueDate ? ` The next instalment is due on ${day(plan.nextDueDate)}.` : ''
    return `You have a payment arrangement in place of ${money(plan.instalmentMinor)} ${plan.frequency}, and ${money(plan.paidMinor)} of ${money(plan.pastDueMinor)} has been paid so far.${next}`
  }
  const method = () => {
    const dd = facts.paymentMethod.directDebit
    if (facts.paymentMethod.kind !== 'direct_debit' || !dd) {
      used.push({ name: 'paymentMethod', value: 'pays on demand' })
      return 'You currently pay on demand, when each bill arrives.'
    }
    const amount =
      dd.kind === 'fixed' && dd.amountMinor !== null ? `a fixed ${money(dd.amountMinor)}` : 'the amount of each bill'
    const debt = dd.debtRepaymentMinor > 0n ? `, including ${money(dd.debtRepaymentMinor)} towards your balance` : ''
    used.push({ name: 'paymentMethod', value: `Direct Debit (${dd.kind}) on day ${dd.paymentDay}` })
    return `Your Direct Debit collects ${amount} on day ${dd.paymentDay} of the month${debt}.`
  }
  const downPayment = () => {
    if (facts.balanceMinor <= 0n || facts.arrangement?.status === 'active') return null
    // The guide's usual down payment: about 25% of what is owed.
    const quarter = (facts.balanceMinor * 25n) / 100n
    used.push({ name: 'suggestedDownPayment', value: money(quarter) })
    return `As a guide, a plan for your balance would start with a down payment of about ${money(quarter)}.`
  }
  const refund = () => {
    used.push({ name: 'balance', value: money(facts.balanceMinor) })
    return facts.balanceMinor < 0n
      ? `Your account ${facts.accountNumber} is in credit by ${money(-facts.balanceMinor)}, which can be refunded to you.`
      : `Your account ${facts.accountNumber} is not in credit at the moment: its balance is ${money(facts.balanceMinor)} to pay.`
  }
  const sentences: (string | null)[] = (() => {
    switch (intent) {
      case 'bill_query':
        return [statement(), change(), balance()]
      case 'payment':
        return [balance(), method()]
      case 'payment_arrangement':
        return [balance(), arrangement(), downPayment(), method()]
      case 'direct_debit':
        return [method(), statement(), balance()]
      case 'move':
        return [balance()]
      case 'meter_reading':
      case 'smart_meter':
        return [statement()]
      case 'refund':
        return [refund()]
      case 'complaint':
      case 'tariff':
      case 'export':
      case 'vulnerability':
      case 'other':
        return []
    }
  })()
  return sentences.filter((sentence): sentence is string => sentence !== null)
}

/**
 * Draft the reply to an inbound message: subject, message and the sources behind it. Deterministic;
 * throws nothing.
 */
export function composeReply({
  inbound,
  classification,
  facts,
}: {
  inbound: { subject: string; body: string }
  classification: Classification
  facts: ReplyFacts
}): ComposedReply {
  const { intent } = classification
  const used: Fact[] = []
  const facts_ = factSentences(intent, facts, used)
  const chosen = bestArticles({
    intent,
    text: normaliseText(`${inbound.subject} ${inbound.body}`),
    also: classification.alsoAbout.filter((other) => other === 'vulnerability' || other === 'payment_arrangement'),
  })
  const guidance = chosen.map((article) => article.keySentences.join(' '))
  const paragraphs = [
    `Thank you for your email about ${topics[intent]}.`,
    ...(facts_.length > 0 ? [facts_.join(' ')] : []),
    ...guidance,
    closings[intent],
  ]
  const subjectLine = inbound.subject.trim()
  const subject = subjectLine
    ? /^re:/i.test(subjectLine)
      ? subjectLine
      : `Re: ${subjectLine}`
    : `Your message about ${topics[intent]} (account ${facts.accountNumber})`
  const unique = new Map(used.map((fact) => [fact.name, fact]))
  return {
    subject: subject.slice(0, 500),
    body: paragraphs.join('\n\n'),
    sources: {
      facts: [...unique.values()],
      articles: chosen.map((article) => ({ id: article.id, version: article.version, title: article.title })),
      knowledgeBaseVersion,
      template: replyTemplate,
      method: 'local',
      evidence: classification.evidence,
    },
  }
}
