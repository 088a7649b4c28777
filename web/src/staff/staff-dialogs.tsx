/**
 * The Staff page's dialogs: inviting a staff user (the one-time invitation link is shown once, to hand
 * over), changing a role (a money role becomes a request for a second administrator), and resetting
 * an authenticator app after confirming.
 */
import { type FormEvent, useId, useState } from 'react'
import { ApiError, type RoleCode } from '../api.js'
import { useApi } from '../console-context.js'
import { Dialog } from '../payments/dialog.js'
import { SelectField, TextField } from '../shared/form-field.js'
import { formatLondonDateTime } from '../shared/format.js'
import {
  changeRole,
  inviteStaff,
  isMoneyRole,
  type RoleInfo,
  resetTotp,
  type StaffInvitation,
  type StaffMember,
} from './access-api.js'
import { OneTimeSecret } from './one-time-secret.js'
import { staffInvitationLink } from './staff-invitation-route.js'

function roleOptions(roles: readonly RoleInfo[]) {
  return roles.map((role) => ({
    value: role.role,
    label: isMoneyRole(role) ? `${role.label} (needs a second approval)` : role.label,
  }))
}

/** Invite a staff user; on success shows the link for the new user, once. */
export function InviteStaffDialog({
  roles,
  onClose,
  onInvited,
}: {
  roles: readonly RoleInfo[]
  onClose: () => void
  onInvited: () => void
}) {
  const api = useApi()
  const ids = useId()
  const [email, setEmail] = useState('')
  const [displayName, setDisplayName] = useState('')
  const [role, setRole] = useState('')
  const [problems, setProblems] = useState<Record<string, string>>({})
  const [error, setError] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const [invited, setInvited] = useState<StaffInvitation | null>(null)

  const chosen = roles.find((info) => info.role === role)

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (sending) return
    setError(null)
    const found: Record<string, string> = {}
    if (!email.trim()) found['email'] = 'Enter their work email.'
    if (!displayName.trim()) found['displayName'] = 'Enter the name colleagues know them by.'
    if (!chosen) found['role'] = 'Choose a role.'
    setProblems(found)
    if (Object.keys(found).length > 0 || !chosen) return
    setSending(true)
    try {
      setInvited(await inviteStaff(api, { email: email.trim(), displayName: displayName.trim(), role: chosen.role }))
      onInvited()
    } catch (caught) {
      if (caught instanceof ApiError) {
        setProblems(caught.fieldProblems())
        setError(caught.message)
      } else {
        setError('The invitation could not be created.')
      }
    } finally {
      setSending(false)
    }
  }

  if (invited) {
    const invitedRole = roles.find((info) => info.role === invited.user.role)
    return (
      <Dialog title="Invitation created" onClose={onClose} testId="invite-staff-dialog" wide>
        <div className="form">
          <p>
            {invited.user.displayName} ({invited.user.email}) is invited as {invitedRole?.label ?? invited.user.role}.
            Give them this link yourself, by a channel you trust: with it they choose their own password. It works once,
            until {formatLondonDateTime(invited.invitation.expiresAt)}.
          </p>
          <OneTimeSecret
            label="Invitation link"
            value={staffInvitationLink(window.location.origin, invited.invitation.secret)}
            warning="The link is shown only now. Anyone holding it can set this user's password until it is used."
            testId="invitation-link"
          />
          {invited.roleRequest && (
            <p className="callout callout-info" data-testid="invitation-awaiting-approval">
              {invitedRole?.label ?? 'This role'} can move money, so a second administrator must approve the role under
              “Role requests” before {invited.user.displayName} can sign in.
            </p>
          )}
          <div className="form-actions">
            <button type="button" className="button button-primary" onClick={onClose} data-testid="invitation-done">
              Done
            </button>
          </div>
        </div>
      </Dialog>
    )
  }

  return (
    <Dialog title="Invite staff user" onClose={onClose} testId="invite-staff-dialog">
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          id={`${ids}-email`}
          label="Email"
          type="email"
          autoComplete="off"
          maxLength={320}
          value={email}
          onValueChange={setEmail}
          error={problems['email']}
          data-testid="invite-email"
        />
        <TextField
          id={`${ids}-name`}
          label="Display name"
          autoComplete="off"
          maxLength={200}
          value={displayName}
          onValueChange={setDisplayName}
          error={problems['displayName']}
          data-testid="invite-name"
        />
        <SelectField
          id={`${ids}-role`}
          label="Role"
          placeholder="Choose…"
          options={roleOptions(roles)}
          value={role}
          onValueChange={setRole}
          error={problems['role']}
          hint={
            chosen && isMoneyRole(chosen)
              ? `${chosen.label} can move money: a second administrator must approve it before they can sign in.`
              : 'A role that can move money waits for a second administrator’s approval.'
          }
          data-testid="invite-role"
        />
        <div aria-live="polite">
          {error && (
            <p className="callout callout-error" role="alert" data-testid="invite-error">
              {error}
            </p>
          )}
        </div>
        <div className="form-actions">
          <button type="button" className="button button-ghost" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={sending} data-testid="invite-submit">
            {sending ? 'Inviting…' : 'Invite'}
          </button>
        </div>
      </form>
    </Dialog>
  )
}

/** Change a user's role; a money role is a request for a second administrator (202). */
export function ChangeRoleDialog({
  user,
  roles,
  onClose,
  onChanged,
}: {
  user: StaffMember
  roles: readonly RoleInfo[]
  onClose: () => void
  onChanged: (text: string) => Promise<void>
}) {
  const api = useApi()
  const ids = useId()
  const [role, setRole] = useState<string>(user.role)
  const [error, setError] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const chosen = roles.find((info) => info.role === role)

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (sending || !chosen) return
    setError(null)
    setSending(true)
    try {
      const changed = await changeRole(api, { userId: user.id, role: chosen.role as RoleCode })
      await onChanged(
        changed.roleRequest
          ? `Requested: ${user.displayName} becomes ${chosen.label} once a second administrator approves.`
          : `Changed: ${user.displayName} is now ${chosen.label}.`,
      )
    } catch (caught) {
      setSending(false)
      setError(caught instanceof ApiError ? caught.message : 'The role could not be changed.')
    }
  }

  return (
    <Dialog title="Change role" onClose={onClose} testId="change-role-dialog">
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <p>
          {user.displayName} ({user.email})
        </p>
        <SelectField
          id={`${ids}-role`}
          label="New role"
          options={roleOptions(roles)}
          value={role}
          onValueChange={setRole}
          hint={
            chosen && isMoneyRole(chosen) && chosen.role !== user.role
              ? 'This role can move money: it becomes a request that a second administrator approves.'
              : 'The change applies at once.'
          }
          data-testid="change-role-select"
        />
        <div aria-live="polite">
          {error && (
            <p className="callout callout-error" role="alert" data-testid="change-role-error">
              {error}
            </p>
          )}
        </div>
        <div className="form-actions">
          <button type="button" className="button button-ghost" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button-primary"
            disabled={sending || role === user.role}
            data-testid="change-role-submit"
          >
            {sending ? 'Saving…' : 'Change role'}
          </button>
        </div>
      </form>
    </Dialog>
  )
}

/** Confirm, then reset a user's authenticator app: they enrol again themselves, and are signed out. */
export function ResetTotpDialog({
  user,
  onClose,
  onReset,
}: {
  user: StaffMember
  onClose: () => void
  onReset: (text: string) => Promise<void>
}) {
  const api = useApi()
  const [error, setError] = useState<string | null>(null)
  const [sending, setSending] = useState(false)

  async function reset() {
    if (sending) return
    setSending(true)
    setError(null)
    try {
      await resetTotp(api, { userId: user.id })
      await onReset(`Reset: ${user.displayName} signs in with a password only until they set up an app again.`)
    } catch (caught) {
      setSending(false)
      setError(caught instanceof ApiError ? caught.message : 'The authenticator could not be reset.')
    }
  }

  return (
    <Dialog title="Reset authenticator app" onClose={onClose} testId="reset-totp-dialog">
      <div className="form">
        <p>
          Reset the authenticator app of {user.displayName} ({user.email})? Do this only when you have checked who is
          asking (a lost or replaced phone). They are signed out everywhere, and set up a new app themselves under My
          security; nobody sees its secret.
        </p>
        <div aria-live="polite">
          {error && (
            <p className="callout callout-error" role="alert" data-testid="reset-totp-error">
              {error}
            </p>
          )}
        </div>
        <div className="form-actions">
          <button type="button" className="button button-ghost" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="button button-danger"
            disabled={sending}
            onClick={() => void reset()}
            data-testid="reset-totp-confirm"
          >
            {sending ? 'Resetting…' : 'Reset the authenticator'}
          </button>
        </div>
      </div>
    </Dialog>
  )
}
