/**
 * The Priority Services Register needs a visit must know about (medical equipment, sight, hearing,
 * communication), as the account overview gives them to whoever reads appointments: categories only.
 */
import { categoryLabel } from '../collections/collections-format.js'

export function SiteNeedsCard({ needs }: { needs: ReadonlyArray<{ category: string }> }) {
  return (
    <section className="card" aria-labelledby="site-needs-title" data-testid="site-needs">
      <h2 className="card-title" id="site-needs-title">
        Priority services
      </h2>
      {needs.length === 0 ? (
        <p className="muted">No Priority Services Register needs recorded.</p>
      ) : (
        <ul className="contact-list">
          {needs.map((need) => (
            <li key={need.category}>{categoryLabel(need.category)}</li>
          ))}
        </ul>
      )}
    </section>
  )
}
