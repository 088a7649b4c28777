import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { tarWithout } from './testing.js'

/** The names in a tar archive, read the way tarWithout reads them. */
function names(tar: Uint8Array): string[] {
  const found: string[] = []
  tarWithout(tar, (name) => {
    found.push(name)
    return false
  })
  return found
}

/** A one-file ustar entry: a header naming it with its size, then its contents padded to 512 bytes. */
function entry(name: string, contents: string): Uint8Array {
  const body = new TextEncoder().encode(contents)
  const header = new Uint8Array(512)
  header.set(new TextEncoder().encode(name), 0)
  header.set(new TextEncoder().encode(`${body.length.toString(8).padStart(11, '0')}\0`), 124)
  const padded = new Uint8Array(Math.ceil(body.length / 512) * 512)
  padded.set(body)
  return new Uint8Array([...header, ...padded])
}

describe('the test template', () => {
  it('drops the entries asked for and keeps the rest whole', () => {
    const tar = new Uint8Array([
      ...entry('a.txt', 'first'),
      ...entry('b.txt', 'x'.repeat(700)),
      ...new Uint8Array(1024),
    ])
    const trimmed = tarWithout(tar, (name) => name === 'a.txt')
    expect(names(trimmed)).toEqual(['b.txt'])
    expect(trimmed.length).toBe(512 + 1024 + 1024)
    expect(new TextDecoder().decode(trimmed.subarray(512, 512 + 700))).toBe('x'.repeat(700))
  })

  it.skipIf(Boolean(process.env['DATABASE_URL']))(
    'keeps one write-ahead log segment and no template databases on PGlite',
    () => {
      const file = process.env['CUTTLE_TEST_TEMPLATE']
      expect(file, 'the global setup names the template').toBeTruthy()
      const inside = names(new Uint8Array(readFileSync(file as string)))
      expect(inside.filter((name) => /pg_wal\/[0-9A-F]{24}$/.test(name))).toHaveLength(1)
      // base/5 is the postgres database the tests use; base/1 and base/4 were template1 and template0.
      expect(inside.some((name) => /(^|\/)base\/5\//.test(name))).toBe(true)
      expect(inside.some((name) => /(^|\/)base\/[14]\//.test(name))).toBe(false)
    },
  )
})
