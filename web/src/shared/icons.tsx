/**
 * The console navigation's icons: 20×20 outlines drawn in the text colour, hidden from screen readers
 * (the link's words name it). `NavIcon` is the frame every one of them repeated; the icons below are
 * the shell's and the staff-access entries', one set for both (`shell/console-shell.tsx` and
 * `staff/access-nav.tsx`).
 */

/** Which ends of the strokes are rounded: their caps, their joins, or both. */
type Rounded = 'cap' | 'join' | 'both'

export function NavIcon({ d, rounded }: { d: string; rounded: Rounded }) {
  return (
    <svg className="nav-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path
        d={d}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap={rounded === 'join' ? undefined : 'round'}
        strokeLinejoin={rounded === 'cap' ? undefined : 'round'}
      />
    </svg>
  )
}

export const dashboardIcon = <NavIcon d="M3 3h6v8H3V3Zm8 0h6v5h-6V3ZM3 13h6v4H3v-4Zm8-3h6v7h-6v-7Z" rounded="join" />

export const searchIcon = <NavIcon d="M4 4.5h12M4 10h12M4 15.5h7" rounded="cap" />

/** A statement with a pause mark: bills waiting for a decision. */
export const heldIcon = <NavIcon d="M5 2.75h7l3 3v11.5H5V2.75Zm7 0v3h3M8.5 9.5v5M11.5 9.5v5" rounded="both" />

/** A folder: customer issues being worked. */
export const casesIcon = <NavIcon d="M2.75 5.25h5l1.5 1.75h8v8.75H2.75V5.25Zm0 4h14.5" rounded="join" />

/** A folder with an upward arrow: cases raised above the front line. */
export const escalatedIcon = (
  <NavIcon d="M2.75 5.25h5l1.5 1.75h8v8.75H2.75V5.25ZM10 14v-4.5M7.75 11.5 10 9.25l2.25 2.25" rounded="both" />
)

/** A tick in a box: decisions waiting for a supervisor. */
export const approvalsIcon = <NavIcon d="M3.75 3.75h12.5v12.5H3.75V3.75Zm3 6.5 2.25 2.25 4.25-4.5" rounded="both" />

/** A list with a pound sign's bar: accounts owing, in order. */
export const worklistIcon = <NavIcon d="M3 5h8M3 10h8M3 15h8M14.5 4v12M12.5 7.5h4" rounded="cap" />

/** A person with a clock: what one staff user did, and when. */
export const activityIcon = (
  <NavIcon
    d="M7.5 8.5a2.75 2.75 0 1 0 0-5.5 2.75 2.75 0 0 0 0 5.5ZM2.75 16.5c0-2.75 2-4.75 4.75-4.75 1 0 1.9.25 2.6.75M14.5 17.25a3.25 3.25 0 1 0 0-6.5 3.25 3.25 0 0 0 0 6.5Zm0-4.75V14l1 .75"
    rounded="both"
  />
)

/** A flag: accounts flagged for review. */
export const reviewFlagsIcon = <NavIcon d="M4.75 17.25V3.25M4.75 3.75h9.5l-2 3.5 2 3.5h-9.5" rounded="both" />

/** A price tag: products and price changes. */
export const pricesIcon = <NavIcon d="M2.75 10.25V2.75h7.5l7 7-7.5 7.5-7-7ZM6.5 6.5h.01" rounded="both" />

/** A document with a seal: papers waiting for the legal team. */
export const poaIcon = (
  <NavIcon
    d="M4.75 2.75h7l3.5 3.5v5M4.75 2.75v14.5h6M7.5 7.5h5M7.5 10.5h3.5M14.5 17.25a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5Z"
    rounded="both"
  />
)

/** A shield: your own sign-in protection. */
export const securityIcon = (
  <NavIcon
    d="M10 2.75 4 5v4.5c0 3.75 2.5 6.5 6 7.75 3.5-1.25 6-4 6-7.75V5l-6-2.25Zm-2.5 7.5 1.75 1.75 3.5-3.75"
    rounded="both"
  />
)

/** Two people: the staff who may sign in. */
export const staffIcon = (
  <NavIcon
    d="M7.5 9a2.75 2.75 0 1 0 0-5.5 2.75 2.75 0 0 0 0 5.5ZM2.5 16.5c0-2.75 2.25-5 5-5s5 2.25 5 5M13.5 4a2.5 2.5 0 0 1 0 5M15 11.75c1.5.6 2.5 2.25 2.5 4.75"
    rounded="both"
  />
)

/** A key: credentials for integrations. */
export const tokensIcon = (
  <NavIcon
    d="M7 13.5a3.5 3.5 0 1 1 2.9-5.45h7.35v2.9h-1.5v1.8h-2.5v-1.8H9.9A3.5 3.5 0 0 1 7 13.5Zm-.75-3.5h.01"
    rounded="both"
  />
)

/** A letterhead: the supplier's own details on every bill. */
export const settingsIcon = <NavIcon d="M4.75 2.75h10.5v14.5H4.75V2.75ZM7.5 6h5M7.5 9h5M7.5 12h3" rounded="both" />
