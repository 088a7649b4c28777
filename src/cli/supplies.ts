import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import type { Command, Option } from 'commander'
import { systemActor } from '../shared/actor.js'
import { importSupplies, SuppliesFileRejected, type SupplyFileProblem, suppliesCsvHeader } from '../usecases/index.js'
import { reportRefusal, withDatabase } from './context.js'

const cliActor = systemActor('cli')

/** `cuttle supplies import FILE`: register meter points, meters and registers from a CSV, all or nothing. */
export function registerSupplyCommands(program: Command, dataDirOption: Option) {
  const supplies = program.command('supplies').description('meter points supplied to accounts')
  supplies
    .command('import <file>')
    .description(
      `register meter points with their meters and registers from a CSV, one row a register: ${suppliesCsvHeader}`,
    )
    .option('--show <n>', 'problems to print', (v) => Number.parseInt(v, 10), 50)
    .addOption(dataDirOption)
    .action(async (file: string, options: { show: number; dataDir?: string }) => {
      const text = readFileSync(file, 'utf8')
      await withDatabase(options, async (database) => {
        try {
          const loaded = await importSupplies({ db: database.db, text, actor: cliActor, at: new Date() })
          console.log(
            `supplies ${basename(file)}: ${loaded.meterPoints} meter points with ${loaded.registers} registers on ${loaded.accounts} accounts`,
          )
        } catch (error) {
          if (!(error instanceof SuppliesFileRejected)) {
            reportRefusal(error, (refusal) => `${basename(file)} was not loaded: ${refusal.message}`)
            return
          }
          console.error(`${basename(file)} was rejected whole; nothing was loaded:`)
          const problems = (error.details ?? []) as SupplyFileProblem[]
          for (const problem of problems.slice(0, options.show)) {
            console.error(`  line ${problem.line}${problem.column ? `, ${problem.column}` : ''}: ${problem.message}`)
          }
          if (problems.length > options.show) console.error(`  … and ${problems.length - options.show} more`)
          process.exitCode = 1
        }
      })
    })
}
