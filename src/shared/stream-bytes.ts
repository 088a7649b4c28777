import type { Readable } from 'node:stream'

/**
 * All the bytes a stream writes, once it ends (a PDF document as it is drawn, say): listen before
 * writing to it. Rejects with the stream's error.
 */
export function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = []
  stream.on('data', (chunk: Buffer) => chunks.push(chunk))
  return new Promise<Buffer>((resolve, reject) => {
    stream.on('end', () => resolve(Buffer.concat(chunks)))
    stream.on('error', reject)
  })
}
