/**
 * Accepting a staff invitation, without signing in: the invited person chooses their own password
 * with the one-time secret from their link (read from the fragment, then taken out of the address bar
 * so it is not left in history). The server's password-policy problems are shown beside the field.
 */
import { type FormEvent, useMemo, useState } from 'react'
import { ApiError, createApiClient } from '../api.js'
import { LoginPanel } from '../session/login-panel.js'
import { TextField } from '../shared/form-field.js'
import { useFormValues } from '../shared/form-values.js'
import { acceptStaffInvitation } from './access-api.js'
import { secretFromHash } from './staff-invitation-route.js'

type Accepted = Awaited<ReturnType<typeof acceptStaffInvitation>>

export function StaffInvitationPage() {
  const api = useMemo(() => createApiClient(), [])
  // Read once: the fragment is cleared from the address bar straight away.
  const [fromLink] = useState(() => {
    const secret = secretFromHash(window.location.hash)
    if (secret) window.history.replaceState(null, '', window.location.pathname)
    return secret
  })
  const form = useFormValues({ secret: fromLink, password: '', confirm: '' })
  const { secret, password, confirm } = form.values
  const [problems, setProblems] = useState<Record<string, string>>({})
  const [error, setError] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const [accepted, setAccepted] = useState<Accepted | null>(null)

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (sending) return
    setError(null)
    const found: Record<string, string> = {}
    if (!secret.trim()) found['secret'] = 'Paste the invitation code from your link.'
    if (!password) found['password'] = 'Choose a password.'
    else if (password !== confirm) found['confirm'] = 'The passwords do not match.'
    setProblems(found)
    if (Object.keys(found).length > 0) return
    setSending(true)
    try {
      setAccepted(await acceptStaffInvitation(api, { secret: secret.trim(), password }))
      form.setValues((current) => ({ ...current, password: '', confirm: '' }))
    } catch (caught) {
      if (caught instanceof ApiError) {
        setProblems(caught.fieldProblems())
        setError(caught.message)
      } else {
        setError('The invitation could not be accepted. Please try again.')
      }
    } finally {
      setSending(false)
    }
  }

  return (
    <LoginPanel title="Set your password" testId="staff-invitation-page">
      {accepted ? (
        <>
          <p className="callout callout-success" role="status" data-testid="staff-invitation-accepted">
            Your password is set for {accepted.email}.
            {accepted.awaitingApproval
              ? ' Your role needs a second administrator’s approval: you can sign in once it is approved.'
              : ' You can sign in now.'}
          </p>
          <a className="button button-primary button-block" href="/" data-testid="staff-invitation-sign-in">
            Go to sign in
          </a>
        </>
      ) : (
        <>
          <p className="login-lede">
            You have been invited to the Cuttle console. Choose a password of at least 12 characters that you use
            nowhere else: a passphrase of a few unrelated words works well.
          </p>
          {error && (
            <p className="callout callout-error" role="alert" data-testid="staff-invitation-error">
              {error}
            </p>
          )}
          <form className="form" onSubmit={(event) => void submit(event)} noValidate>
            {!fromLink && (
              <TextField
                {...form.bind('secret', problems)}
                label="Invitation code"
                autoComplete="off"
                data-testid="staff-invitation-secret"
              />
            )}
            {fromLink && problems['secret'] && (
              <p className="field-error" data-testid="staff-invitation-secret-problem">
                This invitation link {problems['secret']}: ask your administrator for a new one.
              </p>
            )}
            <TextField
              {...form.bind('password', problems)}
              label="New password"
              type="password"
              autoComplete="new-password"
              errorTestId="staff-invitation-password-problem"
              data-testid="staff-invitation-password"
            />
            <TextField
              {...form.bind('confirm', problems)}
              label="New password again"
              type="password"
              autoComplete="new-password"
              data-testid="staff-invitation-confirm"
            />
            <button
              type="submit"
              className="button button-primary button-block"
              disabled={sending}
              data-testid="staff-invitation-submit"
            >
              {sending ? 'Setting your password…' : 'Set password'}
            </button>
          </form>
        </>
      )}
    </LoginPanel>
  )
}
