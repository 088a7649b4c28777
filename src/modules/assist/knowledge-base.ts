/**
 * COM-4: the knowledge base suggested replies draw on, written from the supplier's own guidance (the
 * agent knowledge base and agent guide in the seeds): what the agent should know (`body`) and
 * sentences for the customer (`keySentences`). Data, versioned: change an article, raise its
 * `version` and `knowledgeBaseVersion`, so a stored draft names exactly what it quoted.
 */
import type { Article, Intent } from './types.js'

export const knowledgeBaseVersion = '2026-12-04.1'

export const articles: readonly Article[] = [
  {
    id: 'kb-backbilling',
    version: 1,
    title: 'Backbilling: the 12-month rule',
    intents: ['bill_query', 'meter_reading'],
    keywords: ['backdated', 'backbill', 'year', '12 months', 'old', 'catch-up', 'not billed', 'rebill'],
    body: `Ofgem rules do not let us seek payment for unbilled or rebilled energy used more than 12 months ago.
If we failed in our obligations (the customer was not billed for over a year, was rebilled to higher
charges for over a year, their usage was underestimated for over a year, or there was no payment
adequacy review in over a year and they are now in debt), we write off charges older than 12 months
that would put them into debt or further into debt. The rule does not apply when the customer is in
credit after the bill, when a rebill gives the same or lower charges, when we overestimated usage, or
when the customer prevented us from reading the meter.`,
    keySentences: [
      'We cannot ask you to pay for energy used more than 12 months ago that we did not bill you for correctly.',
      'Where that applies, the older charges are written off on your statement, and the statement explains it.',
      'This does not apply where we were prevented from reading the meter.',
    ],
  },
  {
    id: 'kb-bill-explained',
    version: 1,
    title: 'Explaining a statement: usage and price effects',
    intents: ['bill_query'],
    keywords: ['high', 'higher', 'double', 'gone up', 'explain', 'charges', 'standing charge', 'usage'],
    body: `Each statement lists its charges with the readings and rates they come from, and compares the
period with the one before: how much of the change is due to using more or less energy, how much to
prices (unit rates and standing charges), and the rest (more or fewer days). Walk the customer through
the comparison; a colder month or more days in the period often explains a higher bill.`,
    keySentences: [
      'Your statement shows each charge with the readings and rates it comes from.',
      'It also compares this period with the last one, splitting any change into the effect of using more or less energy and the effect of prices.',
    ],
  },
  {
    id: 'kb-business-invoices',
    version: 1,
    title: 'Business invoices and credit notes',
    intents: ['bill_query'],
    keywords: ['invoice', 'business', 'company', 'credit note', 'vat', 'ltd'],
    body: `Business accounts are billed on the 1st of each month to a reading from the last 5 days, and
issued invoices and credit notes rather than statements: charges and credits are never on the same
document. Business bills usually go out in the first 10 working days of the month; many are reviewed
by the business team first. Business customers pay by variable Direct Debit; an invoice over £3,000
needs its payment approved manually. Billing queries go to the business team.`,
    keySentences: [
      'Business accounts are billed monthly, on the 1st, using a meter reading from the last five days of the month.',
      'Charges are issued on an invoice and any credits on a separate credit note.',
      'Invoices are usually sent within the first 10 working days of the month.',
    ],
  },
  {
    id: 'kb-final-bills',
    version: 1,
    title: 'Final bills and the final balance settlement',
    intents: ['move', 'refund'],
    keywords: ['final bill', 'moving', 'moved out', 'leaving', 'closing', 'final reading', 'switch supplier'],
    body: `A final bill is sent when a customer leaves our supply or moves out and gives final meter
readings; if we have no final reading we estimate it. Once the final bill is made, the final balance
settlement is generated: a refund if the account is in credit, a charge if it is in debit. A refund
made on an estimated final read may have to be paid back when the actual or change-of-supplier
reading arrives; we then send a corrected final bill and refund or request the difference. A final
bill is usually held up by a missing final or confirmed change-of-supplier reading.`,
    keySentences: [
      'When you move out, we send a final bill to your final meter readings; without a reading we estimate it.',
      'After the final bill we settle the account: any credit is refunded to you, and any balance left is charged.',
      'If the final bill used an estimated reading, it may be corrected when the actual reading arrives, and we would refund or ask for the difference.',
    ],
  },
  {
    id: 'kb-moving-home',
    version: 1,
    title: 'Moving home and change of tenancy',
    intents: ['move'],
    keywords: ['moving', 'new tenant', 'moved into', 'tenancy', 'landlord', 'new address', 'in my name'],
    body: `Ask for the move-out date, final meter readings on that day and a forwarding address. A new
occupier needs an account of their own from the day they moved in, with an opening reading, so that
neither pays for the other's energy.`,
    keySentences: [
      'Please send us your move date, meter readings taken on that day and your new address, so that we bill you only up to the day you leave.',
      'If you have just moved in, a reading from the day you moved in lets us start your account from the right point.',
    ],
  },
  {
    id: 'kb-direct-debit',
    version: 1,
    title: 'Direct Debit amounts, adequacy and the debt repayment element',
    intents: ['direct_debit', 'payment_arrangement'],
    keywords: ['direct debit', 'dd', 'monthly', 'amount', 'cover', 'increase', 'reduce', 'cancel', 'date'],
    body: `A fixed Direct Debit is reviewed for adequacy against the last year's usage so the account
neither builds up debt nor too much credit. Where a customer wants to pay off a debt through their
Direct Debit, part of the amount can be set as the debt repayment element; setting the whole amount
as the debt repayment element is how a payment plan is run through Direct Debit, and it stops the
full balance being requested. Encourage Direct Debit where suitable: no reminders, and a cheaper tariff.`,
    keySentences: [
      'We review fixed Direct Debit amounts against your usage over the last year, so that your account does not build up a debt or too much credit.',
      'If there is a balance to clear, part of your Direct Debit can go towards it as a debt repayment.',
      'Paying by Direct Debit also means no payment reminders and, on many tariffs, lower prices.',
    ],
  },
  {
    id: 'kb-payment-arrangements',
    version: 1,
    title: 'Payment arrangements',
    intents: ['payment_arrangement', 'payment'],
    keywords: ['payment plan', 'arrangement', 'instalments', 'afford', 'spread', 'owe', 'debt', 'arrears'],
    body: `Be open and honest about the debit balance and work with the customer on what they can afford.
A payment arrangement usually starts with a down payment of about 25% of what is past due, then
instalments; the customer keeps paying for their ongoing usage too. Send the arrangement terms, and
if they genuinely cannot afford it, point them to free debt advice. Small steps (paying a little more
than they use) still help; think long term.`,
    keySentences: [
      'We can agree a payment plan that you can afford: usually a down payment of about a quarter of the overdue balance, then regular instalments.',
      'Alongside the plan, please keep paying for the energy you use, so the balance does not grow.',
    ],
  },
  {
    id: 'kb-debt-advice',
    version: 1,
    title: 'Support in financial difficulty and debt advice signposting',
    intents: ['payment_arrangement', 'vulnerability'],
    keywords: ['struggling', 'afford', 'debt', 'advice', 'help', 'worried', 'stress'],
    body: `Financial difficulty and mental health feed each other: approach the conversation with
empathy, keep it solution focused and check for vulnerability in the household. Offer only the
support that fits (too many options overwhelm): free, confidential debt advice charities, independent
financial guidance, support for mental health and money, grants and benefits calculators. Short-term
help does not stop debt building up, so agree something that works long term.`,
    keySentences: [
      'If you are finding it hard to pay, you are not alone, and we will work with you on a plan that fits your circumstances.',
      'Free, confidential and independent debt advice is also available, and we can point you to the right service.',
    ],
  },
  {
    id: 'kb-priority-services',
    version: 1,
    title: 'The Priority Services Register',
    intents: ['vulnerability'],
    keywords: ['psr', 'priority', 'medical', 'disabled', 'elderly', 'baby', 'sighted', 'large print', 'illness'],
    body: `Ask every customer, as a matter of course, whether anyone in the household may be eligible
for the Priority Services Register (age, disability, medical equipment, serious illness, young
children, temporary circumstances). Being on the register means they do not have to explain their
circumstances each time they call, and the register is shared with network operators and a new
supplier. Record the category with consent and a review date.`,
    keySentences: [
      'We can add your household to the Priority Services Register, so you get extra support and do not have to explain your circumstances each time you contact us.',
      'The register is shared with your network operator and with any new supplier, so you will not need to tell them again.',
    ],
  },
  {
    id: 'kb-meter-readings',
    version: 1,
    title: 'Meter readings and estimated bills',
    intents: ['meter_reading', 'bill_query'],
    keywords: ['reading', 'estimated', 'estimate', 'submit', 'actual', 'register'],
    body: `Where we have no reading for the end of a period, the bill is estimated from the meter's
history; an actual reading replaces the estimate and the bill is corrected. Readings are checked
when submitted: one far outside what is expected is held for review rather than billed. If any
period being corrected is more than a year old, the backbilling rule applies.`,
    keySentences: [
      'When we do not have a reading for the end of a billing period, we estimate it from your past usage.',
      'Once we have an actual reading, it replaces the estimate and your bill is corrected to what you really used.',
    ],
  },
  {
    id: 'kb-smart-readings',
    version: 1,
    title: 'Smart meter readings and estimates',
    intents: ['smart_meter', 'meter_reading'],
    keywords: ['smart meter', 'ihd', 'in-home display', 'signal', 'sending', 'half-hourly', 'installation'],
    body: `A smart meter sends readings automatically, half-hourly where it is set up for it. When it
stops communicating we fill the gap with estimates, flagged as such, until actual data arrives; the
customer can still read the meter's registers and send a reading. Smart tariffs such as Agile and
Intelligent Go need half-hourly readings from a working smart meter.`,
    keySentences: [
      'Your smart meter normally sends us readings automatically.',
      'If it stops sending them, we estimate any gap and replace the estimate once real readings arrive; you can also send us a reading from the meter in the meantime.',
    ],
  },
  {
    id: 'kb-smart-tariffs',
    version: 1,
    title: 'Agile, Go and Intelligent Go: rates and dispatches',
    intents: ['tariff'],
    keywords: ['agile', 'go', 'intelligent', 'ev', 'off-peak', 'peak', 'bump', 'dispatch', 'smart charge', 'rates'],
    body: `Agile prices change every half hour with the wholesale market and are published a day ahead.
Intelligent Octopus Go needs an eligible EV or charger and a smart meter sending half-hourly readings;
it has an off-peak window of 23:30 to 05:30, and any smart charging we schedule is billed at the
off-peak rate whatever the time of day. Bump charging outside a smart-charging schedule is billed at
the peak rate during peak hours (05:30 to 23:30). The fixed version of IO Go has a £25 exit fee.
Peak rates and standing charges vary by region.`,
    keySentences: [
      'Agile prices change every half hour with the wholesale market, and the next day’s prices are published in advance.',
      'On Intelligent Octopus Go, everything you use between 23:30 and 05:30 and any smart charging we schedule is billed at the off-peak rate.',
      'A bump charge outside the schedule during peak hours (05:30 to 23:30) is billed at the peak rate.',
    ],
  },
  {
    id: 'kb-export',
    version: 1,
    title: 'Export payments',
    intents: ['export'],
    keywords: ['export', 'solar', 'seg', 'panels', 'battery', 'grid', 'outgoing', 'flux', 'mpan'],
    body: `Customers with generation (usually solar panels, also batteries and wind) are paid for the
energy they export, measured on the export register of their smart or AMR meter through an Export
MPAN linked to the import MPAN. Only an export specialist enrols an Export MPAN: agents never do it
themselves. The export tariff sits on the Export MPAN, and export is credited separately from import.`,
    keySentences: [
      'We pay you for the electricity you send to the grid, measured by the export register of your smart meter.',
      'To start payments, your export meter point is set up and linked to your account by our export team, and export credits then appear on your statements separately from what you import.',
    ],
  },
  {
    id: 'kb-payments',
    version: 1,
    title: 'Ways to pay and failed payments',
    intents: ['payment'],
    keywords: ['pay', 'card', 'declined', 'bank transfer', 'payment', 'showing', 'confirmation'],
    body: `Customers can pay by card, bank transfer or Direct Debit. A card payment gets a confirmation
number at once and shows on the account when it posts. A declined card is recorded as failed and
leaves the balance unchanged: suggest another card, or Direct Debit.`,
    keySentences: [
      'You can pay by debit or credit card, by bank transfer, or by Direct Debit.',
      'A card payment shows on your account as soon as it is posted, and you get a confirmation number straight away.',
      'If a card is declined, nothing is taken: you can try another card or set up a Direct Debit.',
    ],
  },
  {
    id: 'kb-refunds',
    version: 1,
    title: 'Credit balances and refunds',
    intents: ['refund'],
    keywords: ['refund', 'credit', 'overpaid', 'money back'],
    body: `A credit balance can be refunded to the customer; refunds above the agent's limit need a
supervisor's approval, and a refund never exceeds the credit on the account. When the account is
closing, the final balance settlement refunds the credit automatically.`,
    keySentences: [
      'If your account is in credit, we can refund the credit to you.',
      'Some refunds need a second approval before they are paid, which we will arrange.',
    ],
  },
  {
    id: 'kb-complaints',
    version: 1,
    title: 'Handling a complaint',
    intents: ['complaint'],
    keywords: ['complaint', 'unhappy', 'ombudsman', 'escalate', 'manager'],
    body: `Acknowledge the complaint, apologise for the experience, log it as a case with a reference,
and say when the customer will hear back. Never argue in writing; explain what happens next.`,
    keySentences: [
      'I am sorry for the experience you have had. I have logged your complaint, and we will look into it properly.',
      'We will reply with what we have found and what we will do about it. If you are not satisfied with our final response, you can ask the Energy Ombudsman to review it.',
    ],
  },
  {
    id: 'kb-tariff-choice',
    version: 1,
    title: 'Changing tariff and reading your rates',
    intents: ['tariff'],
    keywords: ['tariff', 'fixed', 'variable', 'unit rate', 'standing charge', 'switch', 'change'],
    body: `Tariffs have unit rates and a standing charge per day, which vary by region and by payment
method (Direct Debit is cheaper). A change of tariff applies from a date, and a fixed tariff may have
an exit fee before its end date.`,
    keySentences: [
      'Your tariff has a unit rate for each kWh you use and a standing charge for each day, which depend on your region and how you pay.',
      'If you change tariff, the new rates apply from the date of the change; a fixed tariff may carry an exit fee if you leave it early.',
    ],
  },
]

const byId: ReadonlyMap<string, Article> = new Map(articles.map((article) => [article.id, article]))

/** One article by id, or undefined. Throws nothing. */
export function articleOf(id: string): Article | undefined {
  return byId.get(id)
}

/**
 * The articles that best answer a message of this intent: those listing the intent (first-listed
 * intents count most), ranked by how many of their keywords the message contains; after the
 * first, only articles sharing at least one keyword with the message. Pure; throws nothing.
 */
export function bestArticles({
  intent,
  text,
  also = [],
  limit = 2,
}: {
  intent: Intent
  /** The message, normalised (lower case). */
  text: string
  /** Other intents the message is about, whose first article is added after these. */
  also?: readonly Intent[]
  limit?: number
}): Article[] {
  const hitsOf = (article: Article) => article.keywords.filter((keyword) => text.includes(keyword)).length
  // The best article always; the next ones only when the message shares some of their words.
  const pick = (wanted: Intent, count: number) =>
    articles
      .filter((article) => article.intents.includes(wanted))
      .map((article, index) => {
        const hits = hitsOf(article)
        return { article, hits, score: hits * 2 - article.intents.indexOf(wanted), index }
      })
      .sort((a, b) => b.score - a.score || a.index - b.index)
      .filter((entry, position) => position === 0 || entry.hits > 0)
      .slice(0, count)
      .map((entry) => entry.article)
  const chosen = pick(intent, limit)
  for (const other of also) {
    const extra = pick(other, 1)[0]
    if (extra && !chosen.includes(extra)) chosen.push(extra)
  }
  return chosen
}
