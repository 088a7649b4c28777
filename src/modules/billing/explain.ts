/**
 * BIL-9: why a statement differs from the one before — using more or less energy versus paying a
 * different price. Pure; amounts exc VAT in minor units.
 */
import type { Explanation, GasConversionSummary, StatementLine, UsageSummary } from './types.js'

/** Parse a kWh decimal (up to 3 places) into thousandths. */
function thousandths(text: string): bigint {
  const negative = text.startsWith('-')
  const [whole = '0', fraction = ''] = text.replace('-', '').split('.')
  const value = BigInt(whole) * 1000n + BigInt((fraction + '000').slice(0, 3))
  return negative ? -value : value
}

function kwhText(value: bigint): string {
  const negative = value < 0n
  const abs = negative ? -value : value
  return `${negative ? '-' : ''}${abs / 1000n}.${String(abs % 1000n).padStart(3, '0')}`
}

/** Per meter point: kWh used (or exported), energy and standing charges, and standing days. */
export function usageSummaries(lines: readonly StatementLine[]): UsageSummary[] {
  const byPoint = new Map<
    string,
    {
      identifier: string
      direction: string
      kwh: bigint
      energy: bigint
      standing: bigint
      days: number
      gas: Map<string, GasConversionSummary>
    }
  >()
  for (const line of lines) {
    if (!line.meterPointId) continue
    const entry = byPoint.get(line.meterPointId) ?? {
      identifier: line.identifier ?? '',
      direction: line.kind === 'export_credit' ? 'export' : 'import',
      kwh: 0n,
      energy: 0n,
      standing: 0n,
      days: 0,
      gas: new Map(),
    }
    if (line.kind === 'energy' || line.kind === 'export_credit') {
      entry.kwh += thousandths(line.quantity)
      entry.energy += line.amountMinor
      // A register advance split over prices repeats its conversion on each piece: shown once.
      const gas = line.source.gas as GasConversionSummary | undefined
      if (gas) entry.gas.set(JSON.stringify(gas), gas)
    } else if (line.kind === 'standing_charge') {
      entry.standing += line.amountMinor
      entry.days += Number(line.quantity)
    }
    byPoint.set(line.meterPointId, entry)
  }
  return [...byPoint.entries()]
    .map(([meterPointId, entry]) => ({
      meterPointId,
      identifier: entry.identifier,
      direction: entry.direction,
      kwh: kwhText(entry.kwh),
      energyMinor: String(entry.energy),
      standingMinor: String(entry.standing),
      standingDays: entry.days,
      ...(entry.gas.size > 0 ? { gasConversions: [...entry.gas.values()] } : {}),
    }))
    .sort((a, b) => a.identifier.localeCompare(b.identifier))
}

/** Round a/b to the nearest integer, halves away from zero. */
function divideRounded(a: bigint, b: bigint): bigint {
  if (b === 0n) return 0n
  const negative = a < 0n !== b < 0n
  const [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b]
  const q = (x * 2n + y) / (2n * y)
  return negative ? -q : q
}

function pounds(minor: bigint): string {
  const abs = minor < 0n ? -minor : minor
  return `£${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`
}

/**
 * Split the change in net charges between two statements into a usage effect (the change in kWh
 * at the previous average price per kWh), a price effect (this period's kWh at the change in average
 * price, plus this period's standing days at the change in the daily standing charge) and the rest
 * (more or fewer days, meter points added or gone, rounding). The three always sum to the change.
 */
export function compare({
  current,
  currentNetMinor,
  previous,
  previousNetMinor,
  previousNumber,
  previousDays,
}: {
  current: readonly UsageSummary[]
  currentNetMinor: bigint
  previous: readonly UsageSummary[]
  previousNetMinor: bigint
  previousNumber: string
  previousDays: number
}): NonNullable<Explanation['comparison']> {
  let usageEffect = 0n
  let priceEffect = 0n
  for (const now of current) {
    const before = previous.find((entry) => entry.meterPointId === now.meterPointId)
    if (!before) continue
    const kwhNow = thousandths(now.kwh)
    const kwhBefore = thousandths(before.kwh)
    const energyNow = BigInt(now.energyMinor)
    const energyBefore = BigInt(before.energyMinor)
    if (kwhBefore !== 0n) {
      // (kWh now − kWh before) × (energy before / kWh before)
      usageEffect += divideRounded((kwhNow - kwhBefore) * energyBefore, kwhBefore)
      // energy now − kWh now × (energy before / kWh before)
      priceEffect += energyNow - divideRounded(kwhNow * energyBefore, kwhBefore)
    }
    if (before.standingDays > 0 && now.standingDays > 0) {
      const standingNow = BigInt(now.standingMinor)
      const atOldDailyRate = divideRounded(
        BigInt(before.standingMinor) * BigInt(now.standingDays),
        BigInt(before.standingDays),
      )
      priceEffect += standingNow - atOldDailyRate
    }
  }
  const change = currentNetMinor - previousNetMinor
  const other = change - usageEffect - priceEffect
  const direction = change > 0n ? 'more' : 'less'
  const parts: string[] = []
  if (usageEffect !== 0n)
    parts.push(`${pounds(usageEffect)} ${usageEffect > 0n ? 'more' : 'less'} from the energy used`)
  if (priceEffect !== 0n) parts.push(`${pounds(priceEffect)} ${priceEffect > 0n ? 'more' : 'less'} from prices`)
  if (other !== 0n)
    parts.push(`${pounds(other)} ${other > 0n ? 'more' : 'less'} from the length of the period and other changes`)
  const summary =
    change === 0n
      ? 'The same as the previous statement.'
      : `${pounds(change)} ${direction} than the previous statement (before VAT): ${parts.join('; ')}.`
  return {
    previousNumber,
    previousDays,
    previousNetMinor: String(previousNetMinor),
    changeMinor: String(change),
    usageEffectMinor: String(usageEffect),
    priceEffectMinor: String(priceEffect),
    otherEffectMinor: String(other),
    summary,
  }
}
