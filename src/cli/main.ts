import { Command } from 'commander'
import { registerCommands } from './commands.js'

const program = new Command()
  .name('cuttle')
  .description('Cuttle: the operating system for an energy retailer')
  .showHelpAfterError()
registerCommands(program)

try {
  await program.parseAsync(process.argv)
} catch (error) {
  console.error(`cuttle: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = process.exitCode || 1
}
