/**
 * The pieces My security and Tokens share: the table of API tokens (never their secrets), the
 * confirmation before revoking one, and the form that issues one for yourself (name, expiry of at
 * most 90 days, optionally a subset of your own permissions), whose secret is shown once.
 */
import { useState } from 'react'
import { useApi } from '../console-context.js'
import type { RequestOf } from '../shared/api-client.js'
import { DialogDone, DialogForm } from '../shared/dialog-form.js'
import { TextField } from '../shared/form-field.js'
import { useFormValues } from '../shared/form-values.js'
import { formatLocalDateTime } from '../shared/format.js'
import { useFormMutation } from '../shared/mutation.js'
import { DataTable } from '../shared/table.js'
import {
  type ApiTokenItem,
  createToken,
  expiryInDays,
  maxTokenDays,
  revokeToken,
  sessionOnlyPermissions,
} from './access-api.js'
import { OneTimeSecret } from './one-time-secret.js'

/** What issuing or revoking a token makes stale: every list of tokens (all of them, and your own). */
const tokenKeys = [['tokens']] as const

/** Live, expired or revoked, as of `now`. */
function tokenState(token: ApiTokenItem, now: Date): 'live' | 'expired' | 'revoked' {
  if (token.revokedAt) return 'revoked'
  return new Date(token.expiresAt) <= now ? 'expired' : 'live'
}

const stateChip = {
  live: { className: 'chip chip-positive', label: 'Live' },
  expired: { className: 'chip chip-neutral', label: 'Expired' },
  revoked: { className: 'chip chip-danger', label: 'Revoked' },
} as const

export function TokenTable({
  tokens,
  ownerOf,
  onRevoke,
  caption,
}: {
  tokens: ApiTokenItem[]
  /** The owner column (the Tokens page): a person's name or the service account. */
  ownerOf?: (token: ApiTokenItem) => string
  onRevoke: (token: ApiTokenItem) => void
  caption: string
}) {
  const now = new Date()
  return (
    <DataTable
      caption={caption}
      columns={[
        'Name',
        ...(ownerOf ? ['Acts as'] : []),
        'Permissions',
        'Created',
        'Expires',
        'Last used',
        'Status',
        { label: 'Revoke', hidden: true },
      ]}
    >
      {tokens.map((token) => {
        const state = tokenState(token, now)
        return (
          <tr key={token.id} data-testid="api-token" data-id={token.id} data-name={token.name} data-state={state}>
            <td>{token.name}</td>
            {ownerOf && <td data-testid="api-token-owner">{ownerOf(token)}</td>}
            <td className="nowrap" title={token.permissions.join('\n')}>
              {token.permissions.length}
            </td>
            <td className="nowrap">{formatLocalDateTime(token.createdAt)}</td>
            <td className="nowrap">{formatLocalDateTime(token.expiresAt)}</td>
            <td className="nowrap">{token.lastUsedAt ? formatLocalDateTime(token.lastUsedAt) : 'Never'}</td>
            <td>
              <span className={stateChip[state].className}>{stateChip[state].label}</span>
            </td>
            <td>
              {state === 'live' && (
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => onRevoke(token)}
                  data-testid="api-token-revoke"
                >
                  Revoke<span className="visually-hidden"> {token.name}</span>
                </button>
              )}
            </td>
          </tr>
        )
      })}
    </DataTable>
  )
}

/** Confirm, then revoke: anything using the token stops working at once. */
export function RevokeTokenDialog({
  token,
  onClose,
  onRevoked,
}: {
  token: ApiTokenItem
  onClose: () => void
  onRevoked: (text: string) => Promise<void>
}) {
  const api = useApi()
  const revoke = useFormMutation({
    mutationFn: () => revokeToken(api, { tokenId: token.id }),
    invalidates: tokenKeys,
    onSuccess: () => onRevoked(`Revoked: the token “${token.name}” no longer works.`),
    failure: 'The token could not be revoked.',
  })

  return (
    <DialogForm
      title="Revoke API token"
      onClose={onClose}
      testId="revoke-token-dialog"
      onSubmit={() => revoke.send()}
      error={revoke.error}
      errorTestId="revoke-token-error"
      sending={revoke.sending}
      tone="danger"
      submitLabel="Revoke the token"
      sendingLabel="Revoking…"
      submitTestId="revoke-token-confirm"
    >
      <p>
        Revoke “{token.name}”? Anything using it is refused from now on. This cannot be undone: issue a new token if it
        is still needed.
      </p>
    </DialogForm>
  )
}

/**
 * Issue a token acting as you. Without a chosen subset it carries all your permissions except
 * approvals (which always need a person); its secret is shown once, then the dialog only closes.
 */
export function CreateTokenDialog({
  myPermissions,
  onClose,
}: {
  myPermissions: readonly string[]
  onClose: () => void
}) {
  const api = useApi()
  const form = useFormValues({ name: '', days: '30' })
  const { ids } = form
  const { name, days } = form.values
  const [narrow, setNarrow] = useState(false)
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set())
  const create = useFormMutation({
    mutationFn: (body: RequestOf<'/api/tokens', 'post'>) => createToken(api, body),
    invalidates: tokenKeys,
    failure: 'The token could not be issued.',
  })

  const grantable = myPermissions.filter((permission) => !sessionOnlyPermissions.includes(permission))

  function toggle(permission: string, on: boolean) {
    setChosen((current) => {
      const next = new Set(current)
      if (on) next.add(permission)
      else next.delete(permission)
      return next
    })
  }

  function submit() {
    const found: Record<string, string> = {}
    if (!name.trim()) found['name'] = 'Name the token after what will use it.'
    const count = Number(days)
    if (!/^\d+$/.test(days.trim()) || count < 1 || count > maxTokenDays) {
      found['expiresAt'] = `Between 1 and ${maxTokenDays} days.`
    }
    if (narrow && chosen.size === 0) found['permissions'] = 'Choose at least one permission, or give it all of yours.'
    if (!create.check(found)) return
    create.send({
      name: name.trim(),
      expiresAt: expiryInDays(new Date(), Number(days)),
      ...(narrow ? { permissions: grantable.filter((permission) => chosen.has(permission)) } : {}),
    })
  }

  const created = create.result
  if (created) {
    return (
      <DialogDone
        title="Your new API token"
        onClose={onClose}
        testId="create-token-dialog"
        wide
        doneLabel="I have copied it"
        doneTestId="new-token-done"
      >
        <OneTimeSecret
          label="Token"
          value={created.token}
          warning="Copy the token now and keep it somewhere safe: it is shown only this once. Anyone holding it acts as you until it expires or is revoked."
          testId="new-token-secret"
        />
        <p className="muted">
          It carries {created.permissions.length} permission{created.permissions.length === 1 ? '' : 's'} and expires{' '}
          {formatLocalDateTime(created.expiresAt)}. Send it as <span className="mono">Authorization: Bearer …</span>.
        </p>
      </DialogDone>
    )
  }

  const { problems } = create
  // The server names each permission it refuses (`permissions.2`): they are one problem under the choices.
  const permissionProblem = Object.entries(problems)
    .filter(([path]) => path.startsWith('permissions'))
    .map(([, message]) => message)
    .join('; ')
  return (
    <DialogForm
      title="New API token"
      onClose={onClose}
      testId="create-token-dialog"
      wide
      onSubmit={submit}
      error={create.error}
      errorTestId="create-token-error"
      sending={create.sending}
      submitLabel="Issue token"
      sendingLabel="Issuing…"
      submitTestId="create-token-submit"
    >
      <p className="muted">
        A token acts as you, for scripts and integrations. It never carries approvals, which always need a person.
      </p>
      <TextField
        {...form.bind('name', problems)}
        label="Name"
        hint="What will use it, e.g. “meter-read export”."
        maxLength={100}
        data-testid="token-name"
      />
      <TextField
        {...form.bind('days')}
        onValueChange={(value) => form.set('days', value.replace(/\D/g, '').slice(0, 3))}
        label="Expires after (days)"
        hint={`At most ${maxTokenDays} days.`}
        inputMode="numeric"
        inputClassName="input-compact"
        error={problems['expiresAt']}
        data-testid="token-days"
      />
      <fieldset className="fieldset">
        <legend className="field-label">Permissions</legend>
        <label className="checkbox">
          <input type="radio" name={`${ids}-scope`} checked={!narrow} onChange={() => setNarrow(false)} />
          <span>All of mine ({grantable.length})</span>
        </label>
        <label className="checkbox">
          <input
            type="radio"
            name={`${ids}-scope`}
            checked={narrow}
            onChange={() => setNarrow(true)}
            data-testid="token-scope-some"
          />
          <span>Only those I choose</span>
        </label>
        {narrow && (
          <div className="permission-choices" data-testid="token-permissions">
            {grantable.map((permission) => (
              <label className="checkbox" key={permission}>
                <input
                  type="checkbox"
                  checked={chosen.has(permission)}
                  onChange={(event) => toggle(permission, event.target.checked)}
                  data-permission={permission}
                />
                <span className="mono">{permission}</span>
              </label>
            ))}
          </div>
        )}
        {permissionProblem && (
          <span className="field-error" data-testid="token-permissions-problem">
            {permissionProblem}
          </span>
        )}
      </fieldset>
    </DialogForm>
  )
}
