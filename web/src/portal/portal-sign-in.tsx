/** Customer sign-in with email and password; the server's own message is shown for every refusal. */
import { useMutation } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { errorMessage, TextField } from '../shared/form-field.js'
import { useFormValues } from '../shared/form-values.js'
import * as portalApi from './portal-api.js'

export function PortalSignIn({
  notice,
  problem,
  onSignedIn,
}: {
  notice: string | null
  problem: string | null
  onSignedIn: (session: portalApi.PortalSession) => void
}) {
  const form = useFormValues({ email: '', password: '' })
  const { email, password } = form.values
  const [error, setError] = useState<string | null>(null)
  // The answer is the session; `onSignedIn` writes it into the portal's cache.
  const signIn = useMutation({ mutationFn: portalApi.signIn })
  const submitting = signIn.isPending

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (submitting) return
    setError(null)
    try {
      onSignedIn(await signIn.mutateAsync({ email: email.trim(), password }))
    } catch (caught) {
      setError(errorMessage(caught, 'Sign-in failed. Please try again.'))
    }
  }

  return (
    <section className="portal-card portal-narrow" aria-labelledby="portal-sign-in-title">
      <h1 className="portal-title" id="portal-sign-in-title">
        Sign in to your account
      </h1>
      <p className="muted">See your bills and usage, pay, and manage who can use your account.</p>
      {notice && !error && (
        <p className="callout callout-info" role="status">
          {notice}
        </p>
      )}
      {problem && !error && (
        <p className="callout callout-warning" role="status" data-testid="portal-session-problem">
          {problem}
        </p>
      )}
      {error && (
        <p className="callout callout-error" role="alert" data-testid="portal-sign-in-error">
          {error}
        </p>
      )}
      <form className="form" onSubmit={handleSubmit}>
        <TextField
          {...form.bind('email')}
          label="Email"
          type="email"
          autoComplete="username"
          required
          data-testid="portal-email"
        />
        <TextField
          {...form.bind('password')}
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          data-testid="portal-password"
        />
        <button
          type="submit"
          className="button button-primary button-block"
          disabled={submitting}
          data-testid="portal-sign-in-submit"
        >
          {submitting ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </section>
  )
}
