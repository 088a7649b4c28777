/// <reference types="vite/client" />
/**
 * My security, for every signed-in staff user (issue 19 hole 1, USR-5): enrol your own authenticator
 * app (the secret and its otpauth URI are shown to you once; there is no QR code, so the URI is text
 * to copy and the secret is grouped for typing), and your own API tokens: list, issue, revoke.
 */
import { useQuery } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { ApiError } from '../api.js'
import { useApi, useSession } from '../console-context.js'
import { TextField } from '../shared/form-field.js'
import { useFormMutation } from '../shared/mutation.js'
import { FormError, submitted } from '../shared/mutation-form.js'
import { PageHeader } from '../shared/page-header.js'
import {
  QueueCard,
  QueueOutcomeNotice,
  QueueStatusNotice,
  queueStatus,
  useQueueOutcome,
} from '../shared/review-queue.js'
import { type ApiTokenItem, confirmTotp, groupSecret, listTokens, startTotpEnrolment } from './access-api.js'
import { CreateTokenDialog, RevokeTokenDialog, TokenTable } from './token-parts.js'
import './staff-access.css'

export function MySecurityPage() {
  return (
    <div className="page my-security-page" data-testid="my-security-page">
      <PageHeader title="My security" lede="Your authenticator app and the API tokens that act as you." />
      <AuthenticatorCard />
      <MyTokensCard />
    </div>
  )
}

type Enrolment =
  | { step: 'idle' }
  | { step: 'starting' }
  | { step: 'scan'; secret: string; uri: string }
  | { step: 'enrolled' }
  | { step: 'already' }

function AuthenticatorCard() {
  const api = useApi()
  const ids = useId()
  const [enrolment, setEnrolment] = useState<Enrolment>({ step: 'idle' })
  const [code, setCode] = useState('')
  const [error, setError] = useState<string | null>(null)
  const confirmation = useFormMutation({
    mutationFn: () => confirmTotp(api, { code }),
    onSuccess: () => {
      // The secret leaves the page: it is not shown again.
      setEnrolment({ step: 'enrolled' })
      setCode('')
    },
    failure: 'The code could not be checked.',
    inlineFields: ['code'],
  })

  async function start() {
    setError(null)
    setEnrolment({ step: 'starting' })
    try {
      const { secret, uri } = await startTotpEnrolment(api)
      setEnrolment({ step: 'scan', secret, uri })
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'TOTP_ALREADY_ENABLED') {
        setEnrolment({ step: 'already' })
        return
      }
      setEnrolment({ step: 'idle' })
      setError(caught instanceof ApiError ? caught.message : 'The enrolment could not be started.')
    }
  }

  function confirm() {
    setError(null)
    if (confirmation.check(/^\d{6}$/.test(code) ? {} : { code: 'Enter the 6-digit code your app shows now.' }))
      confirmation.send()
  }

  return (
    <section className="card card-flush" aria-labelledby={`${ids}-title`} data-testid="totp-card">
      <header className="card-header card-header-padded">
        <h2 className="card-title" id={`${ids}-title`}>
          Authenticator app
        </h2>
      </header>
      <div className="access-card-body">
        {(enrolment.step === 'idle' || enrolment.step === 'starting') && (
          <>
            <p>
              With an authenticator app, signing in asks for a 6-digit code as well as your password. Only you can set
              it up; an access manager can only reset it.
            </p>
            <div>
              <button
                type="button"
                className="button button-primary"
                disabled={enrolment.step === 'starting'}
                onClick={() => void start()}
                data-testid="totp-start"
              >
                {enrolment.step === 'starting' ? 'Starting…' : 'Set up an authenticator app'}
              </button>
            </div>
          </>
        )}
        {enrolment.step === 'already' && (
          <p className="callout callout-info" data-testid="totp-already">
            An authenticator app is already set up for you. If you lost it, ask an access manager to reset it, then set
            it up again here.
          </p>
        )}
        {enrolment.step === 'enrolled' && (
          <p className="callout callout-success" role="status" data-testid="totp-enrolled">
            Your authenticator app is set up. Signing in now asks for its code.
          </p>
        )}
        {enrolment.step === 'scan' && (
          <>
            <p className="callout callout-warning">
              This secret is shown only now. Add it to your authenticator app, then confirm with a code. Do not share it
              or keep a copy.
            </p>
            <div>
              <span className="field-label">Type this key into your app (time-based, 6 digits, 30 seconds)</span>
              <p className="totp-secret" data-testid="totp-secret">
                {groupSecret(enrolment.secret)}
              </p>
            </div>
            <div>
              <span className="field-label">Or paste this setup link into an app that accepts one</span>
              <p className="totp-uri" data-testid="totp-uri">
                {enrolment.uri}
              </p>
            </div>
            <form className="form" onSubmit={submitted(confirm)} noValidate>
              <TextField
                id={`${ids}-code`}
                label="Code from the app"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                inputClassName="input-code"
                value={code}
                onValueChange={(value) => setCode(value.replace(/\D/g, '').slice(0, 6))}
                error={confirmation.problems['code']}
                errorTestId="totp-code-problem"
                data-testid="totp-code"
              />
              <div className="form-actions">
                <button
                  type="submit"
                  className="button button-primary"
                  disabled={confirmation.sending}
                  data-testid="totp-confirm"
                >
                  {confirmation.sending ? 'Checking…' : 'Confirm'}
                </button>
              </div>
            </form>
          </>
        )}
        <FormError error={error ?? confirmation.error} testId="totp-error" />
      </div>
    </section>
  )
}

function MyTokensCard() {
  const api = useApi()
  const { user } = useSession()
  const ids = useId()
  const [creating, setCreating] = useState(false)
  const [revoking, setRevoking] = useState<ApiTokenItem | null>(null)
  const { outcome, outcomeRef, decided, clear } = useQueueOutcome([['tokens']])

  const query = useQuery({ queryKey: ['tokens'], queryFn: () => listTokens(api) })
  const tokens = queueStatus('Your tokens could not be loaded.', query)
  // An access manager is answered everyone's tokens: this page shows only those acting as you.
  const mine = (query.data ?? []).filter((token) => token.userId === user.id)

  async function revoked(text: string) {
    setRevoking(null)
    await decided(text)
  }

  return (
    <QueueCard
      titleId={`${ids}-title`}
      title="My API tokens"
      testId="my-tokens"
      action={
        <button
          type="button"
          className="button button-small button-primary"
          onClick={() => {
            clear()
            setCreating(true)
          }}
          data-testid="token-new"
        >
          New token
        </button>
      }
      empty={false}
    >
      <QueueOutcomeNotice outcome={outcome} outcomeRef={outcomeRef} testId="token-outcome" />
      <QueueStatusNotice queue={tokens} loadingLabel="Loading your tokens…" skeleton="inner" />
      {tokens.status === 'loaded' &&
        (mine.length === 0 ? (
          <p className="empty" data-testid="my-tokens-empty">
            You have no API tokens.
          </p>
        ) : (
          <TokenTable tokens={mine} onRevoke={setRevoking} caption="Your API tokens, newest first" />
        ))}
      {creating && <CreateTokenDialog myPermissions={user.permissions} onClose={() => setCreating(false)} />}
      {revoking && <RevokeTokenDialog token={revoking} onClose={() => setRevoking(null)} onRevoked={revoked} />}
    </QueueCard>
  )
}
