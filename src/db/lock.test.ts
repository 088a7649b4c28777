import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { connect } from './connect.js'
import { DataFolderInUse, lockDataFolder } from './lock.js'

const folders: string[] = []
const tempFolder = () => {
  const folder = mkdtempSync(join(tmpdir(), 'cuttle-lock-'))
  folders.push(folder)
  return folder
}
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true })
})

/** The PID of a process that has run and exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', ''])
  expect(child.status).toBe(0)
  return child.pid as number
}

describe('the data folder lock', () => {
  it('refuses a second PGlite on the same folder, naming the PID that holds it, until the first closes', async () => {
    const dataDir = tempFolder()
    const first = await connect({ dataDir })
    try {
      const second = connect({ dataDir })
      await expect(second).rejects.toBeInstanceOf(DataFolderInUse)
      await expect(second).rejects.toThrow(`in use by another Cuttle process (PID ${process.pid})`)
      expect(readFileSync(join(dataDir, 'cuttle.lock'), 'utf8').trim()).toBe(String(process.pid))
    } finally {
      await first.close()
    }
    expect(existsSync(join(dataDir, 'cuttle.lock'))).toBe(false)
  })

  it('refuses a folder another live process holds', () => {
    const dataDir = tempFolder()
    // The test runner that started this worker is alive and is not us.
    writeFileSync(join(dataDir, 'cuttle.lock'), `${process.ppid}\n`)
    expect(() => lockDataFolder(dataDir)).toThrow(`(PID ${process.ppid})`)
    expect(readFileSync(join(dataDir, 'cuttle.lock'), 'utf8').trim()).toBe(String(process.ppid))
  })

  it('takes over a lock left by a process that died, and gives it up on release', () => {
    const dataDir = tempFolder()
    writeFileSync(join(dataDir, 'cuttle.lock'), `${deadPid()}\n`)
    const lock = lockDataFolder(dataDir)
    expect(readFileSync(lock.path, 'utf8').trim()).toBe(String(process.pid))
    lock.release()
    lock.release()
    expect(existsSync(lock.path)).toBe(false)
    // Free again: the next process gets it.
    lockDataFolder(dataDir).release()
  })

  it('takes over its own PID from an earlier life (a restarted container is PID 1 again)', () => {
    const dataDir = tempFolder()
    writeFileSync(join(dataDir, 'cuttle.lock'), `${process.pid}\n`)
    const lock = lockDataFolder(dataDir)
    expect(() => lockDataFolder(dataDir)).toThrow(DataFolderInUse)
    lock.release()
  })
})
