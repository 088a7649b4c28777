import { describe, expect, it } from 'vitest'
import { isDueTouch, isSessionLive } from './session-liveness.js'

const t0 = new Date('2026-11-22T09:00:00Z')
const later = (ms: number) => new Date(t0.getTime() + ms)
const minute = 60_000
// Started at t0, seen last at t0, ends 12 hours later; idle out after 30 minutes.
const session = { ended_at: null, expires_at: later(12 * 60 * minute), last_seen_at: t0 }
const policy = { sessionIdleMinutes: 30 }

describe('isSessionLive', () => {
  it('is live until the idle timeout has fully elapsed, and dead from that instant', () => {
    expect(isSessionLive(session, policy, later(30 * minute - 1))).toBe(true)
    expect(isSessionLive(session, policy, later(30 * minute))).toBe(false)
  })

  it('is dead from the instant of expiry, however recently it was seen', () => {
    const seen = { ...session, last_seen_at: later(12 * 60 * minute - minute) }
    expect(isSessionLive(seen, policy, later(12 * 60 * minute - 1))).toBe(true)
    expect(isSessionLive(seen, policy, later(12 * 60 * minute))).toBe(false)
  })

  it('is dead once ended', () => {
    expect(isSessionLive({ ...session, ended_at: t0 }, policy, later(1))).toBe(false)
  })
})

describe('isDueTouch', () => {
  it('touches what was never seen, and what was seen more than a minute ago', () => {
    expect(isDueTouch(null, t0)).toBe(true)
    expect(isDueTouch(t0, later(minute))).toBe(false)
    expect(isDueTouch(t0, later(minute + 1))).toBe(true)
  })
})
