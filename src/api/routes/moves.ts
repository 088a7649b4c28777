/**
 * Change of tenancy (ACC-9): move out and move in. Both declare `accounts.account.create`: every
 * move opens the next occupier's account (the permission the catalogue gives for "sign-up,
 * move-in"), and the final bill and its settlement that come with a move are made by billing on
 * its own rules (seed 002: "Kraken will automatically generate the final balance settlement once
 * we have generated the final bill"). Billing specialists keep final billing by hand and
 * correcting a final bill (`billing.rebill.create`); collections' `accounts.status.update` is for
 * the collections lifecycle, not for closing a tenancy.
 */
import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { moveIn, moveOut } from '../../usecases/index.js'
import { principalOf } from '../auth.js'
import type { AppContext } from '../context.js'
import { DateOut, errors, InstantOut, MinorOut } from '../responses.js'
import { whoOf } from '../route-calls.js'
import { AccountParams, EmailAddress, jsonOf, LocalDate } from '../schemas.js'
import { readingFields } from './metering-schemas.js'

const FinalReading = z.strictObject({
  meterPoint: z.string().regex(/^\d{6,13}$/, 'an MPAN core (13 digits) or an MPRN (6 to 10 digits)'),
  meterSerial: z.string().min(1).max(20),
  register: z.string().min(1).max(4),
  value: z.string().regex(/^\d{1,9}(\.\d)?$/, 'a reading: units with at most one decimal place, e.g. "7300.5"'),
  source: z.enum(['customer', 'agent', 'field']).optional(),
})

const Occupant = z
  .strictObject({
    name: z.string().min(1).max(200).optional(),
    title: z.string().max(20).nullish(),
    givenName: z.string().max(100).nullish(),
    familyName: z.string().max(100).nullish(),
    email: EmailAddress.nullish(),
    phone: z.string().min(6).max(40).nullish(),
  })
  .refine((occupant) => !!occupant.name?.trim() || !!occupant.familyName?.trim(), {
    message: 'give the occupant’s name, or at least a family name',
    path: ['name'],
  })

const MoveBody = {
  on: LocalDate,
  finalReadings: z.array(FinalReading).max(20).default([]),
  tariffCode: z.string().min(3).max(60).optional(),
}
/** A move's request body, as parsed. */
type MoveFields = z.output<z.ZodObject<typeof MoveBody>>

/** What a move did: the account closed, its final bill and readings, and the account opened next. */
const MoveResult = z.object({
  closedAccount: z.object({
    number: z.string(),
    customerName: z.string(),
    status: z.literal('closed'),
    openedOn: DateOut,
    closedOn: DateOut,
  }),
  finalStatement: z.object({
    number: z.string(),
    kind: z.string(),
    status: z.string(),
    periodFrom: InstantOut,
    periodTo: InstantOut,
    currency: z.string(),
    totalMinor: MinorOut,
    closingBalanceMinor: MinorOut.nullable(),
    estimated: z.boolean().describe('whether the final read of some register was estimated'),
    created: z.boolean().describe('false when the account was already billed to the move date'),
    settlement: z
      .object({ kind: z.enum(['refund', 'payment_request', 'none']), amountMinor: MinorOut })
      .nullable()
      .describe('the final balance settlement; null while the statement is held'),
  }),
  finalReadings: z.array(
    z.object({
      ...readingFields,
      status: z.enum(['accepted', 'held', 'superseded', 'released', 'discarded']),
      reason: z.string().nullable(),
      advance: z.string().nullable().describe('units since the previous actual reading on the register'),
      isRollover: z.boolean(),
    }),
  ),
  newAccount: z.object({
    number: z.string(),
    customerName: z.string(),
    occupier: z.boolean().describe('true when opened for "The Occupier"'),
    openedOn: DateOut,
    meterPoints: z.array(z.object({ identifier: z.string(), tariffCode: z.string() })),
  }),
})

export const moveRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    /** What a move out and a move in both take: the account, the date, the readings and tariff, and who moves it. */
    const moveOf = (request: FastifyRequest, accountNumber: string, body: MoveFields) => ({
      db: context.db,
      accountNumber,
      on: body.on,
      finalReadings: body.finalReadings,
      tariffCode: body.tariffCode,
      authorName: principalOf(request).displayName,
      ...whoOf(context, request),
    })

    app.post(
      '/accounts/:accountNumber/move-out',
      {
        config: { permission: 'accounts.account.create' },
        schema: {
          summary:
            'Move out: final readings, the final bill and settlement, the account closed on the date, and the next account (named, or "The Occupier") opened there',
          tags: ['accounts'],
          params: AccountParams,
          body: z.strictObject({ ...MoveBody, newOccupant: Occupant.nullish() }),

          response: { 201: MoveResult, ...errors(404, 409) },
        },
      },
      async (request, reply) => {
        const result = await moveOut({
          ...moveOf(request, request.params.accountNumber, request.body),
          newOccupant: request.body.newOccupant ?? null,
        })
        return reply.status(201).send(jsonOf(result))
      },
    )

    app.post(
      '/accounts/:accountNumber/move-in',
      {
        config: { permission: 'accounts.account.create' },
        schema: {
          summary:
            'Move in: a named customer replaces "The Occupier"; the occupier account is final billed and closed on the date',
          tags: ['accounts'],
          params: AccountParams,
          body: z.strictObject({ ...MoveBody, customer: Occupant }),

          response: { 201: MoveResult, ...errors(404, 409) },
        },
      },
      async (request, reply) => {
        const result = await moveIn({
          ...moveOf(request, request.params.accountNumber, request.body),
          customer: request.body.customer,
        })
        return reply.status(201).send(jsonOf(result))
      },
    )
  }
