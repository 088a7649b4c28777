/**
 * API benchmark: 100,000 demo accounts on PostgreSQL; autocannon against the account overview and
 * search, signed in and audited, each compared with a bare endpoint doing SELECT 1 (/health) measured
 * in the same run. Prints figures; asserts nothing.
 *
 *   DATABASE_URL=postgres://… BENCH_ACCOUNTS=100000 BENCH_SECONDS=10 npm run bench:api
 */
import autocannon from 'autocannon'
import { buildApp } from '../src/api/app.js'
import { analyze, connect, migrate } from '../src/db/index.js'
import { demoAccountNumber, demoPassword, generateCustomer, seedDemo } from '../src/demo/index.js'

const databaseUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test'
const accounts = Number(process.env['BENCH_ACCOUNTS'] ?? 100_000)
const seconds = Number(process.env['BENCH_SECONDS'] ?? 10)
const connections = Number(process.env['BENCH_CONNECTIONS'] ?? 32)
const schema = `bench_api_${accounts}`

const database = await connect({ databaseUrl, schema, poolSize: connections })
await migrate(database)
const seedStarted = Date.now()
let lastPrint = 0
const report = await seedDemo({
  db: database.db,
  accounts,
  at: new Date(),
  onProgress: (done, total) => {
    if (Date.now() - lastPrint > 5000 || done === total) {
      console.log(`seeding: ${done}/${total} accounts`)
      lastPrint = Date.now()
    }
  },
})
console.log(
  `seeded ${report.accountsCreated} new accounts in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s (${report.accountsTotal} in schema ${schema})`,
)

await analyze(database.db)
const app = await buildApp({ database, webRoot: null })
await app.listen({ port: 0, host: '127.0.0.1' })
const address = app.server.address()
if (!address || typeof address !== 'object') throw new Error('no port')
const base = `http://127.0.0.1:${address.port}`

const signIn = await fetch(`${base}/api/session`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: 'agent@goodeggenergy.example', password: demoPassword }),
})
const cookie = signIn.headers.get('set-cookie')?.split(';')[0]
if (!cookie) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`)

let counter = 0
const nextIndex = () => {
  counter = (counter * 1_103_515_245 + 12_345) % 2_147_483_648
  return counter % report.accountsTotal
}
const surnames = Array.from({ length: 200 }, (_, i) => generateCustomer({ seed: 1, index: i + 1 }))
  .filter((c) => c.familyName)
  .map((c) => c.familyName ?? '')
// A transposed pair of letters: what an agent mistypes.
const misspell = (word: string) => (word.length > 4 ? `${word.slice(0, 2)}${word[3]}${word[2]}${word.slice(4)}` : word)

interface Scenario {
  name: string
  path: () => string
}
const scenarios: Scenario[] = [
  { name: 'baseline GET /health (SELECT 1)', path: () => '/health' },
  { name: 'account overview', path: () => `/api/accounts/${demoAccountNumber({ seed: 1, index: nextIndex() })}` },
  {
    name: 'search: exact account number',
    path: () => `/api/accounts?q=${demoAccountNumber({ seed: 1, index: nextIndex() })}`,
  },
  {
    name: 'search: exact email',
    path: () =>
      `/api/accounts?q=${encodeURIComponent(generateCustomer({ seed: 1, index: nextIndex() }).emails[0]?.address ?? 'x@example.com')}`,
  },
  {
    name: 'search: misspelt surname (fuzzy)',
    path: () => `/api/accounts?q=${encodeURIComponent(misspell(surnames[nextIndex() % surnames.length] ?? 'Smith'))}`,
  },
]

async function run(scenario: Scenario) {
  const result = await autocannon({
    url: base,
    connections,
    duration: seconds,
    headers: { cookie },
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: scenario.path() }) }],
  })
  return {
    name: scenario.name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  }
}

const results = []
for (const scenario of scenarios) {
  // A short warm-up so caches and the pool are in their steady state.
  await autocannon({ url: `${base}${scenario.path()}`, connections, duration: 2, headers: { cookie } })
  results.push(await run(scenario))
}
const baseline = results[0]
console.log(
  `\n${accounts} accounts, PostgreSQL, ${connections} connections, ${seconds} s each, signed in as an agent, every request audited`,
)
console.log('| scenario | req/s | p50 ms | p97.5 ms | p99 ms | non-2xx+errors | req/s vs SELECT 1 |')
console.log('|---|---|---|---|---|---|---|')
for (const r of results) {
  const ratio = baseline ? (r.rps / baseline.rps).toFixed(2) : '-'
  console.log(`| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p97_5} | ${r.p99} | ${r.errors} | ${ratio} |`)
}
await app.close()
await database.close()
