/**
 * Accept an invitation to use an account (USR-3): the invitee chooses the name shown to the account
 * holder and a password, which creates their own login and signs them in.
 */
import { useMutation } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { ApiError } from '../api.js'
import { brand } from '../shared/brand.js'
import { TextField } from '../shared/form-field.js'
import * as portalApi from './portal-api.js'

export function InvitationPage({
  token,
  onAccepted,
}: {
  token: string
  onAccepted: (session: portalApi.PortalSession) => void
}) {
  const [displayName, setDisplayName] = useState('')
  const [password, setPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [problems, setProblems] = useState<Record<string, string>>({})
  // The answer is the session; `onAccepted` writes it into the portal's cache.
  const accept = useMutation({ mutationFn: portalApi.acceptInvitation })
  const submitting = accept.isPending

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (submitting) return
    if (password !== confirm) {
      setProblems({ confirm: 'The passwords do not match.' })
      return
    }
    setError(null)
    setProblems({})
    try {
      onAccepted(await accept.mutateAsync({ token, displayName: displayName.trim(), password }))
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'The invitation could not be accepted.')
      if (caught instanceof ApiError) setProblems(caught.fieldProblems())
    }
  }

  return (
    <section className="portal-card portal-narrow" aria-labelledby="invitation-title" data-testid="invitation-page">
      <h1 className="portal-title" id="invitation-title">
        Accept your invitation
      </h1>
      <p className="muted">
        You have been invited to use a {brand().name} account. Choose your name and a password to create your login.
      </p>
      {error && (
        <p className="callout callout-error" role="alert" data-testid="invitation-error">
          {error}
        </p>
      )}
      <form className="form" onSubmit={handleSubmit}>
        <TextField
          id="invitation-name"
          label="Your name"
          autoComplete="name"
          required
          maxLength={100}
          value={displayName}
          onValueChange={setDisplayName}
          error={problems['displayName']}
          data-testid="invitation-name"
        />
        <TextField
          id="invitation-password"
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          value={password}
          onValueChange={setPassword}
          error={problems['password']}
          data-testid="invitation-password"
        />
        <TextField
          id="invitation-confirm"
          label="Password again"
          type="password"
          autoComplete="new-password"
          required
          value={confirm}
          onValueChange={setConfirm}
          error={problems['confirm']}
          data-testid="invitation-confirm"
        />
        <button
          type="submit"
          className="button button-primary button-block"
          disabled={submitting}
          data-testid="invitation-submit"
        >
          {submitting ? 'Creating your login…' : 'Accept and sign in'}
        </button>
      </form>
    </section>
  )
}
