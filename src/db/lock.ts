/**
 * One process per PGlite data folder (issue 19, hole 11). PGlite keeps the whole database in the
 * memory of the process that opened it and writes it back to the folder, so a second process on the
 * same folder would silently lose one side's writes. The first process holds `<dataDir>/cuttle.lock`
 * (its PID); the next is refused with a message naming that PID. A lock left by a process that died
 * (kill -9, a crash) is taken over.
 */
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Conflict, withCode } from '../shared/errors.js'

export class DataFolderInUse extends withCode(Conflict, 'DATA_FOLDER_IN_USE') {}

export interface FolderLock {
  readonly path: string
  /** Give the folder up (idempotent). */
  release(): void
}

/** Lock files this process holds: its own PID in a file it does not hold is left from an earlier life (a container restarted). */
const held = new Set<string>()

function holderOf(path: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10)
    return Number.isInteger(pid) && pid > 0 ? pid : null
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

function isAlive(pid: number, path: string): boolean {
  if (pid === process.pid) return held.has(path)
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Take the folder's lock for this process.
 * @throws DataFolderInUse when a live process holds it
 */
export function lockDataFolder(dir: string): FolderLock {
  const path = join(dir, 'cuttle.lock')
  // The PID is written to a file of our own first and linked into place, so the lock appears
  // complete or not at all (link fails if the lock exists): no one ever reads a half-written lock.
  const mine = `${path}.${process.pid}`
  writeFileSync(mine, `${process.pid}\n`)
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(mine, path)
        break
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      }
      const holder = holderOf(path)
      if (holder !== null && isAlive(holder, path)) {
        throw new DataFolderInUse(
          `The data folder ${dir} is in use by another Cuttle process (PID ${holder}): stop it first, or give this one another CUTTLE_DATA_DIR`,
          [{ path: 'dataDir', message: `locked by PID ${holder}` }],
        )
      }
      if (attempt >= 2) throw new DataFolderInUse(`Could not take the lock on the data folder ${dir}`)
      // Left by a process that is gone: move it aside and take over. Should another process have
      // taken it over in between, what we moved is its live lock: put that back and try again.
      const aside = `${path}.stale.${process.pid}`
      try {
        renameSync(path, aside)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue
        throw error
      }
      if (holderOf(aside) !== holder) {
        try {
          linkSync(aside, path)
        } catch {
          // Someone else holds it now; the next round reports them.
        }
      }
      unlinkSync(aside)
    }
  } finally {
    unlinkSync(mine)
  }
  held.add(path)
  const onExit = () => release()
  process.once('exit', onExit)
  function release() {
    if (!held.delete(path)) return
    process.removeListener('exit', onExit)
    try {
      if (holderOf(path) === process.pid) unlinkSync(path)
    } catch {
      // Already gone: nothing to give up.
    }
  }
  return { path, release }
}
