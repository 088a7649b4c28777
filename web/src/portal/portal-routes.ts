/**
 * The portal's routes under `/portal`, read from the same history router as the staff console
 * (`../router.js`), so links and back/forward behave alike.
 */

export type PortalRoute =
  | { name: 'home' }
  | { name: 'account'; accountNumber: string }
  | { name: 'invitation'; token: string }
  | { name: 'quote' }
  | { name: 'sign-up' }
  | { name: 'not-found'; pathname: string }

/** Whether a path belongs to the customer portal rather than the staff console. */
export function isPortalPath(pathname: string): boolean {
  return pathname === '/portal' || pathname.startsWith('/portal/')
}

/** Turn a portal path into one of its routes. */
export function matchPortalRoute(pathname: string): PortalRoute {
  const path = pathname.replace(/\/+$/, '') || '/'
  if (path === '/portal') return { name: 'home' }
  if (path === '/portal/quote') return { name: 'quote' }
  if (path === '/portal/sign-up') return { name: 'sign-up' }
  const account = /^\/portal\/accounts\/([^/]+)$/.exec(path)
  if (account?.[1]) return { name: 'account', accountNumber: decodeURIComponent(account[1]) }
  const invitation = /^\/portal\/invitations\/([^/]+)$/.exec(path)
  if (invitation?.[1]) return { name: 'invitation', token: decodeURIComponent(invitation[1]) }
  return { name: 'not-found', pathname }
}

export const portalPaths = {
  home: () => '/portal',
  account: (accountNumber: string) => `/portal/accounts/${encodeURIComponent(accountNumber)}`,
  invitation: (token: string) => `/portal/invitations/${encodeURIComponent(token)}`,
  quote: () => '/portal/quote',
  signUp: (choice: { postcode: string; product: string; fuels: string }) =>
    `/portal/sign-up?${new URLSearchParams(choice).toString()}`,
}
