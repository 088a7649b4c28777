import { type Command, InvalidArgumentError, type Option } from 'commander'
import { inTransaction } from '../db/index.js'
import { startJobs } from '../jobs/index.js'
import { systemActor } from '../shared/actor.js'
import { DomainError } from '../shared/errors.js'
import { formatMoney, money } from '../shared/money.js'
import { localDateOf } from '../shared/time.js'
import {
  type AccountCall,
  billAccountNow,
  changeBillingProfile,
  commsTransports,
  finalBill,
  runBilling,
  sendStatementNotices,
} from '../usecases/index.js'
import { cliConfig, localDateArgument, reportRefusal, withDatabase } from './context.js'
import { withProgressOn } from './progress.js'

const cliActor = systemActor('cli')

export function registerBillingCommands(program: Command, dataDirOption: Option) {
  const bill = program.command('bill').description('statements: billing runs and single accounts')
  bill
    .command('run')
    .description('bill every domestic account whose cycle day is the date (resumable: run it again to finish)')
    .option(
      '--date <date>',
      'the local date of the run (default today); periods end at its midnight',
      localDateArgument,
    )
    .option('--concurrency <n>', 'accounts billed at the same time', (v) => Number.parseInt(v, 10), 4)
    .addOption(dataDirOption)
    .action(async (options: { date?: string; concurrency: number; dataDir?: string }) => {
      await withDatabase(options, async (database) => {
        const summary = await withProgressOn(options.date, 'accounts', (when) =>
          runBilling({ db: database.db, concurrency: options.concurrency, actor: cliActor, ...when }),
        )
        console.log(
          `billing run ${summary.on}: ${summary.accountsDue} accounts due — ${summary.issued} statements issued, ${summary.held} held for review, ${summary.skipped} skipped, ${summary.failed} failed`,
        )
        for (const problem of summary.problems.slice(0, 20)) {
          console.log(`  ${problem.accountNumber}: ${problem.code} ${problem.message}`)
        }
        if (summary.failed > 0) process.exitCode = 1
      })
    })
  bill
    .command('notices')
    .description(
      'tell the customers of statements issued in the last week that have no notice yet (email, or the statement by post)',
    )
    .addOption(dataDirOption)
    .action(async (options: { dataDir?: string }) => {
      await withDatabase(options, async (database) => {
        // The messages become delivery jobs; the server's worker (`cuttle start`) sends them.
        const jobs = await startJobs({ database, transports: commsTransports(cliConfig(options).smtp), work: false })
        try {
          const summary = await sendStatementNotices({ db: database.db, queue: jobs.deliveryQueue, at: new Date() })
          console.log(
            `statement notices: ${summary.looked} statements looked at — ${summary.emailed} emailed, ${summary.posted} posted, ${summary.failed.length} failed`,
          )
          for (const failure of summary.failed.slice(0, 20)) console.log(`  ${failure.number}: ${failure.reason}`)
          if (summary.failed.length > 0) process.exitCode = 1
        } finally {
          await jobs.stop()
        }
      })
    })
  /**
   * Bill the account numbered `account` (a use case returning the statement) as the CLI, now; print the
   * statement, and fail on a refusal.
   */
  const billOne = async (
    account: string,
    options: { dataDir?: string },
    work: (call: AccountCall) => ReturnType<typeof billAccountNow>,
  ) => {
    await withDatabase(options, async (database) => {
      try {
        const at = new Date()
        const { statement, created } = await inTransaction(database.db, (tx) =>
          work({ tx, accountNumber: account.toUpperCase(), actor: cliActor, at }),
        )
        const total = formatMoney(money(statement.totalMinor, statement.currency as 'GBP'))
        console.log(
          `${created ? 'made' : 'already there:'} ${statement.number} (${statement.status}) for ${localDateOf(statement.periodFrom)} to ${localDateOf(statement.periodTo)}: ${total}`,
        )
        for (const reason of statement.holdReasons) console.log(`  held: ${reason.code} — ${reason.message}`)
      } catch (error) {
        if (!(error instanceof DomainError)) throw error
        console.error(`${error.code}: ${error.message}`)
        process.exitCode = 1
      }
    })
  }
  bill
    .command('account <account>')
    .description('bill one account now, up to the start of --on (default today)')
    .option('--on <date>', 'the period ends at this local midnight', localDateArgument)
    .addOption(dataDirOption)
    .action((account: string, options: { on?: string; dataDir?: string }) =>
      billOne(account, options, (call) => billAccountNow({ ...call, on: options.on })),
    )
  bill
    .command('final <account>')
    .description(
      'final bill (BIL-7): bill to the start of --moved-out, estimating the final read if none, and settle the balance',
    )
    .requiredOption('--moved-out <date>', 'the first local date the account is no longer supplied', localDateArgument)
    .addOption(dataDirOption)
    .action((account: string, options: { movedOut: string; dataDir?: string }) =>
      billOne(account, options, (call) => finalBill({ ...call, moveOutOn: options.movedOut })),
    )
  bill
    .command('profile <account>')
    .description(
      'how an account is billed: cycle day, payment method, migrated (from its transfer reading), shell, reading prevented',
    )
    .option('--cycle-day <n>', 'day of the month, 1 to 28', (v) => Number.parseInt(v, 10))
    .option('--payment-method <method>', 'DIRECT_DEBIT or NON_DIRECT_DEBIT')
    .option('--migrated <instant>', 'migrated: bill from the transfer reading taken at this ISO instant')
    .option('--shell', 'a shell account: it carries a debt only and is never billed')
    .option('--native', 'an account opened here (undo --migrated or --shell)')
    .option('--reading-prevented <yes|no>', 'the customer prevented the meter reading (backbilling exception)')
    .addOption(dataDirOption)
    .action(
      async (
        account: string,
        options: {
          cycleDay?: number
          paymentMethod?: string
          migrated?: string
          shell?: boolean
          native?: boolean
          readingPrevented?: string
          dataDir?: string
        },
      ) => {
        const changes: Record<string, unknown> = {}
        if (options.cycleDay !== undefined) changes['cycleDay'] = options.cycleDay
        if (options.paymentMethod) {
          if (!['DIRECT_DEBIT', 'NON_DIRECT_DEBIT'].includes(options.paymentMethod))
            throw new InvalidArgumentError('--payment-method is DIRECT_DEBIT or NON_DIRECT_DEBIT')
          changes['paymentMethod'] = options.paymentMethod
        }
        if (options.migrated) {
          const transferAt = new Date(options.migrated)
          if (Number.isNaN(transferAt.getTime())) throw new InvalidArgumentError('--migrated needs an ISO instant')
          Object.assign(changes, { origin: 'migrated', transferAt })
        }
        if (options.shell) changes['origin'] = 'shell'
        if (options.native) Object.assign(changes, { origin: 'native', transferAt: null })
        if (options.readingPrevented) changes['readingPrevented'] = options.readingPrevented === 'yes'
        await withDatabase(options, async (database) => {
          try {
            const profile = await inTransaction(database.db, (tx) =>
              changeBillingProfile({
                tx,
                accountNumber: account.toUpperCase(),
                changes,
                actor: cliActor,
                at: new Date(),
              }),
            )
            console.log(
              `${account.toUpperCase()}: cycle day ${profile.cycleDay}, ${profile.paymentMethod}, ${profile.origin}${profile.transferAt ? ` from ${profile.transferAt.toISOString()}` : ''}${profile.readingPrevented ? ', reading prevented' : ''}`,
            )
          } catch (error) {
            reportRefusal(error)
          }
        })
      },
    )
}
