/**
 * Who can use the account (USR-3, the account holder): the people with access, an invitation by
 * email at a level (full or limited), changing an authorized user's level, and removing access.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { ConfirmAction } from '../shared/confirm-action.js'
import { errorMessage, SelectField, TextField } from '../shared/form-field.js'
import { useFormValues } from '../shared/form-values.js'
import { capitalise, formatLocalDateTime } from '../shared/format.js'
import { useFormMutation } from '../shared/mutation.js'
import { FormActions, submitted } from '../shared/mutation-form.js'
import { Notice, type NoticeMessage } from '../shared/notice.js'
import { Panel } from '../shared/panel.js'
import { DataTable } from '../shared/table.js'
import * as portalApi from './portal-api.js'
import { PortalList } from './portal-list.js'

const levelOptions = [
  { value: 'limited', label: 'Limited: bills, usage and payments only' },
  { value: 'full', label: 'Full: also pay and change contact details' },
] as const

function levelOf(kind: portalApi.PortalUserKind): portalApi.AuthorizedUserLevel | null {
  return kind === 'authorized_full' ? 'full' : kind === 'authorized_limited' ? 'limited' : null
}

export function UsersTab({ accountNumber }: { accountNumber: string }) {
  const users = useQuery({
    queryKey: portalApi.portalKeys.users(accountNumber),
    queryFn: () => portalApi.accountUsers({ accountNumber }),
  })
  const [notice, setNotice] = useState<NoticeMessage | null>(null)
  const queryClient = useQueryClient()
  const reload = () => queryClient.invalidateQueries({ queryKey: portalApi.portalKeys.users(accountNumber) })
  const changeLevel = useMutation({ mutationFn: portalApi.changeUserLevel, onSuccess: reload })
  const remove = useMutation({ mutationFn: portalApi.removeUser, onSuccess: reload })

  async function act(work: () => Promise<void>, done: string) {
    setNotice(null)
    try {
      await work()
      setNotice({ tone: 'success', text: done })
    } catch (error) {
      setNotice({ tone: 'error', text: errorMessage(error, 'That could not be done.') })
    }
  }

  return (
    <>
      <Panel title="People who can use this account" flush testId="portal-users">
        <Notice notice={notice} testId="portal-users-notice" className="portal-pad" />
        <PortalList
          items={users.data}
          query={users}
          loading="Loading…"
          failed="The list could not be loaded."
          empty="Nobody else can use this account."
          padded
        >
          {(list) => (
            <DataTable columns={['Name', 'Access', 'Status', { label: 'Actions', hidden: true }]}>
              {list.map((user) => (
                <UserRow
                  key={user.id}
                  user={user}
                  onChangeLevel={(level) =>
                    act(
                      () => changeLevel.mutateAsync({ accountNumber, userId: user.id, level }),
                      `${user.displayName || user.email} now has ${level} access.`,
                    )
                  }
                  onRemove={() =>
                    act(
                      () => remove.mutateAsync({ accountNumber, userId: user.id }),
                      `${user.displayName || user.email} can no longer use this account.`,
                    )
                  }
                />
              ))}
            </DataTable>
          )}
        </PortalList>
      </Panel>
      <InviteForm accountNumber={accountNumber} />
    </>
  )
}

function UserRow({
  user,
  onChangeLevel,
  onRemove,
}: {
  user: portalApi.PortalAccountUser
  onChangeLevel: (level: portalApi.AuthorizedUserLevel) => Promise<void>
  onRemove: () => Promise<void>
}) {
  const current = levelOf(user.kind)
  const [level, setLevel] = useState<string>(current ?? '')
  const [busy, setBusy] = useState(false)

  async function run(work: () => Promise<void>) {
    setBusy(true)
    try {
      await work()
    } finally {
      setBusy(false)
    }
  }

  return (
    <tr data-testid="portal-user-row" data-email={user.email} data-kind={user.kind}>
      <th scope="row">
        {user.displayName || user.email}
        <div className="muted">{user.email}</div>
      </th>
      <td>
        {current ? (
          <select
            className="input"
            aria-label={`Access level for ${user.email}`}
            value={level}
            onChange={(event) => setLevel(event.target.value)}
            disabled={busy}
            data-testid="portal-user-level"
          >
            <option value="limited">Limited</option>
            <option value="full">Full</option>
          </select>
        ) : (
          (portalApi.kindLabels[user.kind] ?? user.kind)
        )}
      </td>
      <td>
        {capitalise(user.status)}
        {user.validTo && <div className="muted">Until {formatLocalDateTime(user.validTo)}</div>}
      </td>
      <td>
        <div className="portal-row-actions">
          {current && level !== current && (
            <button
              type="button"
              className="button button-small"
              disabled={busy}
              onClick={() => void run(() => onChangeLevel(level as portalApi.AuthorizedUserLevel))}
              data-testid="portal-user-save-level"
            >
              Save level
            </button>
          )}
          {user.kind !== 'holder' && (
            <ConfirmAction
              label="Remove"
              testId="portal-user-remove"
              confirmLabel="Yes, remove"
              sending={busy}
              onConfirm={() => run(onRemove)}
              confirmTestId="portal-user-remove-confirm"
            />
          )}
        </div>
      </td>
    </tr>
  )
}

function InviteForm({ accountNumber }: { accountNumber: string }) {
  const form = useFormValues({ email: '', level: 'limited' as portalApi.AuthorizedUserLevel })
  const { email, level } = form.values
  const invite = useFormMutation({
    mutationFn: portalApi.inviteUser,
    // A pending invitation may show in the list, so it is read again.
    invalidates: [portalApi.portalKeys.users(accountNumber)],
    onSuccess: () => form.set('email', ''),
    failure: 'The invitation could not be sent.',
  })
  const { problems } = invite

  function submit() {
    const address = email.trim()
    const valid = /^[^\s@]+@[^\s@]+$/.test(address)
    if (invite.check(valid ? {} : { email: 'Enter the email address to send the invitation to.' })) {
      invite.send({ accountNumber, email: address, level })
    }
  }

  return (
    <Panel title="Invite someone" testId="portal-invite">
      <p className="muted">They get an email with a link to create their own login.</p>
      <Notice
        notice={
          invite.error
            ? { tone: 'error', text: invite.error }
            : invite.done && invite.input
              ? { tone: 'success', text: `Invitation sent to ${invite.input.email}.` }
              : null
        }
        testId="portal-invite-message"
      />
      <form className="form form-inline-grid" onSubmit={submitted(submit)} noValidate>
        <TextField
          {...form.bind('email', problems)}
          label="Their email"
          type="email"
          data-testid="portal-invite-email"
        />
        <SelectField
          {...form.bindChoice('level', problems)}
          label="Access"
          options={levelOptions}
          data-testid="portal-invite-level"
        />
        <FormActions
          sending={invite.sending}
          submitLabel="Send invitation"
          sendingLabel="Sending…"
          submitTestId="portal-invite-submit"
        />
      </form>
    </Panel>
  )
}
