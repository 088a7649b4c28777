/**
 * The Staff page's dialogs: inviting a staff user (the one-time invitation link is shown once, to hand
 * over), changing a role (a money role becomes a request for a second administrator), and resetting
 * an authenticator app after confirming. Each write is a `useFormMutation` that invalidates the staff
 * list and its role requests.
 */
import type { RoleCode } from '../api.js'
import { useApi } from '../console-context.js'
import { DialogDone, DialogForm } from '../shared/dialog-form.js'
import { SelectField, TextField } from '../shared/form-field.js'
import { useFormValues } from '../shared/form-values.js'
import { formatLocalDateTime } from '../shared/format.js'
import { useFormMutation } from '../shared/mutation.js'
import { changeRole, inviteStaff, isMoneyRole, type RoleInfo, resetTotp, type StaffMember } from './access-api.js'
import { OneTimeSecret } from './one-time-secret.js'
import { staffInvitationLink } from './staff-invitation-route.js'

/** What a change to staff makes stale: the list and the role requests (both under `staff`). */
const staffKeys = [['staff']] as const

function roleOptions(roles: readonly RoleInfo[]) {
  return roles.map((role) => ({
    value: role.role,
    label: isMoneyRole(role) ? `${role.label} (needs a second approval)` : role.label,
  }))
}

/** Invite a staff user; on success shows the link for the new user, once. */
export function InviteStaffDialog({ roles, onClose }: { roles: readonly RoleInfo[]; onClose: () => void }) {
  const api = useApi()
  const form = useFormValues({ email: '', displayName: '', role: '' })
  const { email, displayName, role } = form.values
  const invite = useFormMutation({
    mutationFn: (body: { email: string; displayName: string; role: RoleCode }) => inviteStaff(api, body),
    invalidates: staffKeys,
    failure: 'The invitation could not be created.',
  })

  const chosen = roles.find((info) => info.role === role)

  function submit() {
    const found: Record<string, string> = {}
    if (!email.trim()) found['email'] = 'Enter their work email.'
    if (!displayName.trim()) found['displayName'] = 'Enter the name colleagues know them by.'
    if (!chosen) found['role'] = 'Choose a role.'
    if (!invite.check(found) || !chosen) return
    invite.send({ email: email.trim(), displayName: displayName.trim(), role: chosen.role as RoleCode })
  }

  const invited = invite.result
  if (invited) {
    const invitedRole = roles.find((info) => info.role === invited.user.role)
    return (
      <DialogDone
        title="Invitation created"
        onClose={onClose}
        testId="invite-staff-dialog"
        wide
        doneTestId="invitation-done"
      >
        <p>
          {invited.user.displayName} ({invited.user.email}) is invited as {invitedRole?.label ?? invited.user.role}.
          Give them this link yourself, by a channel you trust: with it they choose their own password. It works once,
          until {formatLocalDateTime(invited.invitation.expiresAt)}.
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
      </DialogDone>
    )
  }

  const { problems } = invite
  return (
    <DialogForm
      title="Invite staff user"
      onClose={onClose}
      testId="invite-staff-dialog"
      onSubmit={submit}
      error={invite.error}
      errorTestId="invite-error"
      sending={invite.sending}
      submitLabel="Invite"
      sendingLabel="Inviting…"
      submitTestId="invite-submit"
    >
      <TextField
        {...form.bind('email', problems)}
        label="Email"
        type="email"
        autoComplete="off"
        maxLength={320}
        data-testid="invite-email"
      />
      <TextField
        {...form.bind('displayName', problems)}
        label="Display name"
        autoComplete="off"
        maxLength={200}
        data-testid="invite-name"
      />
      <SelectField
        {...form.bind('role', problems)}
        label="Role"
        placeholder="Choose…"
        options={roleOptions(roles)}
        hint={
          chosen && isMoneyRole(chosen)
            ? `${chosen.label} can move money: a second administrator must approve it before they can sign in.`
            : 'A role that can move money waits for a second administrator’s approval.'
        }
        data-testid="invite-role"
      />
    </DialogForm>
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
  const form = useFormValues({ role: user.role as string })
  const { role } = form.values
  const chosen = roles.find((info) => info.role === role)
  const change = useFormMutation({
    mutationFn: (next: RoleInfo) => changeRole(api, { userId: user.id, role: next.role as RoleCode }),
    invalidates: staffKeys,
    onSuccess: (changed, next) =>
      onChanged(
        changed.roleRequest
          ? `Requested: ${user.displayName} becomes ${next.label} once a second administrator approves.`
          : `Changed: ${user.displayName} is now ${next.label}.`,
      ),
    failure: 'The role could not be changed.',
  })

  return (
    <DialogForm
      title="Change role"
      onClose={onClose}
      testId="change-role-dialog"
      onSubmit={() => chosen && change.send(chosen)}
      error={change.error}
      errorTestId="change-role-error"
      sending={change.sending}
      submitDisabled={role === user.role}
      submitLabel="Change role"
      sendingLabel="Saving…"
      submitTestId="change-role-submit"
    >
      <p>
        {user.displayName} ({user.email})
      </p>
      <SelectField
        {...form.bind('role')}
        label="New role"
        options={roleOptions(roles)}
        hint={
          chosen && isMoneyRole(chosen) && chosen.role !== user.role
            ? 'This role can move money: it becomes a request that a second administrator approves.'
            : 'The change applies at once.'
        }
        data-testid="change-role-select"
      />
    </DialogForm>
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
  const reset = useFormMutation({
    mutationFn: () => resetTotp(api, { userId: user.id }),
    invalidates: staffKeys,
    onSuccess: () =>
      onReset(`Reset: ${user.displayName} signs in with a password only until they set up an app again.`),
    failure: 'The authenticator could not be reset.',
  })

  return (
    <DialogForm
      title="Reset authenticator app"
      onClose={onClose}
      testId="reset-totp-dialog"
      onSubmit={() => reset.send()}
      error={reset.error}
      errorTestId="reset-totp-error"
      sending={reset.sending}
      tone="danger"
      submitLabel="Reset the authenticator"
      sendingLabel="Resetting…"
      submitTestId="reset-totp-confirm"
    >
      <p>
        Reset the authenticator app of {user.displayName} ({user.email})? Do this only when you have checked who is
        asking (a lost or replaced phone). They are signed out everywhere, and set up a new app themselves under My
        security; nobody sees its secret.
      </p>
    </DialogForm>
  )
}
