/**
 * Shown while the signed-in user's password has expired: a banner that opens a form to choose a
 * new one. The server decides the password rules; its field problems are shown beside the fields.
 */
import { type FormEvent, useState } from 'react'
import { ApiError } from '../api.js'
import { useApi, useSession } from '../console-context.js'

export function PasswordExpiredBanner() {
  const api = useApi()
  const { user, updateUser } = useSession()
  const [open, setOpen] = useState(false)
  const [currentPassword, setCurrentPassword] = useState('')
  const [newPassword, setNewPassword] = useState('')
  const [confirmation, setConfirmation] = useState('')
  const [problems, setProblems] = useState<Record<string, string>>({})
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (newPassword !== confirmation) {
      setProblems({ confirmation: 'The two new passwords do not match.' })
      return
    }
    setSaving(true)
    setProblems({})
    setError(null)
    try {
      await api.changePassword({ currentPassword, newPassword })
      updateUser({ ...user, mustChangePassword: false })
    } catch (caught) {
      if (caught instanceof ApiError) {
        const fieldProblems = caught.fieldProblems()
        setProblems(fieldProblems)
        if (Object.keys(fieldProblems).length === 0) setError(caught.message)
      } else {
        setError('The password could not be changed. Please try again.')
      }
    } finally {
      setSaving(false)
    }
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
        <form className="form form-inline-grid" onSubmit={handleSubmit}>
          <label className="field">
            <span className="field-label">Current password</span>
            <input
              className="input"
              type="password"
              autoComplete="current-password"
              required
              value={currentPassword}
              onChange={(event) => setCurrentPassword(event.target.value)}
              aria-invalid={problems['currentPassword'] ? true : undefined}
            />
            {problems['currentPassword'] && <span className="field-error">{problems['currentPassword']}</span>}
          </label>
          <label className="field">
            <span className="field-label">New password</span>
            <input
              className="input"
              type="password"
              autoComplete="new-password"
              required
              value={newPassword}
              onChange={(event) => setNewPassword(event.target.value)}
              aria-invalid={problems['newPassword'] ? true : undefined}
            />
            {problems['newPassword'] && <span className="field-error">{problems['newPassword']}</span>}
          </label>
          <label className="field">
            <span className="field-label">Repeat new password</span>
            <input
              className="input"
              type="password"
              autoComplete="new-password"
              required
              value={confirmation}
              onChange={(event) => setConfirmation(event.target.value)}
              aria-invalid={problems['confirmation'] ? true : undefined}
            />
            {problems['confirmation'] && <span className="field-error">{problems['confirmation']}</span>}
          </label>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={saving}>
              {saving ? 'Saving…' : 'Save new password'}
            </button>
            <button type="button" className="button button-ghost" onClick={() => setOpen(false)}>
              Later
            </button>
          </div>
          {error && (
            <p className="callout callout-error form-wide" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
    </section>
  )
}
