import { statementStatusChip } from './statement-format.js'

/** A statement's status as a chip: issued (green), held (amber), superseded or rejected (grey). */
export function StatementStatusChip({ status }: { status: string }) {
  const { label, tone } = statementStatusChip(status)
  return <span className={`chip ${tone}`}>{label}</span>
}
