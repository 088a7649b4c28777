/**
 * The Priority Services Register needs a visit must know about (medical equipment, sight, hearing,
 * communication), as the account overview gives them to whoever reads appointments: categories only.
 */
import { categoryLabel } from '../collections/collections-format.js'
import { Panel } from '../shared/panel.js'

export function SiteNeedsCard({ needs }: { needs: ReadonlyArray<{ category: string }> }) {
  return (
    <Panel title="Priority services" testId="site-needs">
      {needs.length === 0 ? (
        <p className="muted">No Priority Services Register needs recorded.</p>
      ) : (
        <ul className="contact-list">
          {needs.map((need) => (
            <li key={need.category}>{categoryLabel(need.category)}</li>
          ))}
        </ul>
      )}
    </Panel>
  )
}
