/**
 * SEC-1: sealing sensitive personal data with AES-256-GCM. The key is passed in (the use case reads
 * it from the environment); each value gets a fresh 96-bit IV and is bound to its column and account
 * by the additional data, so a sealed value copied to another row or column does not open.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'

/** A 32-byte key from a configured secret: base64 of 32 bytes, or any passphrase hashed with SHA-256. */
export function dataKeyOf(secret: string): Buffer {
  const decoded = Buffer.from(secret, 'base64')
  return decoded.length === 32 ? decoded : createHash('sha256').update(secret).digest()
}

export function seal(key: Buffer, plaintext: string, context: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(Buffer.from(context))
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  return ['v1', iv, cipher.getAuthTag(), data]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.')
}

/** @throws Error when the value was tampered with, sealed for another context or with another key */
export function unseal(key: Buffer, sealed: string, context: string): string {
  const [version, iv, tag, data] = sealed.split('.')
  if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('not a sealed value')
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
  decipher.setAAD(Buffer.from(context))
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8')
}
