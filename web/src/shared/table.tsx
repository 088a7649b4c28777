/**
 * The console's and the portal's data table: scrolled sideways on a narrow screen, with a caption
 * for screen readers and one header cell a column. The rows are the caller's (`<tr>` children), so
 * each table still says what goes in its cells; what every table repeated was the frame around them.
 */
import type { ReactNode } from 'react'

/**
 * A column heading: its text, or the text with `numeric` (right-aligned figures) or `hidden` (read
 * out but not shown, for a column of buttons or links).
 */
export type Column = string | { label: string; numeric?: boolean; hidden?: boolean }

export function DataTable({
  columns,
  caption,
  className,
  scrollClassName,
  testId,
  footer,
  children,
}: {
  columns: readonly (Column | false)[]
  /** Said to screen readers only: what the table lists, and in what order. */
  caption?: ReactNode
  /** Added to `data-table`. */
  className?: string
  /** Added to `table-scroll`. */
  scrollClassName?: string
  testId?: string | undefined
  /** A `<tfoot>`'s rows (totals). */
  footer?: ReactNode
  /** The body's rows. */
  children: ReactNode
}) {
  return (
    <div className={scrollClassName ? `table-scroll ${scrollClassName}` : 'table-scroll'}>
      <table className={className ? `data-table ${className}` : 'data-table'} data-testid={testId}>
        {caption && <caption className="visually-hidden">{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column) => (column === false ? null : <HeaderCell key={labelOf(column)} column={column} />))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
        {footer && <tfoot>{footer}</tfoot>}
      </table>
    </div>
  )
}

function labelOf(column: Column): string {
  return typeof column === 'string' ? column : column.label
}

function HeaderCell({ column }: { column: Column }) {
  if (typeof column === 'string') return <th scope="col">{column}</th>
  return (
    <th scope="col" className={column.numeric ? 'numeric' : undefined}>
      {column.hidden ? <span className="visually-hidden">{column.label}</span> : column.label}
    </th>
  )
}
