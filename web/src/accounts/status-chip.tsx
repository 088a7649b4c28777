import { capitalise } from '../shared/format.js'

/** The account's status as a small chip (ACC-6's colour rules replace this when the server sends them). */
export function StatusChip({ status }: { status: string }) {
  const tone = status === 'active' ? 'positive' : status === 'closed' ? 'neutral' : 'info'
  return <span className={`chip chip-${tone}`}>{capitalise(status)}</span>
}
