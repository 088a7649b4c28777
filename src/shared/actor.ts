/**
 * Who did something: a signed-in staff user, an integration's API token, a customer (later), or the
 * system itself (a job, the seeder). Every change and every account view names its actor.
 */
export interface Actor {
  readonly kind: 'staff' | 'token' | 'customer' | 'system'
  /** The staff user's, token's or customer's id; for the system, the process name (`billing-run`). */
  readonly id: string
}

/** The system acting on its own behalf. */
export function systemActor(process: string): Actor {
  return { kind: 'system', id: process }
}
