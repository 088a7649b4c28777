/**
 * The console's brand (its mark, name and "Agent console"), and the panel of the pages shown before
 * signing in (sign in, set your password): the brand, then the page's title and content.
 */
import type { ReactNode } from 'react'

/** The mark and the words; `inline` when it sits inside a link (the navigation's), where only phrasing fits. */
export function ConsoleBrand({ inline = false }: { inline?: boolean }) {
  const Part = inline ? 'span' : 'div'
  return (
    <>
      <span className="brand-mark" aria-hidden="true">
        C
      </span>
      <Part>
        <Part className="brand-name">Cuttle</Part>
        <Part className="brand-sub">Agent console</Part>
      </Part>
    </>
  )
}

export function LoginPanel({ title, testId, children }: { title: string; testId?: string; children: ReactNode }) {
  return (
    <main className="login">
      <div className="login-panel" data-testid={testId}>
        <div className="login-brand">
          <ConsoleBrand />
        </div>
        <h1 className="login-title">{title}</h1>
        {children}
      </div>
    </main>
  )
}
