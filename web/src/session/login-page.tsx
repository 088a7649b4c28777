/**
 * Staff sign-in: email and password, then a six-digit authenticator code when the server asks for
 * one (`TOTP_REQUIRED`). The server's own message is shown for every refusal.
 */
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { ApiError, type StaffUser } from '../api.js'
import { useApi } from '../console-context.js'
import { LoginPanel } from './login-panel.js'

type LoginPageProps = {
  notice: string | null
  onSignedIn: (user: StaffUser) => void
}

export function LoginPage({ notice, onSignedIn }: LoginPageProps) {
  const api = useApi()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [totp, setTotp] = useState('')
  const [needsTotp, setNeedsTotp] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const totpInput = useRef<HTMLInputElement>(null)
  const emailInput = useRef<HTMLInputElement>(null)

  // The sign-in page has one job, so the cursor starts in the email field.
  useEffect(() => {
    emailInput.current?.focus()
  }, [])

  useEffect(() => {
    if (needsTotp) totpInput.current?.focus()
  }, [needsTotp])

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (submitting) return
    setSubmitting(true)
    setError(null)
    try {
      const user = await api.signIn(
        needsTotp ? { email: email.trim(), password, totp } : { email: email.trim(), password },
      )
      onSignedIn(user)
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'TOTP_REQUIRED' && !needsTotp) {
        setNeedsTotp(true)
      } else {
        setError(caught instanceof ApiError ? caught.message : 'Sign-in failed. Please try again.')
        if (caught instanceof ApiError && caught.code === 'TOTP_REQUIRED') setTotp('')
      }
    } finally {
      setSubmitting(false)
    }
  }

  function changeCredentials() {
    // A new email or password starts over: the code belongs to the credentials it was asked for.
    setNeedsTotp(false)
    setTotp('')
  }

  return (
    <LoginPanel title="Sign in">
      <p className="login-lede">Use your staff account. Customers sign in through the customer portal.</p>

      {notice && !error && (
        <p className="callout callout-info" role="status">
          {notice}
        </p>
      )}
      {error && (
        <p className="callout callout-error" role="alert" data-testid="login-error">
          {error}
        </p>
      )}

      <form className="form" onSubmit={handleSubmit} noValidate={false}>
        <label className="field">
          <span className="field-label">Email</span>
          <input
            className="input"
            type="email"
            name="email"
            autoComplete="username"
            required
            ref={emailInput}
            value={email}
            onChange={(event) => {
              setEmail(event.target.value)
              if (needsTotp) changeCredentials()
            }}
            data-testid="login-email"
          />
        </label>
        <label className="field">
          <span className="field-label">Password</span>
          <input
            className="input"
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => {
              setPassword(event.target.value)
              if (needsTotp) changeCredentials()
            }}
            data-testid="login-password"
          />
        </label>
        {needsTotp && (
          <label className="field">
            <span className="field-label">Authenticator code</span>
            <span className="field-hint" id="totp-hint">
              Enter the 6-digit code from your authenticator app.
            </span>
            <input
              ref={totpInput}
              className="input input-code"
              name="totp"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              required
              aria-describedby="totp-hint"
              value={totp}
              onChange={(event) => setTotp(event.target.value.replace(/\D/g, '').slice(0, 6))}
              data-testid="login-totp"
            />
          </label>
        )}
        <button
          type="submit"
          className="button button-primary button-block"
          disabled={submitting}
          data-testid="login-submit"
        >
          {submitting ? 'Signing in…' : needsTotp ? 'Verify and sign in' : 'Sign in'}
        </button>
      </form>
    </LoginPanel>
  )
}
