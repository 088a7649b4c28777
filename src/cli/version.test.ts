import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const run = promisify(execFile)
const bin = new URL('../../bin/cuttle.js', import.meta.url).pathname
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string
}

describe('cuttle --version', () => {
  it('prints the version in package.json and exits successfully', async () => {
    const { stdout } = await run(process.execPath, [bin, '--version'])
    expect(stdout.trim()).toBe(version)
  })

  it('answers to -V as well', async () => {
    const { stdout } = await run(process.execPath, [bin, '-V'])
    expect(stdout.trim()).toBe(version)
  })
})
