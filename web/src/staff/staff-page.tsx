/// <reference types="vite/client" />
/**
 * Staff, for access managers (`access.user.manage`; issue 19 hole 1): who may sign in and as what,
 * inviting a new member of staff (they set their own password from a one-time link), changing a role,
 * resetting an authenticator app, and the role requests waiting for a second access manager. A role
 * that moves money never takes effect on one person's word: the server opens a role request, and the
 * requester (or the user it is for) cannot decide it.
 */
import { useMutation, useQuery } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { useApi, useSession } from '../console-context.js'
import { errorMessage } from '../shared/form-field.js'
import { formatLocalDateTime } from '../shared/format.js'
import {
  QueueCard,
  type QueueOutcome,
  type QueueState,
  queueStatus,
  ReviewQueue,
  useQueueOutcome,
} from '../shared/review-queue.js'
import { DataTable } from '../shared/table.js'
import { PermissionGate } from '../shell/permission-gate.js'
import { RoleBadge } from '../shell/role-badge.js'
import {
  decideRoleRequest,
  listRoles,
  listStaff,
  pendingRoleRequests,
  type RoleRequest,
  type StaffMember,
  type StaffStatus,
  staffPermission,
  staffStatus,
} from './access-api.js'
import { ChangeRoleDialog, InviteStaffDialog, ResetTotpDialog } from './staff-dialogs.js'
import './staff-access.css'

type Open = { kind: 'invite' } | { kind: 'role'; user: StaffMember } | { kind: 'totp'; user: StaffMember } | null

const statusChip: Record<StaffStatus, { className: string; label: string }> = {
  active: { className: 'chip chip-positive', label: 'Active' },
  awaiting_approval: { className: 'chip chip-warning', label: 'Awaiting approval' },
  invited: { className: 'chip chip-info', label: 'Invited' },
  locked: { className: 'chip chip-danger', label: 'Locked' },
  disabled: { className: 'chip chip-neutral', label: 'Disabled' },
}

/** The two answers to a role request, as buttons. */
const decisions = [
  { approve: true, label: 'Approve', className: 'button button-small button-primary', testId: 'role-request-approve' },
  { approve: false, label: 'Reject', className: 'button button-small', testId: 'role-request-reject' },
] as const

export function StaffPage() {
  return (
    <PermissionGate permission={staffPermission} title="Staff" refusal="Managing staff users is for access managers.">
      <StaffManagement />
    </PermissionGate>
  )
}

function StaffManagement() {
  const api = useApi()
  const { user: me } = useSession()
  const ids = useId()
  const [open, setOpen] = useState<Open>(null)
  const staffQuery = useQuery({ queryKey: ['staff'], queryFn: () => listStaff(api) })
  const rolesQuery = useQuery({ queryKey: ['roles'], queryFn: () => listRoles(api) })
  const requestsQuery = useQuery({ queryKey: ['staff', 'role-requests'], queryFn: () => pendingRoleRequests(api) })
  // An invitation, a role change, a reset or a decision changes the staff list and the requests.
  const { outcome, outcomeRef, decided } = useQueueOutcome([['staff']])
  const state: QueueState = {
    queue: queueStatus('Staff could not be loaded.', staffQuery, rolesQuery, requestsQuery),
    reload: () => Promise.all([staffQuery.refetch(), rolesQuery.refetch(), requestsQuery.refetch()]),
    outcome,
    outcomeRef,
  }

  function report(text: string, tone?: QueueOutcome['tone']) {
    setOpen(null)
    return decided(text, tone)
  }

  const loaded =
    staffQuery.data && rolesQuery.data && requestsQuery.data
      ? { staff: staffQuery.data, roles: rolesQuery.data, requests: requestsQuery.data }
      : null
  const roleOf = (role: string) => loaded?.roles.find((info) => info.role === role)
  const nameOf = (userId: string) => loaded?.staff.find((member) => member.id === userId)?.displayName ?? userId
  const now = new Date()

  const decision = useMutation({
    mutationFn: ({ request, approve }: { request: RoleRequest; approve: boolean }) =>
      decideRoleRequest(api, { requestId: request.id, approve }),
    onSuccess: (_decided, { request, approve }) => {
      const who = nameOf(request.userId)
      const role = roleOf(request.role)?.label ?? request.role
      return report(approve ? `Approved: ${who} is now ${role}.` : `Rejected: ${who} does not become ${role}.`)
    },
    // The server refuses your own requests (and those for you): its reason is shown as it is.
    onError: (caught) => report(errorMessage(caught, 'The role request could not be decided.'), 'error'),
  })
  const deciding = decision.isPending ? decision.variables.request.id : null

  function decide(request: RoleRequest, approve: boolean) {
    if (deciding) return
    decision.mutate({ request, approve })
  }

  return (
    <ReviewQueue
      className="staff-page"
      testId="staff-page"
      title="Staff"
      lede="Who can sign in to the console, and as what. New staff set their own password from a one-time invitation; a role that can move money waits for a second administrator's approval."
      state={state}
      outcomeTestId="staff-outcome"
      loadingLabel="Loading staff…"
    >
      {loaded && (
        <>
          <QueueCard
            titleId={`${ids}-requests`}
            title="Role requests waiting for approval"
            count={`${loaded.requests.length} waiting`}
            testId="role-requests"
            empty={loaded.requests.length === 0 && 'No role requests are waiting.'}
            emptyTestId="role-requests-empty"
          >
            <DataTable
              caption="Role requests waiting for a second administrator"
              columns={['Staff user', 'Role asked for', 'Asked by', 'Asked', 'Decision']}
            >
              {loaded.requests.map((request) => {
                const role = roleOf(request.role)
                const mine = request.requestedBy === me.id || request.userId === me.id
                return (
                  <tr key={request.id} data-testid="role-request" data-id={request.id}>
                    <td>{nameOf(request.userId)}</td>
                    <td>{role ? <RoleBadge label={role.label} colour={role.badgeColour} /> : request.role}</td>
                    <td>{request.requestedBy === me.id ? 'You' : nameOf(request.requestedBy)}</td>
                    <td className="nowrap">{formatLocalDateTime(request.requestedAt)}</td>
                    <td>
                      {mine ? (
                        <span className="muted" data-testid="role-request-not-yours">
                          Another administrator decides this
                        </span>
                      ) : (
                        <div className="access-actions">
                          {decisions.map(({ approve, label, className, testId }) => (
                            <button
                              key={label}
                              type="button"
                              className={className}
                              disabled={deciding !== null}
                              onClick={() => decide(request, approve)}
                              data-testid={testId}
                            >
                              {label}
                            </button>
                          ))}
                        </div>
                      )}
                    </td>
                  </tr>
                )
              })}
            </DataTable>
          </QueueCard>

          <QueueCard
            titleId={`${ids}-staff`}
            title="Staff users"
            testId="staff-list"
            action={
              <button
                type="button"
                className="button button-small button-primary"
                onClick={() => setOpen({ kind: 'invite' })}
                data-testid="staff-invite"
              >
                Invite staff user
              </button>
            }
            empty={false}
          >
            <DataTable
              caption="Staff users, by role then email"
              columns={['Name', 'Email', 'Role', 'Status', 'Authenticator', 'Actions']}
            >
              {loaded.staff.map((member) => {
                const role = roleOf(member.role)
                const status = staffStatus(member, now)
                const isMe = member.id === me.id
                return (
                  <tr key={member.id} data-testid="staff-user" data-email={member.email} data-status={status}>
                    <td>
                      {member.displayName}
                      {isMe && <span className="muted"> (you)</span>}
                    </td>
                    <td>{member.email}</td>
                    <td>{role ? <RoleBadge label={role.label} colour={role.badgeColour} /> : member.role}</td>
                    <td>
                      <span className={statusChip[status].className} data-testid="staff-status">
                        {statusChip[status].label}
                      </span>
                    </td>
                    <td>{member.totpEnabled ? 'On' : 'Off'}</td>
                    <td>
                      <div className="access-actions">
                        {!isMe && status !== 'disabled' && (
                          <button
                            type="button"
                            className="button button-small"
                            onClick={() => setOpen({ kind: 'role', user: member })}
                            data-testid="staff-change-role"
                          >
                            Change role<span className="visually-hidden"> of {member.displayName}</span>
                          </button>
                        )}
                        {member.totpEnabled && (
                          <button
                            type="button"
                            className="button button-small"
                            onClick={() => setOpen({ kind: 'totp', user: member })}
                            data-testid="staff-reset-totp"
                          >
                            Reset authenticator<span className="visually-hidden"> of {member.displayName}</span>
                          </button>
                        )}
                      </div>
                    </td>
                  </tr>
                )
              })}
            </DataTable>
          </QueueCard>

          {open?.kind === 'invite' && <InviteStaffDialog roles={loaded.roles} onClose={() => setOpen(null)} />}
          {open?.kind === 'role' && (
            <ChangeRoleDialog
              user={open.user}
              roles={loaded.roles}
              onClose={() => setOpen(null)}
              onChanged={(text) => report(text)}
            />
          )}
          {open?.kind === 'totp' && (
            <ResetTotpDialog user={open.user} onClose={() => setOpen(null)} onReset={(text) => report(text)} />
          )}
        </>
      )}
    </ReviewQueue>
  )
}
