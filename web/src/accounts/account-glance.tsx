/**
 * The account at a glance (ACC-3): what the customer owes and what they are on, from the overview's
 * one request. Each panel shows only when the overview brought its part, which it does only for a
 * caller allowed to see it: the money and the last statement, each supply with its tariff and rates
 * today, and the vulnerability registers with the open cases.
 */
import type { AccountOverview } from '../api.js'
import { categoryLabel } from '../collections/collections-format.js'
import { Link, paths } from '../router.js'
import { capitalise, formatCalendarDate, formatPeriod, localDateOf } from '../shared/format.js'
import { formatBalance, formatMinor } from '../shared/money.js'
import { Panel } from '../shared/panel.js'

type Glance = Pick<AccountOverview, 'money' | 'lastStatement' | 'supplies' | 'vulnerabilities' | 'openCases'>

const rateNames = { standard: 'Unit rate', day: 'Day rate', night: 'Night rate' } as const

/** The glance's panels, for the overview's grid. */
export function AccountGlance({ glance }: { glance: Glance }) {
  const { money, lastStatement, supplies, vulnerabilities, openCases } = glance
  return (
    <>
      {money && (
        <Panel title="What they owe" testId="glance-money">
          <dl className="facts">
            <div>
              <dt>Balance</dt>
              <dd data-testid="glance-balance">{formatBalance(money.balanceMinor, money.currency)}</dd>
            </div>
            <div>
              <dt>Past due</dt>
              <dd>
                {money.pastDueMinor === '0'
                  ? 'Nothing'
                  : `${formatMinor(money.pastDueMinor, money.currency)}${money.oldestPastDueOn ? ` since ${formatCalendarDate(money.oldestPastDueOn)}` : ''}`}
              </dd>
            </div>
            {lastStatement !== undefined && (
              <div>
                <dt>Last statement</dt>
                <dd>
                  {lastStatement
                    ? `${lastStatement.number}: ${formatMinor(lastStatement.totalMinor, money.currency)} for ${formatPeriod(lastStatement.periodFrom, lastStatement.periodTo)}${lastStatement.status === 'issued' ? '' : ` (${lastStatement.status})`}`
                    : 'None yet'}
                </dd>
              </div>
            )}
            <div>
              <dt>Last payment</dt>
              <dd>
                {money.lastPayment
                  ? `${formatMinor(money.lastPayment.amountMinor, money.currency)} by ${money.lastPayment.method} on ${formatCalendarDate(money.lastPayment.takenOn)}${money.lastPayment.status === 'succeeded' ? '' : ` (${money.lastPayment.status})`}`
                  : 'None yet'}
              </dd>
            </div>
            <div>
              <dt>Pays by</dt>
              <dd data-testid="glance-pays-by">
                {money.directDebit
                  ? `${capitalise(money.directDebit.kind)} Direct Debit on day ${money.directDebit.paymentDay}${money.directDebit.nextCollection ? `: next ${formatMinor(money.directDebit.nextCollection.amountMinor, money.currency)} on ${formatCalendarDate(money.directDebit.nextCollection.collectOn)}` : ''}`
                  : money.nextDueOn
                    ? `Payment on receipt: next due ${formatCalendarDate(money.nextDueOn)}`
                    : 'Payment on receipt'}
              </dd>
            </div>
          </dl>
        </Panel>
      )}

      {supplies && (
        <Panel title="What they are on" testId="glance-supplies">
          {supplies.length === 0 ? (
            <p className="muted">No supply on this account today.</p>
          ) : (
            <ul className="glance-supplies">
              {supplies.map((supply) => (
                <li key={supply.identifier} data-testid="glance-supply">
                  <p>
                    <strong>{capitalise(supply.fuel)}</strong>
                    {supply.direction === 'export' ? ' export' : ''} <span className="mono">{supply.identifier}</span>
                    {supply.meters.map((meter) => (
                      <span key={meter.serial} className="muted">
                        {' '}
                        · {capitalise(meter.type)} meter <span className="mono">{meter.serial}</span>
                      </span>
                    ))}
                  </p>
                  {supply.tariff ? (
                    <dl className="facts">
                      <div>
                        <dt>Tariff</dt>
                        <dd>
                          {supply.tariff.productName} <span className="mono muted">{supply.tariff.code}</span>
                          {supply.tariff.termEndsAt
                            ? `, fixed until ${formatCalendarDate(localDateOf(supply.tariff.termEndsAt, { endExclusive: true }))}`
                            : ''}
                        </dd>
                      </div>
                      {supply.tariff.unitRates.map((rate) => (
                        <div key={rate.name}>
                          <dt>{rateNames[rate.name]}</dt>
                          <dd>{rate.incVat}p a kWh</dd>
                        </div>
                      ))}
                      {supply.tariff.standingCharge && (
                        <div>
                          <dt>Standing charge</dt>
                          <dd>{supply.tariff.standingCharge}p a day</dd>
                        </div>
                      )}
                    </dl>
                  ) : (
                    <p className="muted">On no tariff today.</p>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Panel>
      )}

      {(vulnerabilities || openCases) && (
        <Panel title="Needs and cases" testId="glance-needs">
          {vulnerabilities &&
            (vulnerabilities.length === 0 ? (
              <p className="muted">Not on the Priority Services Register, no vulnerability recorded.</p>
            ) : (
              <ul className="contact-list">
                {vulnerabilities.map((need) => (
                  <li key={`${need.register}:${need.category}`}>
                    <span className="chip chip-info">{need.register === 'psr' ? 'PSR' : 'Vulnerable'}</span>{' '}
                    {categoryLabel(need.category)}
                    {need.reviewOn ? (
                      <span className="muted"> · review {formatCalendarDate(need.reviewOn)}</span>
                    ) : null}
                  </li>
                ))}
              </ul>
            ))}
          {openCases && (
            <p data-testid="glance-open-cases">
              {openCases.count === 0
                ? 'No open cases.'
                : `${openCases.count}${openCases.more ? '+' : ''} open case${openCases.count === 1 && !openCases.more ? '' : 's'}: `}
              {openCases.newest.map((item, index) => (
                <span key={item.number}>
                  {index > 0 ? ', ' : ''}
                  <Link to={paths.case(item.number)}>{item.number}</Link> {item.subject}
                </span>
              ))}
            </p>
          )}
        </Panel>
      )}
    </>
  )
}
