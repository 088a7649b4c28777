import { describe, expect, it } from 'vitest'
import { agentReportCsv } from './dashboard.js'

describe('the agent report as CSV', () => {
  it('neutralises a name a spreadsheet would run as a formula (issue 19, hole 12)', () => {
    const row = {
      userId: 'usr_1',
      email: 'a@example.com',
      displayName: '=HYPERLINK("http://evil.example","Click")',
      role: 'agent' as const,
      calls: 0,
      averageHandleSeconds: 0,
      messagesSent: 0,
      paymentsTaken: 0,
      paymentsTakenMinor: -500n,
      casesOpened: 0,
      casesResolved: 0,
      closureRate: 0,
      meanResolutionSeconds: 0,
    }
    const csv = agentReportCsv({
      from: '2026-11-01',
      to: '2026-11-30',
      timeZone: 'Europe/London',
      currency: 'GBP',
      rows: [row],
    })
    const fields = csv.split('\r\n')[1]?.split(',') ?? []
    expect(fields[4]).toBe('"\'=HYPERLINK(""http://evil.example""')
    // money stays a number, a negative one included
    expect(fields[11]).toBe('-500')
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
