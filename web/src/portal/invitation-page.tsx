/**
 * Accept an invitation to use an account (USR-3): the invitee chooses the name shown to the account
 * holder and a password, which creates their own login and signs them in.
 */
import { brand } from '../shared/brand.js'
import { TextField } from '../shared/form-field.js'
import { useFormValues } from '../shared/form-values.js'
import { useFormMutation } from '../shared/mutation.js'
import { FormError, submitted } from '../shared/mutation-form.js'
import * as portalApi from './portal-api.js'

export function InvitationPage({
  token,
  onAccepted,
}: {
  token: string
  onAccepted: (session: portalApi.PortalSession) => void
}) {
  const form = useFormValues({ displayName: '', password: '', confirm: '' })
  const { displayName, password, confirm } = form.values
  // The answer is the session; `onAccepted` writes it into the portal's cache.
  const accept = useFormMutation({
    mutationFn: portalApi.acceptInvitation,
    onSuccess: onAccepted,
    failure: 'The invitation could not be accepted.',
  })
  const { problems } = accept

  function submit() {
    const found: Record<string, string> = password === confirm ? {} : { confirm: 'The passwords do not match.' }
    if (accept.check(found)) accept.send({ token, displayName: displayName.trim(), password })
  }

  return (
    <section className="portal-card portal-narrow" aria-labelledby="invitation-title" data-testid="invitation-page">
      <h1 className="portal-title" id="invitation-title">
        Accept your invitation
      </h1>
      <p className="muted">
        You have been invited to use a {brand().name} account. Choose your name and a password to create your login.
      </p>
      <FormError error={accept.error} testId="invitation-error" live={false} />
      <form className="form" onSubmit={submitted(submit)}>
        <TextField
          {...form.bind('displayName', problems)}
          label="Your name"
          autoComplete="name"
          required
          maxLength={100}
          data-testid="invitation-name"
        />
        <TextField
          {...form.bind('password', problems)}
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          data-testid="invitation-password"
        />
        <TextField
          {...form.bind('confirm', problems)}
          label="Password again"
          type="password"
          autoComplete="new-password"
          required
          data-testid="invitation-confirm"
        />
        <button
          type="submit"
          className="button button-primary button-block"
          disabled={accept.sending}
          data-testid="invitation-submit"
        >
          {accept.sending ? 'Creating your login…' : 'Accept and sign in'}
        </button>
      </form>
    </section>
  )
}
