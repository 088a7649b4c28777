/**
 * When a staff or portal session is over, and when a session or token in use is written down as seen:
 * pure, with the time passed in, so both kinds of sign-in follow one rule.
 */
import type { SessionPolicy } from './types.js'

/** Seen within the last minute is recent enough: saves a write on every request. */
const touchEveryMs = 60_000

/**
 * Whether a session is live at `at`: not ended, and dead from the instant of expiry and from the
 * instant the idle timeout has fully elapsed.
 */
export function isSessionLive(
  session: { readonly ended_at: Date | null; readonly expires_at: Date; readonly last_seen_at: Date },
  policy: Pick<SessionPolicy, 'sessionIdleMinutes'>,
  at: Date,
): boolean {
  return (
    session.ended_at === null &&
    at < session.expires_at &&
    at.getTime() < session.last_seen_at.getTime() + policy.sessionIdleMinutes * 60_000
  )
}

/** Whether a session or token last seen at `lastSeenAt` (null: never) is due to be marked seen again at `at`. */
export function isDueTouch(lastSeenAt: Date | null, at: Date): boolean {
  return lastSeenAt === null || at.getTime() - lastSeenAt.getTime() > touchEveryMs
}
