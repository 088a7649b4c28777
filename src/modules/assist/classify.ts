/**
 * COM-4: what an inbound message is about, offline and deterministic (pure: no I/O, no clock). Each
 * intent has weighted phrases; a phrase counts once, a negated mention ("I'm not moving house", "this
 * isn't a complaint", "I don't want a payment plan") does not count, the highest total wins, and a
 * tie goes to the intent that matters most to get right (a vulnerable customer, a complaint, debt).
 * The phrases that counted are returned, so the agent sees why.
 */
import type { Classification, Evidence, Intent } from './types.js'

type Feature = readonly [pattern: string, weight: number]

/** Weighted phrases per intent, as regular expressions over lower-cased text with straight apostrophes. */
const features: Readonly<Record<Intent, readonly Feature[]>> = {
  bill_query: [
    [String.raw`bills?\b.{0,20}\b(high|higher|expensive|double|doubled|wrong|incorrect)`, 3],
    [String.raw`\b(high|higher|expensive|huge|big) (energy |electricity |gas )?bill`, 3],
    [String.raw`\bexplain (my |the |this |these )?(bill|statement|charges?|invoice)`, 3],
    [String.raw`\bwhy (is |has |did |was )?my bill`, 3],
    [String.raw`\bexplain\b`, 1],
    [String.raw`\b(gone|went|go) up\b|\bincreased?\b`, 1.5],
    [String.raw`\bcharges?\b|\bcharged\b`, 1],
    [String.raw`\bstatements?\b`, 1],
    [String.raw`\bbills?\b`, 0.75],
    [String.raw`\bexpensive\b|\bdoubled?\b`, 1.5],
    [String.raw`\bdon't understand\b|\bmakes? no sense\b`, 1],
    [String.raw`\bback-?dated\b|\bback-?bill`, 2.5],
    [String.raw`\binvoices?\b|\bcredit notes?\b`, 2],
    [String.raw`\bbusiness\b|\bcompany\b`, 0.5],
    [String.raw`\bovercharg`, 2.5],
  ],
  payment: [
    [String.raw`\bi (have |just )?paid\b|\bi've paid\b|\bmade a payment\b|\bpayment (was )?made\b`, 3],
    [String.raw`\b(not|isn't|hasn't|haven't) (been )?(showing|shown|appeared|gone through|taken)\b`, 1.5],
    [String.raw`\bhow (can|do|should) i pay\b|\bhow to pay\b|\bways? to pay\b`, 3],
    [String.raw`\bpay by (card|debit card|credit card|bank transfer|cheque|phone)\b`, 2],
    [String.raw`\bdeclined\b|\bpayment (failed|was refused|bounced)\b`, 3],
    [String.raw`\bbank transfer\b|\bsort code\b`, 1.5],
    [String.raw`\bmake a payment\b|\bpay my bill\b|\bpay online\b|\bpay (the|my) balance\b`, 2],
    [String.raw`\bpayments?\b`, 0.75],
  ],
  payment_arrangement: [
    [String.raw`\bcan'?t afford\b|\bcannot afford\b|\bunable to pay\b|\bcan'?t pay\b|\bcannot pay\b`, 3],
    [String.raw`\bpayment (plan|arrangement)s?\b|\brepayment plan\b`, 3],
    [String.raw`\barrangement\b`, 2],
    [String.raw`\binstal?ments?\b`, 2.5],
    [String.raw`\bdebts?\b|\barrears\b`, 2.5],
    [String.raw`\bspread (the |my )?(cost|payments?|balance)\b`, 3],
    [String.raw`\bwhat i owe\b|\bi owe\b|\bowe you\b`, 2],
    [String.raw`\bstruggl(e|ing) to pay\b|\bbehind (on|with) (my )?(payments|bills)\b`, 3],
    [String.raw`\bpay (it|this) off\b|\bpay off\b`, 1.5],
  ],
  direct_debit: [
    [String.raw`\bdirect debits?\b|\bdd\b`, 3],
    [String.raw`\bcancel (my |the )?(direct debit|dd)\b|\bset up (a |my )?(direct debit|dd)\b`, 2],
    [String.raw`\b(reduce|lower|increase|change|raise) (it|my|the)( monthly)? ?(payment|amount|direct debit)?\b`, 2],
    [String.raw`\bmonthly payments?\b`, 1.5],
    [String.raw`\benough to cover\b|\bcover my usage\b|\badequa`, 2],
    [String.raw`\bcomes? out\b|\bpayment date\b|\bcollection date\b`, 1.5],
  ],
  move: [
    [String.raw`\bmoving (house|home|out)\b|\bmove (house|home|out)\b|\bmoved (out|house|home)\b`, 3.5],
    [String.raw`\bmoved into\b|\bjust moved\b|\bmoving in\b`, 3],
    [String.raw`\bnew (tenants?|home|property|address)\b`, 2],
    [String.raw`\bfinal bill\b|\bclosing (meter )?readings?\b|\bfinal (meter )?readings?\b`, 3],
    [String.raw`\bchange of tenancy\b|\btenancy\b|\blandlord\b|\bselling (the|my) (house|home|property|flat)\b`, 2.5],
    [String.raw`\bleaving (the property|the house|on)\b`, 2],
    [String.raw`\bin my name\b`, 2],
  ],
  meter_reading: [
    [String.raw`\bmeter readings?\b`, 2],
    [String.raw`\breadings?\b`, 1],
    [
      String.raw`\b(submit|enter|send|give|provide) (you )?(a |my |the )?(meter )?readings?\b|\bhere (is|are) my (meter )?readings?\b`,
      3,
    ],
    [String.raw`\bestimated\b|\bestimates?\b`, 2.5],
    [String.raw`\bactual reading\b|\breal reading\b`, 2],
    [String.raw`(^|[^£$\d.,])\d{4,6}\b`, 0.5],
  ],
  smart_meter: [
    [String.raw`\bsmart meters?\b`, 3.5],
    [String.raw`\bin-? ?home display\b|\bihd\b`, 3],
    [String.raw`\b(not|stopped) sending\b|\bno signal\b|\boffline\b|\bnot communicating\b`, 2],
    [String.raw`\binstall(ed|ation)?\b|\bfitted\b`, 1],
  ],
  complaint: [
    [String.raw`\bcomplain(t|ts|ing)?\b`, 4],
    [
      String.raw`\bunacceptable\b|\bappalling\b|\bdisgusted\b|\bdisgraceful\b|\bterrible service\b|\bawful\b|\bfurious\b`,
      3,
    ],
    [String.raw`\bombudsman\b`, 4],
    [String.raw`\bescalate\b|\bmanager\b`, 2],
    [String.raw`\bnot happy\b|\bunhappy\b|\bdisappointed\b`, 2],
    [String.raw`\bnobody has\b|\bno one has\b|\bcalled (\w+ )?times\b|\bstill waiting\b`, 1.5],
  ],
  refund: [
    [String.raw`\brefund(ed|s)?\b`, 3],
    [String.raw`\bin credit\b|\bcredit balance\b|\bcredit on my account\b`, 3],
    [String.raw`\boverpaid\b|\bover-paid\b|\bpaid too much\b`, 3],
    [String.raw`\bmoney back\b|\bpay me back\b`, 3],
    [String.raw`\bgoodwill\b`, 1],
  ],
  tariff: [
    [String.raw`\btariffs?\b`, 3],
    [String.raw`\bagile\b`, 3.5],
    [String.raw`\bintelligent (octopus )?(go|flux)\b|\bio go\b|\boctopus go\b|\bgo tariff\b`, 3.5],
    [String.raw`\bflux\b`, 3],
    [String.raw`\bfixed (tariff|price|deal|rate)\b|\bvariable tariff\b`, 2],
    [String.raw`\bunit rates?\b`, 2],
    [String.raw`\brates?\b`, 1],
    [String.raw`\bstanding charge\b`, 1],
    [String.raw`\boff-?peak\b|\bpeak rates?\b`, 2],
    [String.raw`\bbump[- ]?charg`, 3],
    [String.raw`\bsmart charg|\bdispatch`, 2.5],
    [String.raw`\bev\b|\belectric (car|vehicle)\b`, 2],
    [String.raw`\bswitch(ing)? to\b`, 1.5],
    [String.raw`\bprices?\b`, 1],
  ],
  export: [
    [String.raw`\bexport(ing|ed|s)?\b`, 3.5],
    [String.raw`\bsolar\b|\bpanels\b|\bpv\b`, 3],
    [String.raw`\bsmart export guarantee\b|\bseg\b`, 4],
    [String.raw`\boutgoing\b`, 2.5],
    [String.raw`\bbattery\b|\bbatteries\b`, 1.5],
    [String.raw`\bto the grid\b|\bgeneration\b`, 2],
    [String.raw`\bget paid\b|\bpaid for\b`, 1.5],
  ],
  vulnerability: [
    [String.raw`\bpriority services? register\b|\bpsr\b`, 5],
    [
      String.raw`\bmedical (equipment|condition)\b|\bdialysis\b|\boxygen\b|\bstair ?lift\b|\bventilator\b|\blife support\b`,
      4,
    ],
    [
      String.raw`\bdisab(led|ility)\b|\bpartially sighted\b|\bblind\b|\bdeaf\b|\bhearing impair|\blarge print\b|\bbraille\b`,
      3.5,
    ],
    [String.raw`\bdiagnosed\b|\bcancer\b|\bterminal(ly)?\b|\bhospital\b|\bmental health\b|\bdepress|\banxiety\b`, 3],
    [
      String.raw`\bstruggling to cope\b|\bcan'?t cope\b|\bfinding (it|everything|things) (hard|difficult)\b|\bbereave|\bpassed away\b|\bdied\b`,
      3,
    ],
    [String.raw`\bpensioner\b|\belderly\b|\bi'?m (6[5-9]|[7-9]\d)\b|\baged (6[5-9]|[7-9]\d)\b`, 2.5],
    [String.raw`\bnewborn\b|\bbaby\b|\byoung children\b|\bpregnan`, 3],
    [String.raw`\bvulnerable\b`, 3],
  ],
  other: [
    [String.raw`\bpassword\b|\blog ?in\b|\bsign in\b`, 3],
    [String.raw`\bupdate my (email|phone|number|contact|name)\b|\bchange (my|of) (email|phone number)\b`, 3],
    [String.raw`\bthanks?\b|\bthank you\b|\bappreciated\b`, 1.5],
  ],
}

/** Ties go to the intent that is costliest to miss. */
export const intentPriority: readonly Intent[] = [
  'vulnerability',
  'complaint',
  'payment_arrangement',
  'move',
  'direct_debit',
  'refund',
  'payment',
  'meter_reading',
  'smart_meter',
  'export',
  'tariff',
  'bill_query',
  'other',
]

/** Words that negate a phrase when they come at most three words before it. */
const negators = new Set(['not', 'no', 'never', "don't", "doesn't", "isn't", "aren't", "wasn't", 'without', "didn't"])

const compiled: readonly { intent: Intent; pattern: RegExp; weight: number }[] = (
  Object.entries(features) as [Intent, readonly Feature[]][]
).flatMap(([intent, list]) => list.map(([pattern, weight]) => ({ intent, pattern: new RegExp(pattern, 'g'), weight })))

/** Lower-case, straight apostrophes, single spaces. */
export function normaliseText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
}

function isNegated(text: string, index: number): boolean {
  // The clause before the phrase: a comma, full stop or "but" ends a negation's reach.
  const clause =
    text
      .slice(Math.max(0, index - 60), index)
      .split(/[.,;:!?]|\bbut\b/)
      .pop() ?? ''
  const words = clause.trim().split(' ').filter(Boolean).slice(-3)
  return words.some((word) => negators.has(word))
}

/** A score below this is no evidence of anything: the message is `other`. */
const minimumScore = 1.5

/**
 * Classify a customer's message (subject and body) into one intent with a confidence and the
 * phrases that decided it. Deterministic; throws nothing.
 */
export function classifyMessage({ subject, body }: { subject: string; body: string }): Classification {
  const text = normaliseText(`${subject}. ${body}`)
  const found: Evidence[] = []
  for (const { intent, pattern, weight } of compiled) {
    pattern.lastIndex = 0
    let counted = false
    let negatedMatch: Evidence | undefined
    for (const match of text.matchAll(pattern)) {
      const phrase = match[0].trim()
      if (isNegated(text, match.index ?? 0)) {
        negatedMatch ??= { intent, phrase, weight, negated: true }
        continue
      }
      found.push({ intent, phrase, weight, negated: false })
      counted = true
      break
    }
    if (!counted && negatedMatch) found.push(negatedMatch)
  }
  const totals = new Map<Intent, number>()
  for (const evidence of found) {
    if (!evidence.negated) totals.set(evidence.intent, (totals.get(evidence.intent) ?? 0) + evidence.weight)
  }
  const scores = [...totals.entries()]
    .map(([intent, score]) => ({ intent, score }))
    .sort((a, b) => b.score - a.score || intentPriority.indexOf(a.intent) - intentPriority.indexOf(b.intent))
  const top = scores[0]
  if (!top || top.score < minimumScore) {
    return {
      intent: 'other',
      confidence: round(top ? 0.5 - top.score / 10 : 0.5),
      evidence: found.filter((evidence) => evidence.intent === 'other'),
      scores,
      alsoAbout: [],
    }
  }
  const second = scores[1]?.score ?? 0
  // Far ahead and well supported → near 1; level with the runner-up → near 0.5 or below.
  const confidence = round((top.score / (top.score + second)) * Math.min(1, top.score / 6))
  return {
    intent: top.intent,
    confidence: Math.max(0.05, confidence),
    evidence: found.filter((evidence) => evidence.intent === top.intent || evidence.negated),
    scores,
    alsoAbout: scores
      .slice(1)
      .filter((entry) => entry.score >= 3 && entry.intent !== 'other')
      .map((entry) => entry.intent),
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}
