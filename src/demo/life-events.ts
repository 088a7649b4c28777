/**
 * What else the demo's customers do in a simulated year besides paying (issue 21 item 2), and how
 * the staff answer them, through the use cases the console uses. A few write in about a bill that
 * rose: a reply is suggested when the email arrives, and an agent reviews and sends it two days
 * later, moving those who ask onto the fixed tariff. Some ask to move their Direct Debit date: an
 * agent sets it up again on the new day and replies. Some call to complain and the agent opens a
 * case (a billing dispute for the billing team, a smart meter fault anyone may take, an escalation
 * for the supervisors), worked and resolved over the next days. In the book that moved onto Cuttle,
 * one household moves out (final bill; the supply passes to "The Occupier", whom a named customer
 * replaces days later), another moves out with the new occupier named, and one customer calls to fix
 * their prices. Work begun near the end of the simulation is still open in the queues, as it would be.
 *
 * Deterministic: the events follow from the statements issued, in the order they were issued (every
 * thirtieth statement brings a complaint, every third bill that rose by a fifth an email, …), and
 * from the day the chosen accounts moved onto Cuttle. A handful of accounts act on chosen days; a day
 * when nothing happens costs one query.
 */
import type { Db } from '../db/index.js'
import { inTransaction } from '../db/index.js'
import * as access from '../modules/access/index.js'
import * as accounts from '../modules/accounts/index.js'
import * as billing from '../modules/billing/index.js'
import type * as cases from '../modules/cases/index.js'
import * as metering from '../modules/metering/index.js'
import * as payments from '../modules/payments/index.js'
import * as tariffs from '../modules/tariffs/index.js'
import { type Actor, systemActor } from '../shared/actor.js'
import { DomainError } from '../shared/errors.js'
import { addDays, daysBetween, localDateOf, longDateText, startOfLocalDay } from '../shared/time.js'
import {
  addCaseNote,
  assignAccountCase,
  changeAccountTariff,
  changeCaseStatus,
  type DeliveryQueue,
  logAccountInboundEmail,
  logAccountPhoneCall,
  moveIn,
  moveOut,
  openAccountCase,
  resolveAccountCase,
  reviewSuggestedReply,
  sendSuggestedReply,
  setupAccountDirectDebit,
  suggestReply,
} from '../usecases/index.js'
import { statementsIssuedFromNowOn } from './customers.js'
import { type DemoCustomer, demoAccountNumber, generateCustomer } from './people.js'
import { demoStaff } from './seed-demo.js'
import { demoProducts, supplyShape } from './supply.js'
import { catalogueCodes } from './tariff-catalogue.js'

export interface DemoLifeEvents {
  /** The customers and staff act on the local day `on` at `at` (noon): answers how many things they did. */
  act(on: string, at: Date, queue: DeliveryQueue): Promise<number>
}

type Role = 'agent' | 'supervisor' | 'billing_specialist'

/** One of the demo staff, as the use cases take them. */
interface Staff {
  readonly actor: Actor
  readonly member: { readonly userId: string; readonly role: access.Role }
}

/** A demo account the events happen to. */
interface Household {
  readonly index: number
  readonly accountNumber: string
  readonly accountId: string
}

/** Something to do at noon of a day; answers how many things were done. */
type Work = (at: Date, queue: DeliveryQueue) => Promise<number>

/** Every how many statements a customer calls to complain (the first statement's customer first). */
const complaintEvery = 30
/** Every how many statements a Direct Debit payer asks to move the collection date. */
const directDebitEvery = 40
/** Every how many bills that rose by a fifth or more the customer writes in (the first one first). */
const risingBillEvery = 3

const mailbox = 'hello@goodegg.example'
const hour = 3_600_000

/** Whether the account's electricity is on the single-rate variable, not switched to the fix already. */
function onVariable(index: number, usageAccounts: number): boolean {
  const products = demoProducts(index, index < usageAccounts)
  return products.import === catalogueCodes.variable && !products.fixedSwitch && !supplyShape(index).economy7
}

/** Whether a statement's total rose by a fifth or more over a month's before it (BIL-9's comparison). */
function roseByAFifth(statement: billing.Statement): boolean {
  const comparison = statement.explanation.comparison
  if (!comparison) return false
  const change = BigInt(comparison.changeMinor)
  const before = BigInt(comparison.previousNetMinor)
  // Against a whole month before it: a first bill of a few days is no measure.
  return comparison.previousDays >= 20 && before > 0n && change * 5n >= before
}

/** A day of the month as said aloud: 1st, 2nd, 3rd, 4th, … 21st, 22nd, 23rd. */
function ordinal(day: number): string {
  const teen = day >= 11 && day <= 13
  const suffix = teen ? 'th' : day % 10 === 1 ? 'st' : day % 10 === 2 ? 'nd' : day % 10 === 3 ? 'rd' : 'th'
  return `${day}${suffix}`
}

/** Run a piece of work, answering 0 when a use case refuses it (the demo carries on, as staff would). */
async function refusedAsNothing(work: () => Promise<number>): Promise<number> {
  try {
    return await work()
  } catch (error) {
    if (!(error instanceof DomainError)) throw error
    return 0
  }
}

/**
 * The demo's life events for the first `accounts` demo accounts (the first `usageAccounts` of them
 * the half-hourly homes), run after the customers' payments each noon.
 */
export function demoLifeEvents({
  db,
  seed,
  accounts: count,
  usageAccounts,
}: {
  db: Db
  seed: number
  accounts: number
  usageAccounts: number
}): DemoLifeEvents {
  const indexOf = new Map<string, number>()
  for (let index = 0; index < count; index++) indexOf.set(demoAccountNumber({ seed, index }), index)
  const agenda = new Map<string, Work[]>()
  const staff = new Map<Role, Staff>()
  const mailroom = systemActor('demo-mailbox')
  let planned = false
  const seen = { statements: 0, rises: 0, complaints: 0 }
  /** Set when a statement's turn comes for a Direct Debit question: the next Direct Debit payer asks it. */
  let directDebitAsked = false
  /** The households that wrote about a bill that rose: once is enough for each. */
  const wroteAboutBill = new Set<number>()

  const schedule = (on: string, work: Work) => {
    const list = agenda.get(on) ?? []
    list.push(work)
    agenda.set(on, list)
  }

  const staffAs = async (role: Role): Promise<Staff> => {
    const known = staff.get(role)
    if (known) return known
    const email = demoStaff.find((person) => person.role === role)?.email ?? ''
    const user = await access.findStaffUser(db, email)
    if (!user) throw new Error(`The demo has no ${role}: seed it first`)
    const found: Staff = { actor: { kind: 'staff', id: user.id }, member: { userId: user.id, role: user.role } }
    staff.set(role, found)
    return found
  }

  /** The customer as the demo generated them: their name, email and phone. */
  const personOf = (household: Household): DemoCustomer => generateCustomer({ seed, index: household.index })

  // ---- Emails: one arrives and a reply is suggested; an agent reviews (perhaps edits) and sends it. ----

  /** A reply to the email is suggested to the agent, from the account's facts as they are now. */
  const suggest = async (household: Household, messageId: string, at: Date) => {
    const { actor } = await staffAs('agent')
    await suggestReply({ db, accountNumber: household.accountNumber, messageId, actor, at })
  }

  /** The customer's email arrives on the account; with `suggested`, a reply is suggested for the agent at once. */
  const emailArrives = async (household: Household, subject: string, body: string, at: Date, suggested: boolean) => {
    const from = personOf(household).emails[0]?.address
    if (!from) return null
    const message = await inTransaction(db, (tx) =>
      logAccountInboundEmail({
        tx,
        accountNumber: household.accountNumber,
        from,
        to: mailbox,
        subject,
        body,
        receivedAt: new Date(at.getTime() - 3 * hour),
        providerMessageId: `<${household.accountNumber}.${localDateOf(at)}@mail.example>`,
        actor: mailroom,
        at,
      }),
    )
    if (suggested) await suggest(household, message.id, at)
    return message.id
  }

  /** The agent reviews the suggested reply (adding `postscript` to it when given) and sends it. */
  const answer = async (
    household: Household,
    messageId: string,
    at: Date,
    queue: DeliveryQueue,
    postscript?: string,
  ) => {
    const { actor } = await staffAs('agent')
    const { accountNumber } = household
    await inTransaction(db, async (tx) => {
      const draft = await reviewSuggestedReply({ tx, accountNumber, messageId, actor, at })
      if (postscript) {
        await reviewSuggestedReply({ tx, accountNumber, messageId, body: `${draft.body}\n\n${postscript}`, actor, at })
      }
    })
    await sendSuggestedReply({ db, accountNumber, messageId, queue, actor, at })
  }

  /** Move the account's variable supplies onto the fixed tariff of the same fuel and region from `from`. */
  const fixPrices = async (household: Household, from: Date, actor: Actor, at: Date): Promise<number> => {
    let moved = 0
    await inTransaction(db, async (tx) => {
      const points = await metering.meterPointsOfAccountId({ tx, accountId: household.accountId })
      const current = (await tariffs.agreementsOfAccount({ tx, accountId: household.accountId })).filter(
        (agreement) =>
          agreement.productCode === catalogueCodes.variable &&
          agreement.validFrom <= from &&
          (agreement.validTo === null || agreement.validTo > from),
      )
      for (const agreement of current) {
        const point = points.find((candidate) => candidate.id === agreement.meterPointId)
        if (!point) continue
        await changeAccountTariff({
          tx,
          accountNumber: household.accountNumber,
          meterPoint: point.identifier,
          tariffCode: agreement.tariffCode.replace(agreement.productCode, catalogueCodes.fixed),
          from,
          actor,
          at,
        })
        moved++
      }
    })
    return moved
  }

  /** A bill rose by a fifth: the customer writes in the next day; those on the variable ask to fix. */
  const risingBill = (household: Household, statement: billing.Statement, on: string) => {
    const customer = personOf(household)
    const fix = onVariable(household.index, usageAccounts) && seen.rises % 2 === 1
    schedule(addDays(on, 1), async (at) => {
      const body =
        `Hello, my latest bill (${statement.number}) is a lot higher than the one before and I do not ` +
        'understand why. Have I been charged correctly? Is my usage really that much more?' +
        (fix ? ' Could I move onto a fixed tariff so it stops going up?' : '') +
        `\n\nThanks, ${customer.displayName}`
      const messageId = await emailArrives(household, `Why is my bill so high? ${statement.number}`, body, at, true)
      if (!messageId) return 0
      schedule(addDays(localDateOf(at), 2), async (later, queue) => {
        let postscript: string | undefined
        if (fix) {
          const { actor } = await staffAs('agent')
          const from = addDays(localDateOf(later), 1)
          if ((await refusedAsNothing(() => fixPrices(household, startOfLocalDay(from), actor, later))) > 0) {
            postscript = `As you asked, I have moved you onto our Fixed Egg 12M tariff from ${longDateText(from)}.`
          }
        }
        await answer(household, messageId, later, queue, postscript)
        return postscript ? 2 : 1
      })
      return 1
    })
  }

  /** A Direct Debit payer asks to move the collection date; the next day an agent does and replies. */
  const directDebitDate = (household: Household, directDebit: payments.DirectDebit, on: string) => {
    const paymentDay = ((directDebit.paymentDay + 13) % 28) + 1
    schedule(addDays(on, 2), async (at) => {
      const body =
        `Hi, I have changed jobs and now get paid later in the month. Please can you change my Direct Debit ` +
        `date from the ${ordinal(directDebit.paymentDay)} to the ${ordinal(paymentDay)}?\n\n${personOf(household).displayName}`
      const messageId = await emailArrives(household, 'Change my Direct Debit date', body, at, false)
      if (!messageId) return 0
      schedule(addDays(localDateOf(at), 1), async (later, queue) => {
        const { actor } = await staffAs('agent')
        await inTransaction(db, async (tx) => {
          const current = await payments.directDebitOf({ tx, accountId: household.accountId })
          if (!current) return
          await setupAccountDirectDebit({
            tx,
            accountNumber: household.accountNumber,
            paymentMethodId: current.paymentMethodId,
            kind: current.kind,
            ...(current.kind === 'fixed' ? { amountMinor: current.amountMinor ?? undefined } : {}),
            debtRepaymentMinor: current.debtRepaymentMinor,
            paymentDay,
            actor,
            at: later,
          })
        })
        // The reply is suggested once the date has moved, so it states the new one.
        await suggest(household, messageId, later)
        await answer(household, messageId, later, queue)
        return 2
      })
      return 1
    })
  }

  // ---- Complaints: a call, a case, worked and resolved over the following days. ----

  /** The customer calls about their statement two days after it; the agent logs the call and opens a case. */
  const complaint = (household: Household, statement: billing.Statement, on: string) => {
    const kind = seen.complaints % 3
    schedule(addDays(on, 2), async (at, queue) => {
      const agent = await staffAs('agent')
      const customer = personOf(household)
      const phone = customer.phones[0]?.number ?? null
      const calls: Record<number, { type: cases.CaseType; subject: string; summary: string }> = {
        0: {
          type: 'billing_dispute',
          subject: `Disputes ${statement.number}`,
          summary: `Says ${statement.number} charges for more than they used; wants it checked against their meter.`,
        },
        1: {
          type: 'service_request',
          subject: 'Smart meter display not showing readings',
          summary: 'The in-home display has been blank for a week; asked us to check the meter is still sending.',
        },
        2: {
          type: 'complaint_escalation',
          subject: 'Unhappy with how a billing query was handled',
          summary: `Complained that an earlier query about ${statement.number} was not answered; asked for a manager.`,
        },
      }
      const call = calls[kind] ?? calls[0]
      if (!call) return 0
      const opened = await inTransaction(db, async (tx) => {
        const logged = await logAccountPhoneCall({
          tx,
          accountNumber: household.accountNumber,
          direction: 'inbound',
          phoneNumber: phone,
          startedAt: new Date(at.getTime() - hour),
          handleSeconds: 300 + ((household.index * 37) % 600),
          subject: call.subject,
          summary: call.summary,
          actor: agent.actor,
          at,
        })
        const assignee: cases.Assignee =
          call.type === 'billing_dispute'
            ? { kind: 'team', team: 'billing_specialist' }
            : call.type === 'complaint_escalation'
              ? { kind: 'team', team: 'supervisor' }
              : { kind: 'none' }
        const result = await openAccountCase({
          tx,
          accountNumber: household.accountNumber,
          type: call.type,
          priority: call.type === 'complaint_escalation' ? 'high' : 'normal',
          subject: call.subject,
          description: `${call.summary} (call ${logged.id})`,
          assignee,
          staff: agent.member,
          actor: agent.actor,
          at,
        })
        return result
      })
      if (opened.acknowledgement) await queue.enqueue([opened.acknowledgement.id])
      const caseRef = opened.case.number
      const today = localDateOf(at)
      // Worked over the next days by the team it is with; resolved after a week or two.
      if (call.type === 'billing_dispute') {
        const specialist = await staffAs('billing_specialist')
        schedule(addDays(today, 3), async (later) => {
          await inTransaction(db, async (tx) => {
            await assignAccountCase({
              tx,
              caseRef,
              assignee: { kind: 'user', userId: specialist.member.userId },
              staff: specialist.member,
              actor: specialist.actor,
              at: later,
            })
            await changeCaseStatus({ tx, caseRef, status: 'in_progress', actor: specialist.actor, at: later })
            await addCaseNote({
              tx,
              caseRef,
              body: 'Checked the readings behind the bill against the meter history: they follow on.',
              actor: specialist.actor,
              at: later,
            })
          })
          return 1
        })
        schedule(addDays(today, 9), async (later) => {
          await inTransaction(db, (tx) =>
            resolveAccountCase({
              tx,
              caseRef,
              resolutionNote: 'The bill is right: the readings are actual and follow on. Explained to the customer.',
              actor: specialist.actor,
              at: later,
            }),
          )
          return 1
        })
      } else if (call.type === 'service_request') {
        schedule(addDays(today, 1), async (later) => {
          await inTransaction(db, async (tx) => {
            await assignAccountCase({
              tx,
              caseRef,
              assignee: { kind: 'user', userId: agent.member.userId },
              staff: agent.member,
              actor: agent.actor,
              at: later,
            })
            await changeCaseStatus({
              tx,
              caseRef,
              status: 'waiting_on_customer',
              note: 'Asked the customer to unplug the display for a minute and tell us if it comes back.',
              actor: agent.actor,
              at: later,
            })
          })
          return 1
        })
        schedule(addDays(today, 6), async (later) => {
          await inTransaction(db, (tx) =>
            resolveAccountCase({
              tx,
              caseRef,
              resolutionNote: 'The display paired again after a restart; the meter had kept sending throughout.',
              actor: agent.actor,
              at: later,
            }),
          )
          return 1
        })
      } else {
        const supervisor = await staffAs('supervisor')
        schedule(addDays(today, 2), async (later) => {
          await inTransaction(db, async (tx) => {
            await assignAccountCase({
              tx,
              caseRef,
              assignee: { kind: 'user', userId: supervisor.member.userId },
              staff: supervisor.member,
              actor: supervisor.actor,
              at: later,
            })
            await addCaseNote({
              tx,
              caseRef,
              body: 'Called the customer back and apologised; reviewing the earlier query.',
              actor: supervisor.actor,
              at: later,
            })
          })
          return 1
        })
        schedule(addDays(today, 12), async (later) => {
          await inTransaction(db, (tx) =>
            resolveAccountCase({
              tx,
              caseRef,
              resolutionNote: 'Answered the original query in full and apologised for the delay.',
              actor: supervisor.actor,
              at: later,
            }),
          )
          return 1
        })
      }
      return 2
    })
  }

  // ---- The book that moved onto Cuttle: moves and a tariff change on chosen days. ----

  /** The reading of every register of the account on `on`: its last reading and some use since. */
  const readingsOn = async (household: Household, on: string) => {
    const { items } = await inTransaction(db, (tx) =>
      metering.listReadings({ tx, accountNumber: household.accountNumber, limit: 50 }),
    )
    const latest = new Map<string, metering.Reading>()
    for (const reading of items) {
      const key = `${reading.meterPoint} ${reading.meterSerial} ${reading.register}`
      const known = latest.get(key)
      if (!known || known.readAt < reading.readAt) latest.set(key, reading)
    }
    return [...latest.values()].map((reading) => {
      const days = Math.max(1, daysBetween(localDateOf(reading.readAt), on))
      // An MPRN (gas, in m³) has ten digits, an MPAN thirteen; the export register is E.
      const perDay = reading.meterPoint.length === 10 ? 2.5 : reading.register === 'E' ? 3 : 8.5
      return {
        meterPoint: reading.meterPoint,
        meterSerial: reading.meterSerial,
        register: reading.register,
        value: (Number(reading.value) + days * perDay).toFixed(1),
      }
    })
  }

  /** A new occupier as the demo would generate one: the next person after the book. */
  const newcomer = (offset: number) => {
    for (let index = count + offset; ; index++) {
      const customer = generateCustomer({ seed, index })
      if (customer.kind === 'person') {
        return {
          title: customer.title ?? null,
          givenName: customer.givenName ?? null,
          familyName: customer.familyName ?? null,
          email: customer.emails[0]?.address ?? null,
          phone: customer.phones[0]?.number ?? null,
        }
      }
    }
  }

  /** Whether the account is billed up to the start of `on` already (then the move waits a day for a final bill). */
  const billedPast = async (household: Household, on: string) => {
    const { items } = await billing.listStatements({ tx: db, accountNumber: household.accountNumber, limit: 1 })
    return (items[0]?.periodTo.getTime() ?? 0) >= startOfLocalDay(on).getTime()
  }

  /** The household moves out on the day (the new occupier named, or "The Occupier"), with a reading. */
  const moveAway = (household: Household, on: string, named: boolean, occupierMovesIn: number) => {
    const attempt = async (at: Date): Promise<number> => {
      const today = localDateOf(at)
      if (await billedPast(household, today)) {
        schedule(addDays(today, 1), attempt)
        return 0
      }
      const agent = await staffAs('agent')
      const moved = await moveOut({
        db,
        accountNumber: household.accountNumber,
        on: today,
        finalReadings: await readingsOn(household, today),
        newOccupant: named ? newcomer(1) : null,
        actor: agent.actor,
        authorName: 'Amira Agent',
        at,
      })
      if (!named && occupierMovesIn > 0) {
        const occupier = moved.newAccount.number
        schedule(addDays(today, occupierMovesIn), async (later) => {
          const day = localDateOf(later)
          const { items } = await inTransaction(db, (tx) =>
            metering.listReadings({ tx, accountNumber: occupier, limit: 50 }),
          )
          const readings = items.length > 0 ? await readingsOn({ ...household, accountNumber: occupier }, day) : []
          await moveIn({
            db,
            accountNumber: occupier,
            on: day,
            finalReadings: readings,
            customer: newcomer(2),
            actor: agent.actor,
            authorName: 'Amira Agent',
            at: later,
          })
          return 1
        })
      }
      return 1
    }
    schedule(on, attempt)
  }

  /** The customer calls to fix their prices: the agent logs the call and switches them from tomorrow. */
  const callToFix = (household: Household, on: string) => {
    schedule(on, async (at) => {
      const agent = await staffAs('agent')
      const from = addDays(localDateOf(at), 1)
      await inTransaction(db, (tx) =>
        logAccountPhoneCall({
          tx,
          accountNumber: household.accountNumber,
          direction: 'inbound',
          phoneNumber: personOf(household).phones[0]?.number ?? null,
          startedAt: new Date(at.getTime() - hour),
          handleSeconds: 420,
          subject: 'Wants to fix their prices',
          summary: `Asked to move from the variable to Fixed Egg 12M; switched from ${longDateText(from)}.`,
          actor: agent.actor,
          at,
        }),
      )
      return 1 + (await fixPrices(household, startOfLocalDay(from), agent.actor, at))
    })
  }

  /**
   * Choose the accounts of the moved book that move and switch, and plan their days from the day they
   * moved onto Cuttle (their transfer reading): a move out to "The Occupier" four days after (a named
   * customer moves in four days later), a call to fix six days after, and a move out with the new
   * occupier named seven days after.
   */
  const plan = async () => {
    const chosen: { index: number; role: 'occupier' | 'named' | 'fix' }[] = []
    const start = usageAccounts + (seed % 7)
    for (let index = start; index < count && chosen.length < 3; index++) {
      const customer = generateCustomer({ seed, index })
      if (customer.kind !== 'person') continue
      const roles = new Set(chosen.map((choice) => choice.role))
      // Card payers move (the book pays every third account by card): their final bill is paid by card.
      if (index % 3 === 0 && !roles.has('occupier')) chosen.push({ index, role: 'occupier' })
      else if (index % 3 === 0 && !roles.has('named')) chosen.push({ index, role: 'named' })
      else if (index % 3 !== 0 && onVariable(index, usageAccounts) && !roles.has('fix'))
        chosen.push({ index, role: 'fix' })
    }
    for (const { index, role } of chosen) {
      const accountNumber = demoAccountNumber({ seed, index })
      const { items } = await inTransaction(db, (tx) => metering.listReadings({ tx, accountNumber, limit: 50 }))
      const transfer = items.find((reading) => reading.source === 'transfer')
      const facts = await accounts.accountFacts({ tx: db, accountNumber })
      if (!transfer || !facts || facts.status === 'closed') continue
      const household: Household = { index, accountNumber, accountId: facts.id }
      const goLive = localDateOf(transfer.readAt)
      if (role === 'occupier') moveAway(household, addDays(goLive, 4), false, 4)
      else if (role === 'named') moveAway(household, addDays(goLive, 7), true, 0)
      else callToFix(household, addDays(goLive, 6))
    }
  }

  const newStatements = statementsIssuedFromNowOn(db)

  /** What each new statement brings: a complaint, an email about a bill that rose, a Direct Debit question. */
  const follow = async (on: string) => {
    const issued = (await newStatements()).filter(
      (statement) =>
        (statement.status === 'issued' || statement.status === 'invoiced') &&
        statement.kind === 'periodic' &&
        statement.totalMinor > 0n,
    )
    if (issued.length === 0) return
    const numbers = await accountsOf(issued)
    for (const statement of issued) {
      const accountNumber = numbers.get(statement.accountId)
      const index = accountNumber === undefined ? undefined : indexOf.get(accountNumber)
      // The showcase home (the first, the README's walk-through) keeps a quiet history: bills paid by Direct Debit.
      if (accountNumber === undefined || index === undefined || index === 0) continue
      const household: Household = { index, accountNumber, accountId: statement.accountId }
      seen.statements++
      if (seen.statements % complaintEvery === 1) {
        complaint(household, statement, on)
        seen.complaints++
      }
      if (seen.statements % directDebitEvery === 2) directDebitAsked = true
      if (roseByAFifth(statement) && !wroteAboutBill.has(index)) {
        seen.rises++
        if (seen.rises % risingBillEvery === 1) wroteAboutBill.add(index)
        if (seen.rises % risingBillEvery === 1) risingBill(household, statement, on)
      } else if (directDebitAsked) {
        const directDebit = await payments.directDebitOf({ tx: db, accountId: statement.accountId })
        if (directDebit) {
          directDebitAsked = false
          directDebitDate(household, directDebit, on)
        }
      }
    }
  }

  const accountsOf = (statements: readonly billing.Statement[]) =>
    accounts.accountNumbersOf({ tx: db, accountIds: [...new Set(statements.map((statement) => statement.accountId))] })

  return {
    async act(on, at, queue) {
      if (!planned) {
        planned = true
        await plan()
      }
      await follow(on)
      let done = 0
      const today = agenda.get(on) ?? []
      // Work scheduled for today by today's work runs today too (a move that waits a day is tomorrow's).
      for (let next = 0; next < today.length; next++) {
        const work = today[next]
        // Ten seconds apart, in the order planned: all before the afternoon's delivery.
        if (work) done += await refusedAsNothing(() => work(new Date(at.getTime() + next * 10_000), queue))
      }
      agenda.delete(on)
      return done
    },
  }
}
