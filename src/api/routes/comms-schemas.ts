/**
 * Pieces of the message shape that both the comms routes and the suggested-reply routes answer
 * (API-1): what a message is, and its status history with whoever recorded each status.
 */
import { z } from 'zod'
import * as comms from '../../modules/comms/index.js'
import { InstantOut } from '../responses.js'

/** What kind of message it is and what it says. */
export const messageContent = {
  channel: z.enum(comms.channels),
  direction: z.enum(comms.directions),
  templateKey: z.string().nullable(),
  subject: z.string().nullable(),
  body: z.string(),
}

/** Every status a message has had, oldest first, each with who recorded it (`recordedBy`). */
export function messageHistory<Actor extends z.ZodType>(recordedBy: Actor) {
  return z.array(
    z.object({
      status: z.enum(comms.statuses),
      occurredAt: InstantOut,
      recordedAt: InstantOut,
      detail: z.string().nullable(),
      recordedBy,
    }),
  )
}
