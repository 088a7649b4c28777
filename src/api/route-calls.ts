/**
 * How a staff route makes its one call: in a transaction of the app's database, as whoever signed
 * the request in, at the clock's now (`callAs`), instead of each handler writing out
 * `actor: actorOf(request), at: context.clock()`.
 */
import type { FastifyRequest } from 'fastify'
import { inTransaction, type Tx } from '../db/index.js'
import type { Actor } from '../shared/actor.js'
import { actorOf } from './auth.js'
import type { AppContext } from './context.js'

/** Who a request's call is made as, and when. */
export interface Who {
  readonly actor: Actor
  readonly at: Date
}

/** What a request's call runs with: its transaction, and who it is made as, and when. */
export interface CallScope extends Who {
  readonly tx: Tx
}

/**
 * The signed-in actor and the clock's now, for a call that opens its own transactions.
 * @throws Unauthenticated when nobody is signed in
 */
export function whoOf(context: AppContext, request: FastifyRequest): Who {
  return { actor: actorOf(request), at: context.clock() }
}

/**
 * Make a request's call in one transaction, as the signed-in actor, at the clock's now.
 * @throws Unauthenticated when nobody is signed in, and whatever the call throws
 */
export function callAs<T>(
  context: AppContext,
  request: FastifyRequest,
  work: (scope: CallScope) => Promise<T>,
): Promise<T> {
  return inTransaction(context.db, (tx) => work({ tx, ...whoOf(context, request) }))
}

/** `inTx`, `who` and `call` bound to a route module's context, for modules that make many calls. */
export interface RouteCalls {
  /** Run work in one transaction of the app's database. */
  inTx<T>(work: (tx: Tx) => Promise<T>): Promise<T>
  /** `whoOf` the request. */
  who(request: FastifyRequest): Who
  /** `callAs` the request. */
  call<T>(request: FastifyRequest, work: (scope: CallScope) => Promise<T>): Promise<T>
}

/** The transaction, actor and clock helpers of the routes over `context`. */
export function routeCalls(context: AppContext): RouteCalls {
  return {
    inTx: (work) => inTransaction(context.db, work),
    who: (request) => whoOf(context, request),
    call: (request, work) => callAs(context, request, work),
  }
}
