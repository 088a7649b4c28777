import { describe, expect, it } from 'vitest'
import { collectionNotesOf, debtAdviceSignposts, InvalidCollectionsNote, recordCollectionsNote } from './index.js'
import { collectionsTestFile } from './testing.js'

const t = collectionsTestFile({ count: 2 })
const specialist = { kind: 'staff' as const, id: 'usr_collections' }
const at = new Date('2026-11-02T10:00:00Z')

type NoteInput = Omit<Parameters<typeof recordCollectionsNote>[0], 'tx' | 'actor' | 'at'>
const record = (note: NoteInput) => t.run((tx) => recordCollectionsNote({ tx, ...note, actor: specialist, at }))

/** The fields a refusal names, in order. */
async function refusedPaths(note: NoteInput): Promise<string[]> {
  const error = await record(note).then(
    () => null,
    (thrown: unknown) => thrown,
  )
  expect(error).toBeInstanceOf(InvalidCollectionsNote)
  return ((error as InvalidCollectionsNote).details as { path: string }[]).map((problem) => problem.path)
}

describe('recordCollectionsNote (COL-4)', () => {
  it('names every field that is wrong, and writes nothing', async () => {
    const accountId = t.freshAccount()
    expect(await refusedPaths({ accountId, kind: 'affordability', body: ' ' })).toEqual(['body', 'affordability'])
    expect(
      await refusedPaths({
        accountId,
        kind: 'affordability',
        body: 'Spoke to the customer',
        affordability: { monthlyIncomeMinor: 150_000n, monthlyOutgoingsMinor: -1n, canPayMonthlyMinor: -5n },
      }),
    ).toEqual(['affordability.monthlyOutgoingsMinor', 'affordability.canPayMonthlyMinor'])
    expect(await refusedPaths({ accountId, kind: 'debt_advice', body: 'x'.repeat(2001), signposts: [] })).toEqual([
      'body',
      'signposts',
    ])
    expect(
      await refusedPaths({
        accountId,
        kind: 'debt_advice',
        body: 'Pointed to help',
        signposts: ['stepchange', 'loan_shark'],
      }),
    ).toEqual(['signposts.1'])
    expect(await collectionNotesOf({ tx: t.database.db, accountId })).toEqual([])
  })

  it('keeps an affordability check with its amounts as exact text, newest note first', async () => {
    const accountId = t.freshAccount()
    await record({
      accountId,
      kind: 'affordability',
      body: '  Can pay a little each month  ',
      affordability: { monthlyIncomeMinor: 150_000n, monthlyOutgoingsMinor: 140_000n, canPayMonthlyMinor: 5_000n },
    })
    const codes = debtAdviceSignposts.slice(0, 2).map((signpost) => signpost.code)
    await t.run((tx) =>
      recordCollectionsNote({
        tx,
        accountId,
        kind: 'debt_advice',
        body: 'Gave the numbers',
        signposts: codes,
        actor: specialist,
        at: new Date('2026-11-02T10:05:00Z'),
      }),
    )
    const notes = await collectionNotesOf({ tx: t.database.db, accountId })
    expect(notes.map((note) => [note.kind, note.body, note.details, note.createdBy])).toEqual([
      ['debt_advice', 'Gave the numbers', { signposts: codes }, 'usr_collections'],
      [
        'affordability',
        'Can pay a little each month',
        { monthlyIncomeMinor: '150000', monthlyOutgoingsMinor: '140000', canPayMonthlyMinor: '5000' },
        'usr_collections',
      ],
    ])
  })
})
