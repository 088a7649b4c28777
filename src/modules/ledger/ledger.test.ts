import fc from 'fast-check'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, inTransaction, type Tx } from '../../db/index.js'
import { openTestDatabase } from '../../db/testing.js'
import { systemActor } from '../../shared/actor.js'
import { addDays } from '../../shared/time.js'
import * as accounts from '../accounts/index.js'
import { ageEntries } from './ageing.js'
import * as ledger from './index.js'

let database: Database
const actor = systemActor('ledger-test')
const at = new Date('2026-11-24T09:00:00Z')
const run = <T>(work: (tx: Tx) => Promise<T>) => inTransaction(database.db, work)
let accountIds: string[] = []
let keys = 0

/**
 * A journal of `customerMinor` on the customer's book (positive: the customer owes more) and its
 * opposite on `book`, under a fresh idempotency key and reference.
 */
function journal({
  accountId,
  reason,
  referenceType,
  description,
  effectiveOn,
  customerMinor,
  book,
  dueOn,
}: {
  accountId: string
  reason: string
  referenceType: 'statement' | 'payment'
  description: string
  effectiveOn: string
  customerMinor: bigint
  book: ledger.Book
  dueOn?: string
}) {
  keys += 1
  return {
    idempotencyKey: `test-${keys}`,
    reason,
    reference: { type: referenceType, id: `${referenceType === 'statement' ? 'stm' : 'pay'}_${keys}` },
    accountId,
    currency: 'GBP',
    effectiveOn,
    description,
    postings: [
      { book: 'customer' as const, accountId, amountMinor: customerMinor, ...(dueOn ? { dueOn } : {}) },
      { book, accountId, amountMinor: -customerMinor },
    ],
  }
}

function charge(accountId: string, amount: bigint, effectiveOn = '2026-10-01', dueOn = addDays(effectiveOn, 14)) {
  const statement = { reason: 'statement.charge', referenceType: 'statement', description: 'Statement' } as const
  return journal({ accountId, ...statement, effectiveOn, customerMinor: amount, book: 'energy_revenue', dueOn })
}

function payment(accountId: string, amount: bigint, effectiveOn = '2026-10-05') {
  const received = { reason: 'payment.received', referenceType: 'payment', description: 'Payment' } as const
  return journal({ accountId, ...received, effectiveOn, customerMinor: -amount, book: 'cash' })
}

const post = (journal: ledger.NewJournal) => run((tx) => ledger.postJournal({ tx, journal, actor, at }))

beforeAll(async () => {
  database = await openTestDatabase()
  const created = await run((tx) =>
    accounts.createAccounts({
      tx,
      actor,
      at,
      accounts: Array.from({ length: 6 }, (_, i) =>
        accounts.testAccount({
          number: `A-0000000${i}`,
          customer: { kind: 'person', title: null, givenName: 'Led', familyName: `Ger${i}` },
          property: { line1: `${i} High Street`, town: 'York', postcode: 'YO1 7HH', gspRegion: '_M' },
          openedOn: '2026-01-01',
        }),
      ),
    }),
  )
  accountIds = created.map((account) => account.id)
})

afterAll(async () => {
  await database.close()
})

describe('posting journals', () => {
  it('posts a balanced journal, records it in the audit log, and moves the balance', async () => {
    const [a] = accountIds
    const { journal, replayed } = await post(charge(a!, 12_345n))
    expect(replayed).toBe(false)
    expect(journal.postings.map((p) => p.amountMinor)).toEqual([12_345n, -12_345n])
    expect(await run((tx) => ledger.balanceOf({ tx, accountId: a! }))).toBe(12_345n)
    const { rows } = await sql<{ n: string }>`select count(*)::text as n from audit_events
      where action = 'ledger.journal.posted' and subject_id = ${journal.id}`.execute(database.db)
    expect(rows[0]?.n).toBe('1')
  })

  it('returns the first journal for the same key and content, and refuses the key with other content', async () => {
    const [, b] = accountIds
    const journal = charge(b!, 500n)
    const first = await post(journal)
    const again = await post(journal)
    expect(again).toMatchObject({ replayed: true, journal: { id: first.journal.id } })
    await expect(post({ ...journal, postings: charge(b!, 501n).postings })).rejects.toMatchObject({
      code: 'IDEMPOTENCY_CONFLICT',
    })
    expect(await run((tx) => ledger.balanceOf({ tx, accountId: b! }))).toBe(500n)
  })

  it('refuses an unbalanced, empty or malformed journal, naming what is wrong, and writes nothing', async () => {
    const [, , c] = accountIds
    const base = charge(c!, 100n)
    await expect(
      post({
        ...base,
        postings: [
          { book: 'customer', accountId: c, amountMinor: 100n },
          { book: 'cash', amountMinor: -99n },
        ],
      }),
    ).rejects.toMatchObject({
      code: 'INVALID_JOURNAL',
      details: [{ path: 'postings', message: 'the postings sum to 1, not 0' }],
    })
    await expect(post({ ...base, postings: [] })).rejects.toMatchObject({ code: 'INVALID_JOURNAL' })
    await expect(
      post({
        ...base,
        postings: [
          { book: 'customer', amountMinor: 100n },
          { book: 'cash', amountMinor: -100n },
        ],
      }),
    ).rejects.toMatchObject({ details: [{ path: 'postings.0.accountId' }] })
    await expect(
      post({
        ...base,
        reason: 'Not A Code',
        postings: [
          { book: 'nonsense' as never, amountMinor: 1n },
          { book: 'cash', amountMinor: -1n },
        ],
      }),
    ).rejects.toMatchObject({
      details: expect.arrayContaining([
        { path: 'reason', message: expect.any(String) },
        { path: 'postings.0.book', message: expect.any(String) },
      ]),
    })
    expect(await run((tx) => ledger.balanceOf({ tx, accountId: c! }))).toBe(0n)
  })

  it('has the database refuse an unbalanced journal, and any change to what is posted', async () => {
    const [a] = accountIds
    await expect(
      run(async (tx) => {
        await sql`insert into ledger_journals (id, idempotency_key, reason, reference_type, reference_id, currency,
          effective_on, description, fingerprint, posted_at, posted_by)
          values ('jnl_raw', 'raw', 'test', 't', '1', 'GBP', '2026-01-01', 'raw', '{}', now(), 'test')`.execute(tx)
        await sql`insert into ledger_postings (journal_id, book, account_id, amount_minor, effective_on)
          values ('jnl_raw', 'customer', ${a}, 100, '2026-01-01'), ('jnl_raw', 'cash', null, -99, '2026-01-01')`.execute(
          tx,
        )
      }),
    ).rejects.toThrow(/does not balance/)
    await expect(
      run((tx) =>
        sql`insert into ledger_journals (id, idempotency_key, reason, reference_type, reference_id, currency,
          effective_on, description, fingerprint, posted_at, posted_by)
          values ('jnl_empty', 'empty', 'test', 't', '1', 'GBP', '2026-01-01', 'raw', '{}', now(), 'test')`.execute(tx),
      ),
    ).rejects.toThrow(/no postings/)
    await expect(sql`update ledger_postings set amount_minor = 1`.execute(database.db)).rejects.toThrow(/append-only/)
    await expect(sql`delete from ledger_journals`.execute(database.db)).rejects.toThrow(/append-only/)
  })

  it('reverses a journal once, with every posting negated', async () => {
    const [, , , d] = accountIds
    const { journal } = await post(charge(d!, 2_000n))
    const reverse = (idempotencyKey: string) =>
      run((tx) =>
        ledger.reverseJournal({ tx, journalId: journal.id, idempotencyKey, effectiveOn: '2026-10-10', actor, at }),
      )
    const reversal = await reverse('undo-1')
    expect(reversal.journal).toMatchObject({ reversesJournalId: journal.id, reason: 'reversal' })
    expect(reversal.journal.postings.map((p) => p.amountMinor)).toEqual([-2_000n, 2_000n])
    expect(await reverse('undo-1')).toMatchObject({ replayed: true })
    await expect(reverse('undo-2')).rejects.toMatchObject({ code: 'ALREADY_REVERSED' })
    await expect(
      run((tx) =>
        ledger.reverseJournal({
          tx,
          journalId: reversal.journal.id,
          idempotencyKey: 'undo-3',
          effectiveOn: '2026-10-10',
          actor,
          at,
        }),
      ),
    ).rejects.toMatchObject({ code: 'ALREADY_REVERSED' })
    expect(await run((tx) => ledger.balanceOf({ tx, accountId: d! }))).toBe(0n)
  })

  it('gives the balance as of a date, and what is past due by age', async () => {
    const [, , , , e] = accountIds
    await post(charge(e!, 10_000n, '2026-06-01', '2026-06-15'))
    await post(charge(e!, 8_000n, '2026-09-01', '2026-09-15'))
    await post(payment(e!, 4_000n, '2026-09-20'))
    await post(charge(e!, 6_000n, '2026-11-01', '2026-11-15'))
    expect(await run((tx) => ledger.balanceOf({ tx, accountId: e!, asOf: '2026-08-31' }))).toBe(10_000n)
    const aged = await run((tx) => ledger.ageing({ tx, accountId: e!, asOf: '2026-11-24' }))
    expect(aged).toEqual({
      balanceMinor: 20_000n,
      pastDueMinor: 20_000n,
      buckets: { current: 0n, days1to30: 6_000n, days31to60: 0n, days61to90: 8_000n, over90: 6_000n },
    })
  })

  it('posts one journal when the same key is sent at the same time (PostgreSQL)', async () => {
    const [, , , , , f] = accountIds
    const journal = charge(f!, 700n)
    const results = await Promise.all(Array.from({ length: 5 }, () => post(journal)))
    expect(new Set(results.map((result) => result.journal.id)).size).toBe(1)
    expect(await run((tx) => ledger.balanceOf({ tx, accountId: f! }))).toBe(700n)
  })
})

describe('ageing', () => {
  it('pays the oldest charge first and keeps charges without a due date current', () => {
    const aged = ageEntries(
      [
        { amountMinor: 1_000n, effectiveOn: '2026-01-01', dueOn: '2026-01-15' },
        { amountMinor: 500n, effectiveOn: '2026-02-01', dueOn: null },
        { amountMinor: -1_200n, effectiveOn: '2026-02-10', dueOn: null },
      ],
      '2026-03-01',
    )
    expect(aged).toEqual({
      balanceMinor: 300n,
      pastDueMinor: 0n,
      buckets: { current: 300n, days1to30: 0n, days31to60: 0n, days61to90: 0n, over90: 0n },
    })
  })

  it('keeps every invariant for random charges, payments and credits', () => {
    const entry = fc.record({
      amountMinor: fc.bigInt({ min: -50_000n, max: 50_000n }).filter((n) => n !== 0n),
      effectiveOn: fc.integer({ min: 0, max: 300 }).map((d) => addDays('2026-01-01', d)),
      due: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
    })
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), fc.integer({ min: 0, max: 400 }), (entries, asOfDay) => {
        const asOf = addDays('2026-01-01', asOfDay)
        const list = entries.map((e) => ({
          amountMinor: e.amountMinor,
          effectiveOn: e.effectiveOn,
          dueOn: e.amountMinor > 0n && e.due !== null ? addDays(e.effectiveOn, e.due) : null,
        }))
        const aged = ageEntries(list, asOf)
        const total = list.reduce((sum, e) => sum + e.amountMinor, 0n)
        const buckets = Object.values(aged.buckets).reduce((sum, b) => sum + b, 0n)
        expect(aged.balanceMinor).toBe(total)
        expect(buckets).toBe(total > 0n ? total : 0n)
        expect(aged.pastDueMinor).toBeLessThanOrEqual(buckets)
        for (const bucket of Object.values(aged.buckets)) expect(bucket >= 0n).toBe(true)
      }),
      { numRuns: 300 },
    )
  })
})

describe('random sequences of money movements', () => {
  it('keep every journal balanced, the trial balance at zero and each balance equal to a model', async () => {
    /** A movement of up to `max` minor units on one of the six accounts. */
    const movement = <Op extends string>(op: Op, max: bigint) =>
      fc.record({ op: fc.constant(op), account: fc.nat(5), amount: fc.bigInt({ min: 1n, max }) })
    const operation = fc.oneof(
      movement('charge', 90_000n),
      movement('payment', 90_000n),
      movement('credit', 20_000n),
      movement('refund', 20_000n),
      fc.record({ op: fc.constant('reverse' as const), pick: fc.nat(1000) }),
      fc.record({ op: fc.constant('replay' as const), pick: fc.nat(1000) }),
    )
    let sequence = 0
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 12 }), async (operations) => {
        sequence += 1
        const before = await run((tx) => ledger.balancesOf({ tx, accountIds }))
        const model = new Map(before)
        const posted: { journal: ledger.NewJournal; id: string; amount: bigint; account: string }[] = []
        const reversed = new Set<string>()
        for (const [i, step] of operations.entries()) {
          const key = `prop-${sequence}-${i}`
          if (step.op === 'reverse' || step.op === 'replay') {
            const target = posted[step.pick % Math.max(posted.length, 1)]
            if (!target) continue
            if (step.op === 'replay') {
              const result = await post(target.journal)
              expect(result).toMatchObject({ replayed: true, journal: { id: target.id } })
              continue
            }
            if (reversed.has(target.id)) continue
            await run((tx) =>
              ledger.reverseJournal({
                tx,
                journalId: target.id,
                idempotencyKey: `${key}-rev`,
                effectiveOn: '2026-11-01',
                actor,
                at,
              }),
            )
            reversed.add(target.id)
            model.set(target.account, (model.get(target.account) ?? 0n) - target.amount)
            continue
          }
          const account = accountIds[step.account]!
          const signed = step.op === 'charge' || step.op === 'refund' ? step.amount : -step.amount
          const other = { charge: 'energy_revenue', payment: 'cash', credit: 'goodwill', refund: 'refunds' }[
            step.op
          ] as ledger.Book
          const journal: ledger.NewJournal = {
            idempotencyKey: key,
            reason: {
              charge: 'statement.charge',
              payment: 'payment.received',
              credit: 'credit.goodwill',
              refund: 'refund',
            }[step.op],
            reference: { type: step.op, id: key },
            accountId: account,
            currency: 'GBP',
            effectiveOn: '2026-10-15',
            description: step.op,
            postings: [
              { book: 'customer', accountId: account, amountMinor: signed },
              { book: other, accountId: account, amountMinor: -signed },
            ],
          }
          const { journal: stored } = await post(journal)
          posted.push({ journal, id: stored.id, amount: signed, account })
          model.set(account, (model.get(account) ?? 0n) + signed)
        }
        const after = await run((tx) => ledger.balancesOf({ tx, accountIds }))
        expect(after).toEqual(model)
        const trial = await run((tx) => ledger.trialBalance({ tx }))
        expect([...trial.values()].reduce((sum, value) => sum + value, 0n)).toBe(0n)
        const unbalanced = await sql<{
          n: string
        }>`select count(*)::text as n from (select journal_id from ledger_postings
          group by journal_id having sum(amount_minor) <> 0) j`.execute(database.db)
        expect(unbalanced.rows[0]?.n).toBe('0')
      }),
      { numRuns: 25 },
    )
  }, 120_000)
})

describe.skipIf(!process.env['DATABASE_URL'])('a cut of an account’s postings on PostgreSQL', () => {
  it('waits for a posting to the account that has not committed yet, and then includes it', async () => {
    const accountId = accountIds[1]!
    const total = (movements: readonly ledger.Movement[]) =>
      movements.reduce((sum, movement) => sum + movement.amountMinor, 0n)
    const cutNow = () =>
      run((tx) => ledger.movementsAfter({ tx, after: [{ accountId, afterPostingId: 0n }] })).then(
        (movements) => movements.get(accountId) ?? [],
      )
    const before = total(await cutNow())
    let commit!: () => void
    const committing = new Promise<void>((resolve) => {
      commit = resolve
    })
    let posted!: () => void
    const postedYet = new Promise<void>((resolve) => {
      posted = resolve
    })
    // A payment posted in another transaction that has not committed when the cut is taken.
    const writer = run(async (tx) => {
      await ledger.postJournal({ tx, journal: payment(accountId, 701n), actor, at })
      posted()
      await committing
    })
    await postedYet
    let cut = false
    const reader = cutNow().then((movements) => {
      cut = true
      return movements
    })
    await new Promise((resolve) => setTimeout(resolve, 300))
    // Without the lock the cut would be taken now, leaving out a posting whose id is lower than the
    // next one it sees: a statement's cut-off with a hole in it.
    expect(cut).toBe(false)
    commit()
    await writer
    // Movements of one kind in a row are grouped, so the payment shows in the total: 701 less owed.
    expect(total(await reader) - before).toBe(-701n)
  })
})
