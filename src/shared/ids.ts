import { randomBytes } from 'node:crypto'

/**
 * Prefixed, time-sortable ids (`acc_01JD…`): 48 bits of milliseconds and 80 random bits in
 * Crockford base32, so ids sort by creation time and index well. Human numbers (account `A-…`)
 * are separate columns.
 */

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

export type IdPrefix = 'acc' | 'cus' | 'prop' | 'con' | 'note' | 'usr' | 'ses' | 'tok' | 'aud' | 'sup' | (string & {})

function encodeTime(ms: number): string {
  let out = ''
  let value = ms
  for (let i = 0; i < 10; i++) {
    out = alphabet[value % 32] + out
    value = Math.floor(value / 32)
  }
  return out
}

function encodeRandom(bytes: Uint8Array): string {
  // 80 bits → 16 base32 characters
  let bits = 0n
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte)
  let out = ''
  for (let i = 0; i < 16; i++) {
    out = alphabet[Number(bits & 31n)] + out
    bits >>= 5n
  }
  return out
}

let lastMs = -1
let lastRandom = new Uint8Array(10)

/** A new id with the given prefix; monotonic within one process even inside one millisecond. */
export function newId(prefix: IdPrefix, now: number = Date.now()): string {
  if (now <= lastMs) {
    // same millisecond (or clock went back): increment the random part so ids stay ordered
    const next = new Uint8Array(lastRandom)
    for (let i = next.length - 1; i >= 0; i--) {
      next[i] = (next[i]! + 1) & 0xff
      if (next[i] !== 0) break
    }
    lastRandom = next
  } else {
    lastMs = now
    lastRandom = new Uint8Array(randomBytes(10))
  }
  return `${prefix}_${encodeTime(lastMs)}${encodeRandom(lastRandom)}`
}

/** The creation instant encoded in an id made by `newId`. */
export function idTime(id: string): Date {
  const body = id.slice(id.indexOf('_') + 1, id.indexOf('_') + 11)
  let ms = 0
  for (const ch of body) ms = ms * 32 + alphabet.indexOf(ch)
  return new Date(ms)
}

export function isIdWithPrefix(value: string, prefix: IdPrefix): boolean {
  return new RegExp(`^${prefix}_[0-9A-HJKMNP-TV-Z]{26}$`).test(value)
}
