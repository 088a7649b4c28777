/**
 * The public page where an invited member of staff sets their password, reachable without signing in.
 * The secret travels in the link's fragment (`#secret=…`), which the browser never sends to the
 * server, so it stays out of access logs, proxies and `Referer` headers; the page posts it in the
 * body of `POST /api/staff/invitations/accept`.
 */

export const staffInvitationPath = '/staff/invitations/accept'

/** Whether a path is the invitation page (shown whether or not anyone is signed in). */
export function isStaffInvitationPath(pathname: string): boolean {
  return (pathname.replace(/\/+$/, '') || '/') === staffInvitationPath
}

/** The link to hand to the invited person. */
export function staffInvitationLink(origin: string, secret: string): string {
  return `${origin}${staffInvitationPath}#${new URLSearchParams({ secret })}`
}

/** The secret in a location's fragment (`#secret=…`), or '' when there is none. */
export function secretFromHash(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get('secret') ?? ''
}
