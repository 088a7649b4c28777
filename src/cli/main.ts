import { readFileSync } from 'node:fs'
import { Command } from 'commander'
import { redactedMessage } from '../api/logging.js'
import { registerCommands } from './commands.js'

// Read at run time rather than imported, so the version shown is the installed package.json's.
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string
}

const program = new Command()
  .name('cuttle')
  .description('Cuttle: the operating system for an energy retailer')
  .version(version, '-V, --version', 'print the version of Cuttle')
  .showHelpAfterError()
registerCommands(program)

try {
  await program.parseAsync(process.argv)
} catch (error) {
  // A database error's message may quote a value it refused; print it as the logs do (SEC-1).
  console.error(`cuttle: ${redactedMessage(error instanceof Error ? error.message : String(error))}`)
  process.exitCode = process.exitCode || 1
}
