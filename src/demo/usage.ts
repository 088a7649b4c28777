/**
 * Demo half-hourly data, deterministic from (seed, index): a household's import with a daily shape
 * (low overnight, morning rise, evening peak) and a seasonal swing (more in winter), overnight EV
 * charging scheduled around the Intelligent off-peak window (with the odd evening bump charge), and solar generation that is exported at midday in
 * summer. Pure: no I/O, no clock.
 */
import { addDays, daysBetween, LONDON, localTimeOf, settlementPeriodsOfDay } from '../shared/time.js'

export interface Household {
  readonly seed: number
  readonly index: number
  readonly ev: boolean
  readonly solar: boolean
}

export interface DemoInterval {
  readonly startAt: Date
  readonly importKwh: string
  /** Present for solar homes: energy sent to the grid in the half hour. */
  readonly exportKwh: string | null
  /** Why an EV home's car charged in this half hour, if it did. */
  readonly charging: 'smart-charge' | 'bump-charge' | null
}

/** A small deterministic random generator (mulberry32). */
export function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

function dayOfYear(date: string): number {
  return daysBetween(`${date.slice(0, 4)}-01-01`, date)
}

/** kWh in a half hour of a typical home at local time `hours` (0–24), before seasonal scaling. */
function baseLoad(hours: number): number {
  if (hours < 6) return 0.09
  if (hours < 7) return 0.15
  if (hours < 9) return 0.3
  if (hours < 16) return 0.17
  if (hours < 20) return 0.42
  if (hours < 23) return 0.26
  return 0.14
}

/** Solar output (kWh per half hour) of a 4 kWp array at local time `hours` on day `doy`. */
function solar(hours: number, doy: number, cloud: number): number {
  const season = 0.5 + 0.5 * Math.cos(((doy - 172) / 365) * 2 * Math.PI) // 1 in June, 0 in December
  const dayLength = 8 + 8.5 * season
  const noon = 13
  const offset = Math.abs(hours + 0.25 - noon)
  if (offset > dayLength / 2) return 0
  const shape = Math.cos((offset / (dayLength / 2)) * (Math.PI / 2))
  return 4 * 0.5 * shape * (0.35 + 0.65 * season) * cloud
}

/**
 * The household's half-hourly data for local dates [from, to): 46, 48 or 50 half hours a day, in
 * local time, so clock-change days are right.
 */
export function householdSeries(household: Household, from: string, to: string): DemoInterval[] {
  const next = random(household.seed * 1_000_003 + household.index * 7919)
  const scale = 0.8 + next() * 0.6
  const out: DemoInterval[] = []
  for (let date = from; date < to; date = addDays(date, 1)) {
    const doy = dayOfYear(date)
    const winter = 1 + 0.35 * Math.cos(((doy - 15) / 365) * 2 * Math.PI)
    const cloud = 0.3 + next() * 0.7
    const evToday = household.ev && next() < 0.55
    const evStart = 23.5 + Math.floor(next() * 3) * 0.5
    const evHalfHours = 4 + Math.floor(next() * 8)
    // Now and then the driver asks for a top-up in the early evening: a bump charge at peak time.
    const bumpToday = household.ev && next() < 0.06
    for (const period of settlementPeriodsOfDay(date, LONDON)) {
      const time = localTimeOf(period.startAt, LONDON)
      const hours = Number(time.slice(0, 2)) + Number(time.slice(3, 5)) / 60
      let use = baseLoad(hours) * winter * scale * (0.75 + next() * 0.5)
      let charging: DemoInterval['charging'] = null
      if (evToday && (hours - evStart + 24) % 24 < evHalfHours / 2) charging = 'smart-charge'
      if (bumpToday && hours >= 17 && hours < 18) charging = 'bump-charge'
      if (charging) use += 3.5
      let exported: number | null = null
      if (household.solar) {
        const generated = solar(hours, doy, cloud)
        const selfUse = Math.min(generated, use)
        use -= selfUse * 0.9
        exported = Math.max(0, generated - selfUse)
      }
      out.push({
        startAt: period.startAt,
        importKwh: use.toFixed(3),
        exportKwh: exported === null ? null : exported.toFixed(3),
        charging,
      })
    }
  }
  return out
}
