import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { bytesOf } from './stream-bytes.js'

describe('bytesOf', () => {
  it('gathers every chunk a stream writes, in order, once it ends', async () => {
    const stream = new PassThrough()
    const bytes = bytesOf(stream)
    stream.write(Buffer.from('%PDF-'))
    stream.end(Buffer.from('%%EOF'))
    expect((await bytes).toString()).toBe('%PDF-%%EOF')
  })

  it('fails with the stream’s own error', async () => {
    const stream = new PassThrough()
    const bytes = bytesOf(stream)
    stream.destroy(new Error('disk full'))
    await expect(bytes).rejects.toThrow('disk full')
  })
})
