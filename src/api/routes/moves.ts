/**
 * Change of tenancy (ACC-9): move out and move in. Both declare `accounts.account.create`: every
 * move opens the next occupier's account (the permission the catalogue gives for "sign-up,
 * move-in"), and the final bill and its settlement that come with a move are made by billing on
 * its own rules (seed 002: "Kraken will automatically generate the final balance settlement once
 * we have generated the final bill"). Billing specialists keep final billing by hand and
 * correcting a final bill (`billing.rebill.create`); collections' `accounts.status.update` is for
 * the collections lifecycle, not for closing a tenancy.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { moveIn, moveOut } from '../../usecases/index.js'
import { actorOf, principalOf } from '../auth.js'
import type { AppContext } from '../context.js'
import { AccountParams, jsonOf, LocalDate } from '../schemas.js'

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
    email: z.string().min(3).max(320).nullish(),
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

export const moveRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
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
        },
      },
      async (request, reply) => {
        const result = await moveOut({
          db: context.db,
          accountNumber: request.params.accountNumber,
          on: request.body.on,
          finalReadings: request.body.finalReadings,
          newOccupant: request.body.newOccupant ?? null,
          tariffCode: request.body.tariffCode,
          actor: actorOf(request),
          authorName: principalOf(request).displayName,
          at: context.clock(),
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
        },
      },
      async (request, reply) => {
        const result = await moveIn({
          db: context.db,
          accountNumber: request.params.accountNumber,
          on: request.body.on,
          customer: request.body.customer,
          finalReadings: request.body.finalReadings,
          tariffCode: request.body.tariffCode,
          actor: actorOf(request),
          authorName: principalOf(request).displayName,
          at: context.clock(),
        })
        return reply.status(201).send(jsonOf(result))
      },
    )
  }
