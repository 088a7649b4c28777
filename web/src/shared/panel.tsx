/**
 * A titled card: a `<section>` named by its heading (so it is a region screen readers can jump to),
 * with what stands beside the title (a note, a count, a button) in its header. `flush` lets a table
 * or list run to the card's edges, the header padded and ruled off above it.
 */
import { type ReactNode, useId } from 'react'

export function Panel({
  title,
  aside,
  flush = false,
  className,
  testId,
  busy,
  children,
}: {
  title: ReactNode
  /** Beside the title, at the end of the header. */
  aside?: ReactNode
  flush?: boolean
  /** Added to `card`. */
  className?: string
  testId?: string | undefined
  busy?: boolean
  children: ReactNode
}) {
  const titleId = `${useId()}-title`
  const classes = ['card', flush ? 'card-flush' : null, className ?? null].filter(Boolean).join(' ')
  return (
    <section className={classes} aria-labelledby={titleId} aria-busy={busy} data-testid={testId}>
      <header className={flush ? 'card-header card-header-padded' : 'card-header'}>
        <h2 className="card-title" id={titleId}>
          {title}
        </h2>
        {aside}
      </header>
      {children}
    </section>
  )
}
