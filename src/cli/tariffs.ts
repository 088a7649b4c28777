import { type Command, InvalidArgumentError, type Option } from 'commander'
import { inTransaction } from '../db/index.js'
import { systemActor } from '../shared/actor.js'
import { formatMoney, money } from '../shared/money.js'
import { isLocalDate, startOfLocalDay, withLocalOffset } from '../shared/time.js'
import { accountMeterPoints, changeAccountTariff } from '../usecases/index.js'
import { reportRefusal, withDatabase } from './context.js'

const cliActor = systemActor('cli')

/** A local date (midnight in the market's time zone) or an ISO 8601 instant on a half hour. */
function changeInstant(value: string): Date {
  if (isLocalDate(value)) return startOfLocalDay(value)
  const date = new Date(value)
  if (!/T/.test(value) || Number.isNaN(date.getTime()))
    throw new InvalidArgumentError('a local date (YYYY-MM-DD) or an ISO 8601 instant')
  return date
}

export function registerTariffCommands(program: Command, dataDirOption: Option) {
  const command = program.command('tariffs').description("the tariffs an account's meter points are on")
  command
    .command('show <account>')
    .description("list the account's meter points with their tariff history")
    .addOption(dataDirOption)
    .action(async (account: string, options: { dataDir?: string }) => {
      await withDatabase(options, async (database) => {
        try {
          const points = await inTransaction(database.db, (tx) =>
            // The operator's command line sees everything, tariffs included.
            accountMeterPoints({ tx, accountNumber: account, allows: () => true, actor: cliActor, at: new Date() }),
          )
          for (const point of points) {
            console.log(`${point.identifier}  ${point.fuel} ${point.direction}`)
            for (const agreement of point.agreements ?? []) {
              const to = agreement.validTo ? withLocalOffset(agreement.validTo) : 'open'
              console.log(`  ${agreement.tariffCode.padEnd(34)} ${withLocalOffset(agreement.validFrom)} → ${to}`)
            }
          }
        } catch (error) {
          reportRefusal(error)
        }
      })
    })
  command
    .command('change <account> <meter-point> <tariff>')
    .description('move a meter point to another tariff; the current agreement ends when the new one starts')
    .requiredOption('--from <date>', 'a local date (midnight) or an instant on a half hour', changeInstant)
    .addOption(dataDirOption)
    .action(async (account: string, meterPoint: string, tariff: string, options: { from: Date; dataDir?: string }) => {
      await withDatabase(options, async (database) => {
        try {
          const { ended, started } = await inTransaction(database.db, (tx) =>
            changeAccountTariff({
              tx,
              accountNumber: account,
              meterPoint,
              tariffCode: tariff,
              from: options.from,
              actor: cliActor,
              at: new Date(),
            }),
          )
          console.log(
            `${meterPoint}: ${ended.tariffCode} ends and ${started.tariffCode} starts ${withLocalOffset(options.from)}`,
          )
          if (ended.exitFeeMinorApplied && ended.exitFeeMinorApplied > 0n) {
            console.log(`exit fee owed on the old tariff: ${formatMoney(money(ended.exitFeeMinorApplied, 'GBP'))}`)
          }
        } catch (error) {
          reportRefusal(error)
        }
      })
    })
}
