/** The account's statements with their totals, due dates and a PDF of each (UI-2). */
import { useQuery } from '@tanstack/react-query'
import { capitalise, formatCalendarDate, formatPeriod } from '../shared/format.js'
import { formatMinor } from '../shared/money.js'
import { Panel } from '../shared/panel.js'
import { DataTable } from '../shared/table.js'
import * as portalApi from './portal-api.js'
import { PortalList } from './portal-list.js'

export function BillsTab({ accountNumber }: { accountNumber: string }) {
  const bills = useQuery({
    queryKey: portalApi.portalKeys.statements(accountNumber),
    queryFn: () => portalApi.statements({ accountNumber }),
  })

  return (
    <Panel title="Your bills" testId="portal-bills">
      <PortalList
        items={bills.data}
        query={bills}
        loading="Loading your bills…"
        failed="Your bills could not be loaded."
        empty="You have no bills yet."
        emptyTestId="portal-bills-empty"
        padded
      >
        {(items) => (
          <DataTable
            columns={['Period', { label: 'Amount', numeric: true }, 'Due', 'Status', { label: 'PDF', hidden: true }]}
          >
            {items.map((statement) => (
              <tr key={statement.number} data-testid="portal-statement" data-number={statement.number}>
                <th scope="row">
                  {formatPeriod(statement.periodFrom, statement.periodTo)}
                  <div className="mono muted">{statement.number}</div>
                </th>
                <td className="numeric mono">{formatMinor(statement.totalMinor)}</td>
                <td>{statement.dueOn ? formatCalendarDate(statement.dueOn) : '—'}</td>
                <td>{capitalise(statement.status)}</td>
                <td>
                  <a
                    href={portalApi.statementPdfUrl({ accountNumber, number: statement.number })}
                    target="_blank"
                    rel="noopener"
                    data-testid="portal-statement-pdf"
                  >
                    Download PDF<span className="visually-hidden"> of statement {statement.number}</span>
                  </a>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </PortalList>
    </Panel>
  )
}
