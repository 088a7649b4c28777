/**
 * The review queue of statements a billing run held (BIL-3), for billing specialists: each with
 * its account, period, charges and why it was held; release issues it to the ledger, reject (with
 * a reason) charges nothing so the period can be billed again.
 */
import { useCallback, useEffect, useState } from 'react'
import { ApiError, type Statement } from '../api.js'
import { useApi } from '../console-context.js'
import { Link, paths } from '../router.js'
import { formatCalendarDate, formatPeriod, londonDateOf } from '../shared/format.js'
import { formatMinor } from '../shared/money.js'

type Held = Statement & { accountNumber: string }

export function HeldStatementsPage() {
  const api = useApi()
  const [items, setItems] = useState<Held[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [reasons, setReasons] = useState<Record<string, string>>({})
  const [problems, setProblems] = useState<Record<string, string>>({})

  const load = useCallback(() => {
    api
      .heldStatements()
      .then(setItems)
      .catch((failure: unknown) =>
        setError(failure instanceof ApiError ? failure.message : 'The queue could not be loaded.'),
      )
  }, [api])

  useEffect(load, [load])

  async function decide(number: string, reject: boolean) {
    setProblems((previous) => ({ ...previous, [number]: '' }))
    try {
      await api.decideHeld(reject ? { number, reject: reasons[number] ?? '' } : { number })
      load()
    } catch (failure) {
      const message =
        failure instanceof ApiError ? (failure.fieldProblems()['reason'] ?? failure.message) : 'That did not work.'
      setProblems((previous) => ({ ...previous, [number]: message }))
    }
  }

  return (
    <div className="page">
      <h1 className="page-title">Held statements</h1>
      <p className="muted">Statements a billing run held for review. Nothing is charged until one is released.</p>
      {error ? <p className="form-error">{error}</p> : null}
      {items === null ? (
        <p className="empty">Loading…</p>
      ) : items.length === 0 ? (
        <p className="empty">Nothing is waiting for review.</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Statement</th>
              <th scope="col">Period</th>
              <th scope="col" className="number">
                Charges
              </th>
              <th scope="col">Why it was held</th>
              <th scope="col">Decision</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id} data-testid="held-row">
                <td>
                  <Link to={`${paths.account(item.accountNumber)}?tab=billing&statement=${item.number}`}>
                    {item.accountNumber}
                  </Link>
                </td>
                <td>{item.number}</td>
                <td>{formatPeriod(item.periodFrom, item.periodTo)}</td>
                <td className="number">{formatMinor(item.totalMinor, item.currency)}</td>
                <td>
                  <ul className="hold-reasons">
                    {item.holdReasons.map((reason) => (
                      <li key={reason.code}>{reason.message}</li>
                    ))}
                  </ul>
                </td>
                <td>
                  <button
                    type="button"
                    className="button button-primary button-small"
                    onClick={() => decide(item.number, false)}
                    data-testid="held-release"
                  >
                    Release
                  </button>
                  <label className="visually-hidden" htmlFor={`reason-${item.id}`}>
                    Why reject {item.number}
                  </label>
                  <input
                    id={`reason-${item.id}`}
                    className="input"
                    placeholder="Reason to reject"
                    value={reasons[item.number] ?? ''}
                    onChange={(event) => setReasons((previous) => ({ ...previous, [item.number]: event.target.value }))}
                    data-testid="held-reason"
                  />
                  <button
                    type="button"
                    className="button button-ghost button-small"
                    onClick={() => decide(item.number, true)}
                    data-testid="held-reject"
                  >
                    Reject
                  </button>
                  {problems[item.number] ? (
                    <p className="field-error" role="alert">
                      {problems[item.number]}
                    </p>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
