/**
 * What a file is, from its first bytes, for the attachment allow-list: PDF, PNG, JPEG and plain
 * text. The type a client declares is never trusted on its own. Pure.
 */
import type { AttachmentContentType } from './types.js'

/** The largest attachment kept: 5 MB. */
export const maxAttachmentBytes = 5 * 1024 * 1024

export const allowedContentTypes: readonly AttachmentContentType[] = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'text/plain',
]

const startsWith = (content: Uint8Array, signature: readonly number[]) =>
  content.length >= signature.length && signature.every((byte, index) => content[index] === byte)

/**
 * Plain text: valid UTF-8 with no control characters other than tab, line feed, carriage return
 * and form feed (a binary file almost always has a NUL or another control byte early on).
 */
function isPlainText(content: Uint8Array): boolean {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content)
  } catch {
    return false
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  return !/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.test(text)
}

/** The allowed type the bytes are, or null when they are none of them. */
export function sniffContentType(content: Uint8Array): AttachmentContentType | null {
  if (startsWith(content, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf' // %PDF-
  if (startsWith(content, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (startsWith(content, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (content.length > 0 && isPlainText(content)) return 'text/plain'
  return null
}
