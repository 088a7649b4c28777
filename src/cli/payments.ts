import type { Command, Option } from 'commander'
import type { Database } from '../db/index.js'
import { startJobs } from '../jobs/index.js'
import { systemActor } from '../shared/actor.js'
import {
  type BatchRunSummary,
  collectDirectDebits,
  commsTransports,
  defaultProcessor,
  queuedMessagesOf,
  reviewArrangements,
  runCollections,
  syncPayments,
} from '../usecases/index.js'
import { addDatabaseCommand, addDatedDatabaseCommand, cliConfig, type DatabaseOptions } from './context.js'
import { type ProgressDay, withProgressOn } from './progress.js'

function printSummary(title: string, summary: BatchRunSummary) {
  const outcomes = Object.entries(summary.outcomes)
    .map(([outcome, count]) => `${count} ${outcome.replaceAll('_', ' ')}`)
    .join(', ')
  console.log(
    `${title} ${summary.on}: ${summary.looked} looked at — ${outcomes || 'nothing to do'}, ${summary.failed} failed`,
  )
  for (const problem of summary.problems.slice(0, 20))
    console.log(`  ${problem.id}: ${problem.code} ${problem.message}`)
  if (summary.failed > 0) process.exitCode = 1
}

/** `cuttle payments collect|sync|arrangements` and `cuttle collections run` (PAY-3, PAY-5, PAY-6, COL-1). */
export function registerPaymentCommands(program: Command, dataDirOption: Option) {
  const payments = program.command('payments').description('Direct Debit collection, processor news, arrangements')
  addBatchRunCommand(
    payments,
    {
      name: 'collect',
      description: 'collect the Direct Debits whose payment day is the date (safe to run again)',
      unit: 'Direct Debits',
      title: 'Direct Debit collection',
      dataDirOption,
    },
    (database, when) =>
      collectDirectDebits({
        db: database.db,
        processor: defaultProcessor(),
        actor: systemActor('direct-debit-run'),
        ...when,
      }),
  )
  addDatabaseCommand(
    payments,
    {
      name: 'sync',
      description: "apply the processor's news of open payments: settled, failed, returned",
      dataDirOption,
    },
    async (database) => {
      const at = new Date()
      const result = await syncPayments({
        db: database.db,
        processor: defaultProcessor(),
        actor: systemActor('payment-processor'),
        at,
      })
      console.log(`processor events: ${result.delivered} delivered, ${result.applied} changed a payment`)
    },
  )
  addDatabaseCommand(
    payments,
    {
      name: 'arrangements',
      description: 'review active payment arrangements: complete the paid, break those with a missed instalment',
      dataDirOption,
    },
    async (database) => {
      printSummary(
        'arrangement review',
        await reviewArrangements({ db: database.db, actor: systemActor('arrangement-review'), at: new Date() }),
      )
    },
  )

  const collections = program.command('collections').description('dunning: reminders, notices, late fees')
  addBatchRunCommand(
    collections,
    {
      name: 'run',
      description: 'move every past-due account one step along the dunning schedule (safe to run again)',
      unit: 'accounts',
      title: 'collections run',
      dataDirOption,
    },
    (database, when) => runCollections({ db: database.db, actor: systemActor('collections-run'), ...when }),
    async (database, summary, options) => {
      // The notices become delivery jobs; the server's worker (`cuttle start`) sends them.
      const jobs = await startJobs({ database, transports: commsTransports(cliConfig(options).smtp), work: false })
      try {
        const queued = queuedMessagesOf(summary)
        await jobs.deliveryQueue.enqueue(queued)
        console.log(`messages: ${queued.length} queued for delivery`)
      } finally {
        await jobs.stop()
      }
    },
  )
}

/**
 * Add the subcommand `name` that runs a batch for `--date` (default today) with a progress bar counting
 * `unit`, prints its summary under `title`, and then does `after` with the database still open.
 */
function addBatchRunCommand(
  parent: Command,
  { name, description, unit, title, dataDirOption }: BatchRunCommand,
  run: (database: Database, when: ProgressDay) => Promise<BatchRunSummary>,
  after?: (database: Database, summary: BatchRunSummary, options: DatabaseOptions) => Promise<void>,
): Command {
  return addDatedDatabaseCommand(parent, { name, description, dataDirOption }, async (database, options) => {
    const summary = await withProgressOn(options.date, unit, (when) => run(database, when))
    printSummary(title, summary)
    await after?.(database, summary, options)
  })
}

interface BatchRunCommand {
  name: string
  description: string
  /** What the progress bar counts. */
  unit: string
  /** The summary's first words. */
  title: string
  dataDirOption: Option
}
