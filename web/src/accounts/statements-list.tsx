/**
 * The account's statements, newest period first with every version listed (BIL-2): number, period,
 * kind, status — held ones with why, replaced ones dimmed and struck through with what replaced
 * them — the total and the balance it left. Choosing a number opens the statement.
 */
import type { Statement } from '../api.js'
import { HoldReasonList } from '../billing/hold-reasons.js'
import { isSpent, statementKindLabel } from '../billing/statement-format.js'
import { StatementStatusChip } from '../billing/statement-status-chip.js'
import { formatPeriod } from '../shared/format.js'
import { LoadMoreFooter, type PagedList } from '../shared/load-more.js'
import { formatBalance, formatMinor } from '../shared/money.js'
import { Panel } from '../shared/panel.js'
import { DataTable } from '../shared/table.js'

export function StatementsList({
  statements,
  selected,
  onSelect,
  buttonId,
  list,
}: {
  statements: Statement[]
  selected: string | null
  onSelect: (number: string) => void
  /** The id of a statement's button, so focus can come back to it when the statement is closed. */
  buttonId: (number: string) => string
  /** The statements' pages, for "Load more". */
  list: PagedList<Statement>
}) {
  const numberById = new Map(statements.map((statement) => [statement.id, statement.number]))
  const replacedBy = new Map(
    statements.flatMap((statement) =>
      statement.replacesStatementId ? [[statement.replacesStatementId, statement.number] as const] : [],
    ),
  )

  return (
    <Panel title="Statements" aside={<span className="muted">Newest first · every version</span>} flush>
      {statements.length === 0 ? (
        <p className="empty" data-testid="statements-empty">
          No statements yet: the first is made at the next billing run, or with “Bill now”.
        </p>
      ) : (
        <DataTable
          className="statements-table"
          caption="The account’s statements, newest period first"
          columns={[
            'Statement',
            'Period',
            'Kind',
            'Status',
            { label: 'Total', numeric: true },
            { label: 'Balance after', numeric: true },
          ]}
        >
          {statements.map((statement) => {
            const spent = isSpent(statement.status)
            const current = statement.number === selected
            const replaces = statement.replacesStatementId
              ? (numberById.get(statement.replacesStatementId) ?? 'an earlier version')
              : null
            const replacement = replacedBy.get(statement.id)
            const classes = [spent ? 'statement-spent' : '', current ? 'row-selected' : ''].filter(Boolean)
            return (
              <tr
                key={statement.id}
                className={classes.length > 0 ? classes.join(' ') : undefined}
                data-testid="statement-row"
                data-status={statement.status}
              >
                <td className="nowrap">
                  <button
                    type="button"
                    id={buttonId(statement.number)}
                    className="link-button mono statement-number"
                    aria-current={current ? 'true' : undefined}
                    onClick={() => onSelect(statement.number)}
                  >
                    {statement.number}
                  </button>
                  {statement.version > 1 && (
                    <span className="statement-version muted">
                      Version {statement.version}
                      {replaces ? `, replaces ${replaces}` : ''}
                    </span>
                  )}
                </td>
                <td className="nowrap">{formatPeriod(statement.periodFrom, statement.periodTo)}</td>
                <td>{statementKindLabel(statement.kind)}</td>
                <td>
                  <span className="statement-status">
                    <StatementStatusChip status={statement.status} />
                    {statement.status === 'superseded' && (
                      <span className="muted">replaced by {replacement ?? 'a later version'}</span>
                    )}
                  </span>
                  {statement.status === 'held' && <HoldReasonList reasons={statement.holdReasons} />}
                </td>
                <td className="numeric statement-amount">{formatMinor(statement.totalMinor, statement.currency)}</td>
                <td className="numeric">
                  {statement.closingBalanceMinor === null ? (
                    <span className="muted">Not issued</span>
                  ) : (
                    formatBalance(statement.closingBalanceMinor, statement.currency)
                  )}
                </td>
              </tr>
            )
          })}
        </DataTable>
      )}

      <LoadMoreFooter list={list} testId="statements-more" />
    </Panel>
  )
}
