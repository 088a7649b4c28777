/**
 * What both entries do first: read the supplier's brand (`shared/brand.ts`), then render their app.
 * Until the brand arrives the page shows an accessible loading state; if the server cannot be
 * reached the page says so and offers to try again.
 */
import { type ReactNode, StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { type Brand, loadBrand } from './shared/brand.js'

/** Render `app` into `#root` once the brand is known; `onBrand` runs first (e.g. to set the title). */
export function boot({ app, onBrand }: { app: () => ReactNode; onBrand?: (brand: Brand) => void }): void {
  const element = document.getElementById('root')
  if (!element) throw new Error('the entry page has no #root element')
  const root = createRoot(element)

  const start = async () => {
    root.render(
      <div className="boot" aria-busy="true">
        <span className="visually-hidden">Loading…</span>
      </div>,
    )
    let brand: Brand
    try {
      brand = await loadBrand()
    } catch {
      root.render(
        <main className="boot-error">
          <h1>This page is unavailable</h1>
          <p>The server could not be reached. Check your connection and try again.</p>
          <button type="button" className="button button-primary" onClick={() => void start()}>
            Try again
          </button>
        </main>,
      )
      return
    }
    onBrand?.(brand)
    root.render(<StrictMode>{app()}</StrictMode>)
  }
  void start()
}
