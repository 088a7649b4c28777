import { describe, expect, it } from 'vitest'
import { agentReportCsv, csvField } from './dashboard.js'

describe('the agent report as CSV', () => {
  it('quotes fields with commas, quotes and line breaks, and keeps formulas as text', () => {
    expect(csvField('plain')).toBe('plain')
    expect(csvField('Ashworth, Eleanor')).toBe('"Ashworth, Eleanor"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)")
    expect(csvField(null)).toBe('')
    expect(csvField(12n)).toBe('12')
  })

  it('writes a header and one CRLF line per agent', () => {
    const csv = agentReportCsv({
      from: '2026-11-01',
      to: '2026-11-30',
      timeZone: 'Europe/London',
      currency: 'GBP',
      rows: [
        {
          userId: 'usr_1',
          email: 'a@example.com',
          displayName: 'Smith, "Al"',
          role: 'agent',
          calls: 3,
          averageHandleSeconds: 120,
          messagesSent: 1,
          paymentsTaken: 2,
          paymentsTakenMinor: 12345n,
          casesOpened: 4,
          casesResolved: 1,
          closureRate: 0.25,
          meanResolutionSeconds: 3600,
        },
      ],
    })
    expect(csv.split('\r\n')[1]).toBe(
      '2026-11-01,2026-11-30,usr_1,a@example.com,"Smith, ""Al""",agent,3,120,1,2,12345,GBP,4,1,0.25,3600',
    )
    expect(csv.endsWith('\r\n')).toBe(true)
  })
})
