import { createHash, randomBytes } from 'node:crypto'
import { hash, verify } from '@node-rs/argon2'
import * as OTPAuth from 'otpauth'

/** argon2id (the library's default algorithm) with its recommended cost. */
export async function hashPassword(password: string): Promise<string> {
  return hash(password)
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

/**
 * A random bearer secret with a readable prefix (`cts_` session, `ctk_` API token, `csi_` staff invitation). Only its SHA-256
 * is stored: the secret has 256 bits of entropy, so a slow hash adds nothing.
 */
export function newSecret(prefix: 'cts' | 'ctk' | 'csi'): { secret: string; secretHash: string } {
  const secret = `${prefix}_${randomBytes(32).toString('base64url')}`
  return { secret, secretHash: hashSecret(secret) }
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32
}

function totpFor(secret: string, label: string) {
  return new OTPAuth.TOTP({ issuer: 'Cuttle', label, secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 })
}

export function totpUri(secret: string, label: string): string {
  return totpFor(secret, label).toString()
}

/** Accepts the code of the current 30-second step or the one either side (clock drift). */
export function verifyTotp(secret: string, code: string, at: Date): boolean {
  return totpFor(secret, 'check').validate({ token: code, timestamp: at.getTime(), window: 1 }) !== null
}

/** The code for an instant (tests, and `cuttle users totp`). */
export function totpCode(secret: string, at: Date): string {
  return totpFor(secret, 'check').generate({ timestamp: at.getTime() })
}

let dummyHash: Promise<string> | undefined

/** Spend the time of a real password check, so response times do not reveal which logins exist. */
export async function spendDummyPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('a password nobody has')
  await verifyPassword(await dummyHash, password)
}
