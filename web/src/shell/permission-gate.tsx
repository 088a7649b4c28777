/**
 * A console page for one permission: without it the page says, under its own title, who it is for
 * (the server refuses the calls anyway); with it the page itself is shown.
 */
import type { ReactNode } from 'react'
import { useSession } from '../console-context.js'
import { PageHeader } from '../shared/page-header.js'

export function PermissionGate({
  permission,
  title,
  refusal,
  children,
}: {
  permission: string
  title: string
  /** Who the page is for, e.g. "The review-flag queue is for supervisors." */
  refusal: ReactNode
  children: ReactNode
}) {
  const { user } = useSession()
  if (user.permissions.includes(permission)) return children
  return (
    <div className="page">
      <PageHeader title={title} />
      <p className="callout callout-info">{refusal}</p>
    </div>
  )
}
