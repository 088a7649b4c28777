import type { BadgeColour } from '../api.js'

/** The staff role as a coloured pill, in the colour the role seeds give it (USR-1). */
export function RoleBadge({ label, colour }: { label: string; colour: BadgeColour }) {
  return (
    <span className={`role-badge role-badge-${colour}`} data-testid="role-badge">
      {label}
    </span>
  )
}
