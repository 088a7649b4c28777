/**
 * Everything a stream writes, as one Buffer once it ends; it fails with the stream's error. A PDF
 * renderer (pdfkit writes its document in chunks) listens from the start and awaits this after
 * `end()`. No I/O of its own.
 */
export function bytesOf(stream: {
  on(event: 'data', listener: (chunk: Buffer) => void): unknown
  on(event: 'end', listener: () => void): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
}): Promise<Buffer> {
  const chunks: Buffer[] = []
  stream.on('data', (chunk) => chunks.push(chunk))
  return new Promise<Buffer>((resolve, reject) => {
    stream.on('end', () => resolve(Buffer.concat(chunks)))
    stream.on('error', reject)
  })
}
