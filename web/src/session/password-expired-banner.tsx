/**
 * Shown while the signed-in user's password has expired: a banner that opens a form to choose a
 * new one. The server decides the password rules; its field problems are shown beside the fields.
 */
import { useState } from 'react'
import { useApi, useSession } from '../console-context.js'
import { TextField } from '../shared/form-field.js'
import { useFormValues } from '../shared/form-values.js'
import { useFormMutation } from '../shared/mutation.js'
import { FormError, submitted } from '../shared/mutation-form.js'

/** The three passwords, by the field names the server reports problems under. */
const passwordFields = [
  { name: 'currentPassword', label: 'Current password', autoComplete: 'current-password' },
  { name: 'newPassword', label: 'New password', autoComplete: 'new-password' },
  { name: 'confirmation', label: 'Repeat new password', autoComplete: 'new-password' },
] as const

export function PasswordExpiredBanner() {
  const api = useApi()
  const { user, updateUser } = useSession()
  const [open, setOpen] = useState(false)
  const form = useFormValues({ currentPassword: '', newPassword: '', confirmation: '' })
  const { currentPassword, newPassword, confirmation } = form.values
  const change = useFormMutation({
    mutationFn: () => api.changePassword({ currentPassword, newPassword }),
    onSuccess: () => updateUser({ ...user, mustChangePassword: false }),
    failure: 'The password could not be changed. Please try again.',
    inlineFields: passwordFields.map((field) => field.name),
  })

  function submit() {
    if (change.check(newPassword === confirmation ? {} : { confirmation: 'The two new passwords do not match.' }))
      change.send()
  }

  return (
    <section className="banner banner-warning" aria-labelledby="password-expired-title">
      <div className="banner-row">
        <p id="password-expired-title" className="banner-text">
          <strong>Your password has expired — change it</strong> to keep using the console.
        </p>
        {!open && (
          <button type="button" className="button button-small" onClick={() => setOpen(true)}>
            Change password
          </button>
        )}
      </div>
      {open && (
        <form className="form form-inline-grid" onSubmit={submitted(submit)}>
          {passwordFields.map((field) => (
            <TextField
              key={field.name}
              {...form.bind(field.name, change.problems)}
              label={field.label}
              type="password"
              autoComplete={field.autoComplete}
              required
            />
          ))}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={change.sending}>
              {change.sending ? 'Saving…' : 'Save new password'}
            </button>
            <button type="button" className="button button-ghost" onClick={() => setOpen(false)}>
              Later
            </button>
          </div>
          <FormError error={change.error} wide />
        </form>
      )}
    </section>
  )
}
