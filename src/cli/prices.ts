import { readFileSync } from 'node:fs'
import type { Command, Option } from 'commander'
import type * as tariffs from '../modules/tariffs/index.js'
import { importPriceChange } from '../usecases/index.js'
import { localDateArgument, reportRefusal, withDatabase } from './context.js'

/** The diff of a price change as lines of text: one per price, old → new inc VAT (exc VAT after). */
export function diffLines(prices: readonly tariffs.PriceDiff[]): string[] {
  return prices.map((price) => {
    const old = price.oldIncVat === null ? 'new' : `${price.oldIncVat}p`
    const method = price.paymentMethod ?? 'ANY'
    return `line ${String(price.line).padStart(4)}  ${price.tariffCode.padEnd(30)} ${price.kind.padEnd(15)} ${method.padEnd(16)} ${old} → ${price.valueIncVat}p inc VAT (${price.oldExcVat ?? '-'} → ${price.valueExcVat}p exc)`
  })
}

export function registerPriceCommands(program: Command, dataDirOption: Option) {
  const command = program.command('prices').description('price changes (issue 22)')
  command
    .command('import <file>')
    .description(
      'check a price-change CSV and print the diff against the prices in force (a dry run: nothing is written); with --submit, store it for a second pricing analyst to approve',
    )
    .requiredOption(
      '--effective <date>',
      'the local date the prices change from (YYYY-MM-DD, in the future)',
      localDateArgument,
    )
    .option('--submit <email>', 'store the change for approval as this pricing analyst')
    .option('--note <text>', 'a note for the approver')
    .addOption(dataDirOption)
    .action(async (file: string, options: { effective: string; submit?: string; note?: string; dataDir?: string }) => {
      let csv: string
      try {
        csv = readFileSync(file, 'utf8')
      } catch (error) {
        console.error(`cannot read ${file}: ${(error as Error).message}`)
        process.exitCode = 1
        return
      }
      await withDatabase(options, async (database) => {
        try {
          const result = await importPriceChange({
            db: database.db,
            csv,
            effectiveDate: options.effective,
            note: options.note,
            submitAs: options.submit,
            at: new Date(),
          })
          const prices = result.submitted ? result.priceChange.prices : result.prices
          const summary = result.submitted ? result.priceChange.summary : result.summary
          for (const line of diffLines(prices)) console.log(line)
          console.log(
            `${prices.length} prices from ${options.effective}: ${summary.up} up, ${summary.down} down, ${summary.same} unchanged, ${summary.new} new`,
          )
          console.log(
            result.submitted
              ? `submitted as ${result.priceChange.number}: a second pricing analyst approves it in the console`
              : 'dry run: nothing was written (add --submit <email> to store it for approval)',
          )
        } catch (error) {
          reportRefusal(error)
        }
      })
    })
}
