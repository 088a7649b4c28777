import { type Command, InvalidArgumentError, Option } from 'commander'
import { buildApp } from '../api/app.js'
import { connect, inTransaction, migrate } from '../db/index.js'
import {
  demoHistoryDays,
  demoPassword,
  demoPortalUsers,
  demoStaff,
  refuseDemoLogins,
  refuseDemoSeed,
} from '../demo/index.js'
import { startJobs } from '../jobs/index.js'
import * as access from '../modules/access/index.js'
import * as audit from '../modules/audit/index.js'
import * as market from '../modules/market/index.js'
import { systemActor } from '../shared/actor.js'
import { type Config, dataKeyOf } from '../shared/config.js'
import { commsTransports, defaultProcessor, replyModelFrom, verifyStatements } from '../usecases/index.js'
import { registerBillingCommands } from './billing.js'
import { addDatabaseCommand, cliConfig, withDatabase } from './context.js'
import { seedSimulatedDemo } from './demo.js'
import { registerPaymentCommands } from './payments.js'
import { registerPriceCommands } from './prices.js'
import { progressBar, withProgress } from './progress.js'
import { registerReadingCommands } from './readings.js'
import { registerSimulateCommand, simulationTimes } from './simulate.js'
import { registerSupplyCommands } from './supplies.js'
import { registerTariffCommands } from './tariffs.js'

const cliActor = systemActor('cli')

function historyDays(value: string): number {
  const days = Number(value)
  if (!Number.isInteger(days) || days < 30 || days > 365)
    throw new InvalidArgumentError('a whole number from 30 to 365')
  return days
}

function accountCount(value: string): number {
  const n = Number(value.replace(/_/g, ''))
  if (!Number.isInteger(n) || n < 0 || n > 1_000_000) throw new InvalidArgumentError('a whole number from 0 to 1000000')
  return n
}

const dataDirOption = new Option('--data-dir <dir>', 'PGlite data folder (default: CUTTLE_DATA_DIR or ./.cuttle)')

/** Seed the demo and simulate its history, with a progress bar for each; prints what it made. */
async function seed(
  database: Parameters<Parameters<typeof withDatabase>[1]>[0],
  accounts: number,
  seedNumber: number,
  history = demoHistoryDays,
) {
  const started = Date.now()
  const accountsBar = progressBar('accounts')
  const daysBar = progressBar('days simulated')
  const { seeded, simulated } = await seedSimulatedDemo({
    database,
    accounts,
    seed: seedNumber,
    historyDays: history,
    at: new Date(),
    transports: commsTransports(cliConfig().smtp),
    onSeed: (done, total) => accountsBar.update(done, total),
    onDay: (done, total) => {
      accountsBar.stop()
      daysBar.update(done, total)
    },
  }).finally(() => {
    accountsBar.stop()
    daysBar.stop()
  })
  console.log(
    `supplier ${seeded.supplierCreated ? 'created' : 'kept'}; ${seeded.staffCreated} staff created; ${seeded.accountsCreated} accounts created (${seeded.accountsTotal} in all); ${seeded.meterPointsCreated} meter points, ${seeded.intervalsCreated} half-hourly readings added`,
  )
  if (simulated.days > 0) {
    console.log(
      `simulated ${simulated.days} days: ${simulated.statementsIssued} statements issued, ${simulated.statementsHeld} held; ${simulated.directDebitsCollected} Direct Debits collected; ${simulated.customerActions} customer actions (payments, messages, calls, moves, tariff switches); ${simulated.messagesSent} messages sent (${Math.round((Date.now() - started) / 1000)} s in all; ${simulationTimes(simulated)})`,
    )
  }
}

async function serve(
  database: Parameters<Parameters<typeof withDatabase>[1]>[0],
  config: Config,
  showDemoLogins: boolean,
) {
  // Production never serves the demo's logins: their password is in the source and printed below.
  if (config.production) await refuseDemoLogins({ db: database.db })
  // One set of transports (one SMTP connection pool) for the whole process, built from configuration.
  const transports = commsTransports(config.smtp)
  // Scheduled work and the delivery worker; CUTTLE_JOBS=0 leaves them to another process (this one
  // still enqueues a delivery job for each message its routes queue).
  const jobs = await startJobs({ database, transports, work: config.jobs })
  const app = await buildApp({
    database,
    logger: config.log,
    publicUrl: config.publicUrl,
    secureCookies: config.https,
    dataKey: dataKeyOf(config),
    transports,
    deliveryQueue: jobs.deliveryQueue,
    replyModel: replyModelFrom(config.replyModel),
    paymentProcessor: defaultProcessor(config.paymentProcessor),
    signInLimits: config.signInLimits,
    bodyTimeoutMs: config.bodyTimeoutMs,
    trustProxy: config.trustProxy,
  })
  await app.listen({ port: config.port, host: config.host })
  const address = app.server.address()
  const actualPort = typeof address === 'object' && address ? address.port : config.port
  // With PORT=0 the default public URL cannot know the port the system picked.
  const shownUrl = config.port === 0 ? `http://localhost:${actualPort}` : config.publicUrl
  console.log(`\nCuttle is running at ${shownUrl}  (API docs: ${shownUrl}/docs)`)
  console.log(`Listening on ${config.host}:${actualPort}${config.production ? ' (production)' : ''}`)
  console.log(
    `Database: ${database.backend === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)'}`,
  )
  if (config.jobs) {
    console.log(
      'Jobs: the billing run daily at 06:00 (Europe/London); payments, Direct Debits, arrangements and collections at 07:00; statement notices every 15 minutes',
    )
  }
  if (!config.production && showDemoLogins) {
    console.log(`\nDemo logins (password for all: ${demoPassword}):`)
    for (const person of demoStaff) console.log(`  ${access.roleInfo(person.role).label.padEnd(28)} ${person.email}`)
    console.log(`\nCustomer portal at http://localhost:${actualPort}/portal (same password):`)
    console.log(`  Account holder               ${demoPortalUsers.holder}`)
    console.log(`  Authorized user (limited)    ${demoPortalUsers.limited}`)
    console.log(`  Property manager             ${demoPortalUsers.propertyManager}`)
  }
  await new Promise<void>((resolve) => {
    const stop = () => resolve()
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  await app.close()
  await jobs.stop()
}

export function registerCommands(program: Command) {
  program
    .command('migrate')
    .description('apply the database migrations not yet applied')
    .addOption(dataDirOption)
    .action(async (options: { dataDir?: string }) => {
      const config = cliConfig(options)
      const database = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
      try {
        const { applied } = await migrate(database)
        console.log(applied.length ? `applied ${applied.join(', ')}` : 'the database is up to date')
      } finally {
        await database.close()
      }
    })

  program
    .command('seed')
    .description('seed the demo supplier Good Egg Energy: staff for every role and generated customers (resumable)')
    .option('--accounts <n>', 'how many demo accounts (100 to 1000000)', accountCount, 1000)
    .option('--seed <n>', 'the generator seed: the same seed gives the same data', (v) => Number.parseInt(v, 10), 1)
    .option('--history-days <n>', 'how many days of history to simulate (30 to 365)', historyDays, demoHistoryDays)
    .addOption(dataDirOption)
    .action(async (options: { accounts: number; seed: number; historyDays: number; dataDir?: string }) => {
      if (cliConfig(options).production) refuseDemoSeed()
      await withDatabase(options, async (database) => {
        await seed(database, options.accounts, options.seed, options.historyDays)
      })
    })

  program
    .command('supplier')
    .description('name the supplier and its market (what production runs once instead of the demo seed)')
    .requiredOption('--name <name>', 'the trading name')
    .addOption(new Option('--market <market>', 'the market profile').choices([...market.markets]).default('gb'))
    .addOption(dataDirOption)
    .action(async (options: { name: string; market: market.Market; dataDir?: string }) => {
      await withDatabase(options, async (database) => {
        const supplier = await inTransaction(database.db, (tx) =>
          market.configureSupplier({ tx, name: options.name, market: options.market, actor: cliActor, at: new Date() }),
        )
        console.log(`supplier ${supplier.name} (${supplier.market})`)
      })
    })

  program
    .command('serve')
    .description('serve the API and the console (PORT, default 3000)')
    .addOption(dataDirOption)
    .action(async (options: { dataDir?: string }) => {
      await withDatabase(options, (database) => serve(database, cliConfig(options), false))
    })

  program
    .command('start')
    .description('migrate, seed the demo data if missing (never in production), and serve: what `npm start` runs')
    .option('--accounts <n>', 'demo accounts to seed when missing', accountCount, 1000)
    .addOption(dataDirOption)
    .action(async (options: { accounts: number; dataDir?: string }) => {
      const config = cliConfig(options)
      await withDatabase(options, async (database) => {
        if (!config.production) await seed(database, options.accounts, 1)
        await serve(database, config, true)
      })
    })

  const users = program.command('users').description('staff users')
  addDatabaseCommand(
    users,
    { name: 'list', description: 'list staff users with their roles', dataDirOption },
    async (database) => {
      for (const user of await access.listStaffUsers(database.db)) {
        console.log(`${user.id}  ${user.role.padEnd(24)} ${user.email}  ${user.displayName}`)
      }
    },
  )
  users
    .command('create')
    .description('create a staff user (the password comes from --password or CUTTLE_PASSWORD)')
    .requiredOption('--email <email>')
    .requiredOption('--name <name>', 'display name')
    .addOption(new Option('--role <role>').choices([...access.roles]).makeOptionMandatory())
    .option('--password <password>')
    .addOption(dataDirOption)
    .action(async (options: { email: string; name: string; role: string; password?: string; dataDir?: string }) => {
      const password = options.password ?? cliConfig().password
      if (!password) throw new Error('give the password with --password or CUTTLE_PASSWORD')
      await withDatabase(options, async (database) => {
        const user = await inTransaction(database.db, (tx) =>
          access.createStaffUser({
            tx,
            email: options.email,
            displayName: options.name,
            role: options.role,
            password,
            actor: cliActor,
            at: new Date(),
          }),
        )
        console.log(`created ${user.id} ${user.email} (${access.roleInfo(user.role).label})`)
      })
    })

  const tokens = program.command('tokens').description('API tokens for integrations')
  tokens
    .command('create')
    .description('issue an API token acting as a staff user (their permissions, or a subset); prints the secret once')
    .requiredOption('--user <email>', 'the staff user the token acts as')
    .requiredOption('--name <name>', 'what the token is for')
    .option('--expires-days <n>', `days until it expires (default and most: ${access.maxTokenLifetimeDays})`, (v) =>
      Number.parseInt(v, 10),
    )
    .option('--permissions <list>', 'comma-separated permissions (default: all of the role but approvals)')
    .addOption(dataDirOption)
    .action(
      async (options: { user: string; name: string; expiresDays?: number; permissions?: string; dataDir?: string }) => {
        await withDatabase(options, async (database) => {
          const user = await access.findStaffUser(database.db, options.user)
          if (!user) throw new Error(`no staff user ${options.user}`)
          const at = new Date()
          const expiresAt = options.expiresDays ? new Date(at.getTime() + options.expiresDays * 86_400_000) : undefined
          const permissions = options.permissions?.split(',').map((name) => name.trim())
          const token = await inTransaction(database.db, (tx) =>
            access.createApiToken({
              tx,
              userId: user.id,
              name: options.name,
              permissions,
              expiresAt,
              actor: cliActor,
              at,
            }),
          )
          console.log(token.token)
          console.error(
            `token ${token.id} for ${user.email}, expires ${token.expiresAt.toISOString()}, ${token.permissions.length} permissions; send it as "Authorization: Bearer <token>"`,
          )
        })
      },
    )
  addDatabaseCommand(
    tokens,
    { name: 'list', description: 'list API tokens (never their secrets)', dataDirOption },
    async (database) => {
      for (const token of await access.listApiTokens(database.db)) {
        const state = token.revokedAt ? 'revoked' : `expires ${token.expiresAt.toISOString()}`
        console.log(`${token.id}  ${token.name}  ${token.userId ?? token.serviceAccountId}  ${state}`)
      }
    },
  )
  tokens
    .command('revoke')
    .description('revoke an API token')
    .argument('<tokenId>')
    .addOption(dataDirOption)
    .action(async (tokenId: string, options: { dataDir?: string }) => {
      await withDatabase(options, async (database) => {
        await inTransaction(database.db, (tx) =>
          access.revokeApiToken({ tx, tokenId, actor: cliActor, at: new Date() }),
        )
        console.log(`revoked ${tokenId}`)
      })
    })

  registerReadingCommands(program, dataDirOption)
  registerSupplyCommands(program, dataDirOption)
  registerTariffCommands(program, dataDirOption)
  registerPriceCommands(program, dataDirOption)
  registerBillingCommands(program, dataDirOption)
  registerSimulateCommand(program, dataDirOption)
  registerPaymentCommands(program, dataDirOption)

  const auditCommand = program.command('audit').description('the audit log')
  addDatabaseCommand(
    auditCommand,
    {
      name: 'verify',
      description: 'check the audit hash chain and report the first broken link (exit code 1 if any)',
      dataDirOption,
    },
    async (database) => {
      const report = await withProgress('events', (onProgress) => audit.verifyChain({ db: database.db, onProgress }))
      if (report.ok) {
        console.log(`the audit chain holds: ${report.checked} events, last hash ${report.lastHash}`)
      } else {
        console.error(`the audit chain is broken at event ${report.brokenAtSeq} (${report.eventId}): ${report.message}`)
        console.error(`${report.checked} events before it verified`)
        process.exitCode = 1
      }
    },
  )

  const verifyCommand = program.command('verify').description('check the books against what was sent to customers')
  addDatabaseCommand(
    verifyCommand,
    {
      name: 'statements',
      description:
        'check every issued statement against the ledger (BIL-10) and report each one that does not reconcile (exit code 1 if any)',
      dataDirOption,
    },
    async (database) => {
      const report = await withProgress('statements', (onProgress) => verifyStatements({ db: database.db, onProgress }))
      for (const statement of report.unreconciled) {
        console.error(`statement ${statement.number} does not reconcile: ${statement.problems.join('; ')}`)
      }
      const unchecked =
        report.withoutCutoff > 0 ? `; ${report.withoutCutoff} issued before cut-offs were recorded, not checked` : ''
      if (report.unreconciled.length === 0) {
        console.log(`every statement reconciles to the ledger: ${report.checked} checked${unchecked}`)
      } else {
        console.error(`${report.unreconciled.length} of ${report.checked} statements do not reconcile${unchecked}`)
        process.exitCode = 1
      }
    },
  )
}
