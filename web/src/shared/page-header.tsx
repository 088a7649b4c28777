/**
 * The top of a console page: its title (the page's one `h1`), what it shows in a sentence, and any
 * buttons that act on the whole page (Refresh), at the end.
 */
import type { ReactNode } from 'react'

export function PageHeader({ title, lede, children }: { title: ReactNode; lede?: ReactNode; children?: ReactNode }) {
  return (
    <header className="page-header">
      <div>
        <h1 className="page-title">{title}</h1>
        {lede && <p className="page-lede">{lede}</p>}
      </div>
      {children}
    </header>
  )
}
