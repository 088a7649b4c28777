import { type Command, InvalidArgumentError, type Option } from 'commander'
import { type SimulationReport, simulate, simulationParts } from '../jobs/index.js'
import { countAccounts } from '../modules/accounts/index.js'
import { commsTransports } from '../usecases/index.js'
import { cliConfig, localDateArgument, withDatabase } from './context.js'
import { demoDays } from './demo.js'
import { withProgress } from './progress.js'

function dayCount(value: string): number {
  const days = Number(value)
  if (!Number.isInteger(days) || days < 1 || days > 3660)
    throw new InvalidArgumentError('a whole number of days, 1 to 3660')
  return days
}

/** Where a simulation's time went, e.g. `billing 12.3 s, money 4.0 s, …`, the largest first. */
export function simulationTimes(report: SimulationReport): string {
  return simulationParts
    .map((part) => [part, report.milliseconds[part]] as const)
    .filter(([, ms]) => ms >= 50)
    .sort((a, b) => b[1] - a[1])
    .map(([part, ms]) => `${part} ${(ms / 1000).toFixed(1)} s`)
    .join(', ')
}

/** `cuttle simulate`: run days through the morning jobs on a data folder, with a progress bar. */
export function registerSimulateCommand(program: Command, dataDirOption: Option) {
  program
    .command('simulate')
    .description(
      'advance a clock day by day from --from through the jobs a supplier runs each morning (adequacy review, billing run, money day, statement notices) and deliver their messages',
    )
    .requiredOption('--from <date>', 'the first local day, YYYY-MM-DD', localDateArgument)
    .requiredOption('--days <n>', 'how many days', dayCount)
    .option(
      '--demo-data [seed]',
      "the demo's smart homes report each day's half hours and monthly reads, and its customers pay their bills (seed, default 1)",
    )
    .addOption(dataDirOption)
    .action(async (options: { from: string; days: number; demoData?: string | boolean; dataDir?: string }) => {
      const seed =
        options.demoData === undefined || options.demoData === false
          ? null
          : Number(options.demoData === true ? 1 : options.demoData)
      if (seed !== null && !Number.isSafeInteger(seed))
        throw new InvalidArgumentError('--demo-data takes a whole number seed')
      await withDatabase(options, async (database) => {
        const demo =
          seed === null ? {} : demoDays({ database, seed, accounts: await countAccounts(database.db), arrivals: true })
        const report = await withProgress('days', (onProgress) =>
          simulate({
            database,
            from: options.from,
            days: options.days,
            transports: commsTransports(cliConfig(options).smtp),
            onDay: (done) => onProgress(done, options.days),
            ...demo,
          }),
        )
        console.log(
          `simulated ${report.days} days from ${options.from}: ${report.statementsIssued} statements issued, ${report.statementsHeld} held, ${report.billingFailures} failed; ${report.directDebitsCollected} Direct Debits collected; ${report.adequacyReviews} adequacy reviews; ${report.noticesEmailed} statement emails and ${report.noticesPosted} letters; ${report.messagesSent} messages sent, ${report.messagesFailed} failed; ${report.customerActions} customer actions`,
        )
        console.log(`time: ${simulationTimes(report)}`)
        if (report.billingFailures > 0 || report.messagesFailed > 0) process.exitCode = 1
      })
    })
}
