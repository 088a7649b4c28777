/** What the browser tests' global setup and harness share about running `cuttle`. */
import { fileURLToPath } from 'node:url'

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url))
/** Names the folder of demo data the global setup seeds once; each file serves a copy of it. */
export const demoTemplateVariable = 'CUTTLE_BROWSER_DEMO'

/**
 * The environment `cuttle` runs in for the browser tests: PGlite in `dataDir`, and sign-in limits
 * raised, since a test signs the same demo users in many times a minute, through the page and the API
 * (the limits are the API tests' to check, not something to trip over here).
 */
export function cuttleEnv({ dataDir, port }: { dataDir: string; port?: number }): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...(port === undefined ? {} : { PORT: String(port) }),
    CUTTLE_DATA_DIR: dataDir,
    CUTTLE_SIGN_IN_LIMIT_PER_LOGIN: '1000',
    CUTTLE_SIGN_IN_LIMIT_PER_IP: '10000',
  }
  delete env['DATABASE_URL']
  return env
}
