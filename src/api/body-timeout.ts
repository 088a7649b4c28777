/**
 * A request body that does not arrive in time is cut off (issue 19, hole 7): a client trickling a
 * body byte by byte would otherwise hold a connection, and a worker's memory, for as long as it
 * likes. The clock starts once the headers are in; when it runs out the request is answered
 * 408 REQUEST_TIMEOUT through the usual error handler and the connection is closed.
 */
import type { FastifyInstance } from 'fastify'

export class RequestBodyTimeout extends Error {
  readonly code = 'REQUEST_TIMEOUT'
  readonly statusCode = 408
}

/** Cut bodies slower than `timeoutMs` (30 s by default in the configuration). */
export function cutSlowBodies(app: FastifyInstance, timeoutMs: number): void {
  const timers = new WeakMap<object, NodeJS.Timeout>()
  app.addHook('onRequest', (request, reply, done) => {
    const raw = request.raw
    const hasBody = raw.headers['content-length'] !== undefined || raw.headers['transfer-encoding'] !== undefined
    if (!hasBody || raw.complete) return done()
    const timer = setTimeout(() => {
      if (reply.sent || raw.complete) return
      reply.header('connection', 'close')
      const error = new RequestBodyTimeout(`The request body did not arrive within ${timeoutMs / 1000} seconds`)
      // The body parser is listening: it answers the error through the error handler. Otherwise
      // nobody is reading the body, so the connection simply goes.
      if (raw.listenerCount('error') > 0) raw.emit('error', error)
      else raw.destroy()
    }, timeoutMs)
    timer.unref()
    timers.set(request, timer)
    raw.once('end', () => clearTimeout(timer))
    raw.once('close', () => clearTimeout(timer))
    done()
  })
  app.addHook('onResponse', (request, _reply, done) => {
    clearTimeout(timers.get(request))
    done()
  })
}
