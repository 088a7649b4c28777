/**
 * One case (CAS-1) at `/cases/:caseRef`: what it is about, its notes, attachments and history, and
 * the work on it — status moves (only those allowed from where it is), resolving with a note,
 * priority, and assignment (to me, to a team, to a named colleague). The server decides who may
 * do what (reassigning is a supervisor's); its refusal is shown as it words it.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { type ChangeEvent, type FormEvent, useId, useMemo, useRef, useState } from 'react'
import { ApiError } from '../api.js'
import { useApi, useSession } from '../console-context.js'
import { agentReport, agentReportPermission } from '../dashboard/dashboard-api.js'
import { announceAccountChanged } from '../payments/payments-api.js'
import { Link, paths } from '../router.js'
import { formatDuration } from '../shared/duration.js'
import { errorMessage, SelectField, TextAreaField, TextField } from '../shared/form-field.js'
import { formatLondonDateTime, londonDateOf } from '../shared/format.js'
import { Panel } from '../shared/panel.js'
import { CaseStatusChip, describeAssignee, PriorityChip } from './case-list.js'
import {
  type Assignee,
  addCaseNote,
  allowedAttachmentTypes,
  assignCase,
  attachmentUrl,
  type CaseDetail,
  type CaseStatus,
  caseDetail,
  caseTypeLabels,
  changePriority,
  changeStatus,
  fileToBase64,
  maxAttachmentBytes,
  nextStatuses,
  type Priority,
  priorities,
  priorityLabels,
  resolveCase,
  statusLabels,
  teamLabels,
  teamOf,
  uploadAttachment,
} from './cases-api.js'

type Loaded =
  | { status: 'loading' }
  | { status: 'failed'; error: ApiError | null }
  | { status: 'loaded'; detail: CaseDetail }

export function CasePage({ caseRef }: { caseRef: string }) {
  const api = useApi()
  const { user } = useSession()
  const can = (permission: string) => user.permissions.includes(permission)
  const queryClient = useQueryClient()
  const loaded = useQuery({ queryKey: ['case', caseRef], queryFn: () => caseDetail(api, { caseRef }) })
  const state: Loaded = loaded.isPending
    ? { status: 'loading' }
    : loaded.isError
      ? { status: 'failed', error: loaded.error instanceof ApiError ? loaded.error : null }
      : { status: 'loaded', detail: loaded.data }
  const names = useStaffNames()

  if (state.status === 'loading') {
    return (
      <div className="page" aria-busy="true">
        <span className="visually-hidden">Loading the case…</span>
        <div className="skeleton skeleton-title" />
        <div className="card skeleton-card" />
      </div>
    )
  }
  if (state.status === 'failed') {
    return (
      <div className="page">
        <header className="page-header">
          <h1 className="page-title">
            {state.error?.status === 404 ? `No case ${caseRef}` : 'The case could not be loaded'}
          </h1>
        </header>
        <div className="card">
          <p>{state.error?.status === 404 ? 'Check the reference.' : (state.error?.message ?? 'Please try again.')}</p>
          <p>
            <Link to={paths.cases()}>Back to the cases queue</Link>
          </p>
        </div>
      </div>
    )
  }

  const { detail } = state
  const changed = () => {
    announceAccountChanged(detail.accountNumber)
    // The case, and the queues and lists that show it.
    void queryClient.invalidateQueries({ queryKey: ['case', caseRef] })
    void queryClient.invalidateQueries({ queryKey: ['cases'] })
    void queryClient.invalidateQueries({ queryKey: ['dashboard'] })
  }
  const working = can('cases.case.update') && detail.status !== 'closed'
  const who = (ref: { kind: string; id: string }) =>
    ref.kind !== 'staff' ? ref.kind : ref.id === user.id ? 'You' : (names.get(ref.id) ?? `Staff user ${ref.id}`)

  return (
    <div className="page case-page" data-testid="case-page" data-case={detail.number}>
      <header className="page-header">
        <div>
          <p className="eyebrow">
            <span className="mono" data-testid="case-number">
              {detail.number}
            </span>
            <span className="dot-separator" aria-hidden="true">
              ·
            </span>
            {caseTypeLabels[detail.type] ?? detail.type}
            <span className="dot-separator" aria-hidden="true">
              ·
            </span>
            Account{' '}
            <Link to={`${paths.account(detail.accountNumber)}?tab=cases`} className="mono" data-testid="case-account">
              {detail.accountNumber}
            </Link>
          </p>
          <h1 className="page-title" data-testid="case-subject-title">
            {detail.subject}
          </h1>
          <p className="page-lede">
            Opened {formatLondonDateTime(detail.openedAt)} by {who(detail.openedBy)}
          </p>
        </div>
        <div className="chip-list">
          <CaseStatusChip status={detail.status} />
          <PriorityChip priority={detail.priority} />
          <span className="chip chip-neutral" data-testid="case-assignee">
            {describeAssignee(detail.assignee, user.id, names)}
          </span>
        </div>
      </header>

      <div className="case-columns">
        <div className="case-main">
          <Panel title="Description">
            {detail.description ? (
              <p className="pre-wrap">{detail.description}</p>
            ) : (
              <p className="muted">No description.</p>
            )}
            {detail.resolutionNote && (
              <div className="callout callout-success" data-testid="case-resolution">
                <strong>Resolution</strong>
                {detail.resolvedAt && <> · {formatLondonDateTime(detail.resolvedAt)}</>}
                {detail.resolutionSeconds !== null && <> · took {formatDuration(detail.resolutionSeconds)}</>}
                <p className="pre-wrap">{detail.resolutionNote}</p>
              </div>
            )}
          </Panel>

          <Panel title="Notes">
            {working && <CaseNoteForm caseRef={detail.number} onAdded={changed} />}
            <CaseNoteList notes={detail.notes} who={who} />
          </Panel>

          <Panel title="Attachments">
            {detail.attachments.length === 0 ? (
              <p className="empty">No attachments.</p>
            ) : (
              <ul className="row-list" data-testid="case-attachments">
                {detail.attachments.map((file) => (
                  <li key={file.id} data-testid="case-attachment">
                    <a
                      className="row-link"
                      href={attachmentUrl({ caseRef: detail.number, attachmentId: file.id })}
                      download={file.fileName}
                    >
                      <span className="row-primary">{file.fileName}</span>
                      <span className="muted">{file.contentType}</span>
                      <span className="muted">{formatBytes(file.sizeBytes)}</span>
                      <time className="muted row-end" dateTime={file.uploadedAt}>
                        {formatLondonDateTime(file.uploadedAt)}
                      </time>
                    </a>
                  </li>
                ))}
              </ul>
            )}
            {working && <AttachmentUpload caseRef={detail.number} onUploaded={changed} />}
          </Panel>

          <Panel title="History">
            <ol className="plain-list case-history" data-testid="case-history">
              {detail.history.map((event) => (
                <li key={event.id}>
                  <time className="muted" dateTime={event.occurredAt}>
                    {formatLondonDateTime(event.occurredAt)}
                  </time>{' '}
                  {describeEvent(event)} <span className="muted">— {who(event.actor)}</span>
                </li>
              ))}
            </ol>
          </Panel>
        </div>

        {working && (
          <aside className="case-side">
            <StatusPanel detail={detail} onChanged={changed} />
            <PriorityPanel detail={detail} onChanged={changed} />
            <AssignmentPanel detail={detail} names={names} onChanged={changed} />
          </aside>
        )}
      </div>
    </div>
  )
}

/** A case's notes, newest first, each with who wrote it and when; the case page and the escalated view share it. */
export function CaseNoteList({
  notes,
  who,
}: {
  notes: CaseDetail['notes']
  who: (ref: { kind: string; id: string }) => string
}) {
  if (notes.length === 0) {
    return (
      <p className="empty" data-testid="case-notes-empty">
        No notes yet.
      </p>
    )
  }
  return (
    <ul className="notes-list" data-testid="case-notes">
      {[...notes].reverse().map((note) => (
        <li key={note.id} className="note" data-testid="case-note">
          <p className="note-meta">
            <span className="note-author">{who(note.createdBy)}</span>
            <time className="muted" dateTime={note.createdAt}>
              {formatLondonDateTime(note.createdAt)}
            </time>
          </p>
          <p className="note-body">{note.body}</p>
        </li>
      ))}
    </ul>
  )
}

export function describeEvent(event: CaseDetail['history'][number]): string {
  const label = (value: string | null) =>
    value === null ? '—' : (statusLabels[value as CaseStatus] ?? priorityLabels[value as Priority] ?? value)
  switch (event.kind) {
    case 'opened':
      return 'Opened'
    case 'status_changed':
      return `Status ${label(event.from)} → ${label(event.to)}${event.detail ? `: ${event.detail}` : ''}`
    case 'priority_changed':
      return `Priority ${label(event.from)} → ${label(event.to)}`
    case 'assigned':
      return `Assigned${event.to ? ` to ${event.to}` : ''}${event.detail ? ` (${event.detail})` : ''}`
    default:
      return event.kind
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/**
 * Staff names for showing and choosing assignees. Only the agent report lists colleagues, and it is
 * for supervisors; everyone else sees ids for others (and "You").
 */
function useStaffNames(): Map<string, string> {
  const api = useApi()
  const { user } = useSession()
  const mayList = user.permissions.includes(agentReportPermission)
  const today = londonDateOf(new Date().toISOString())
  // Names are a convenience: while they load, or if they cannot be, ids still work.
  const report = useQuery({
    queryKey: ['agent-report', today, today],
    queryFn: () => agentReport(api, { from: today, to: today }),
    enabled: mayList,
  })
  const rows = report.data?.rows
  return useMemo(() => new Map((rows ?? []).map((row) => [row.userId, row.displayName])), [rows])
}

function CaseNoteForm({ caseRef, onAdded }: { caseRef: string; onAdded: () => void }) {
  const api = useApi()
  const ids = useId()
  const [body, setBody] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [sending, setSending] = useState(false)

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (sending) return
    if (!body.trim()) {
      setError('Write the note before adding it.')
      return
    }
    setSending(true)
    setError(null)
    try {
      await addCaseNote(api, { caseRef, body: body.trim() })
      setBody('')
      onAdded()
    } catch (caught) {
      setError(errorMessage(caught, 'The note could not be added.'))
    } finally {
      setSending(false)
    }
  }

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate aria-label="Add a case note">
      <TextAreaField
        id={`${ids}-note`}
        label="Add a note"
        rows={3}
        maxLength={10000}
        value={body}
        onValueChange={setBody}
        error={error}
        data-testid="case-note-body"
      />
      <div className="form-actions">
        <button type="submit" className="button button-small" disabled={sending} data-testid="case-note-add">
          {sending ? 'Adding…' : 'Add note'}
        </button>
      </div>
    </form>
  )
}

const acceptedFiles = '.pdf,.png,.jpg,.jpeg,.txt,application/pdf,image/png,image/jpeg,text/plain'

function AttachmentUpload({ caseRef, onUploaded }: { caseRef: string; onUploaded: () => void }) {
  const api = useApi()
  const ids = useId()
  const input = useRef<HTMLInputElement>(null)
  const [file, setFile] = useState<File | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [sending, setSending] = useState(false)

  function choose(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0] ?? null
    setFile(chosen)
    setError(chosen ? problemWith(chosen) : null)
  }

  async function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (!file || sending) return
    const problem = problemWith(file)
    if (problem) {
      setError(problem)
      return
    }
    setSending(true)
    setError(null)
    try {
      const contentBase64 = await fileToBase64(file)
      await uploadAttachment(api, {
        caseRef,
        fileName: file.name,
        ...(file.type ? { contentType: file.type } : {}),
        contentBase64,
      })
      setFile(null)
      if (input.current) input.current.value = ''
      onUploaded()
    } catch (caught) {
      setError(errorMessage(caught, 'The file could not be attached.'))
    } finally {
      setSending(false)
    }
  }

  return (
    <form className="form" onSubmit={(event) => void upload(event)} noValidate aria-label="Attach a file">
      <div className="field">
        <label className="field-label" htmlFor={`${ids}-file`}>
          Attach a file <span className="muted">(PDF, PNG, JPEG or text, at most 5 MB)</span>
        </label>
        <input
          ref={input}
          id={`${ids}-file`}
          type="file"
          className="input"
          accept={acceptedFiles}
          onChange={choose}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${ids}-file-error` : undefined}
          data-testid="case-attachment-file"
        />
        {error && (
          <span className="field-error" id={`${ids}-file-error`} role="alert" data-testid="case-attachment-error">
            {error}
          </span>
        )}
      </div>
      <div className="form-actions">
        <button
          type="submit"
          className="button button-small"
          disabled={!file || sending || error !== null}
          data-testid="case-attachment-upload"
        >
          {sending ? 'Uploading…' : 'Upload'}
        </button>
      </div>
    </form>
  )
}

/** Checked here so the agent knows before uploading; the server checks the bytes again. */
function problemWith(file: File): string | null {
  if (file.size === 0) return 'The file is empty.'
  if (file.size > maxAttachmentBytes) return `The file is ${formatBytes(file.size)}; attachments may be at most 5 MB.`
  const byType = (allowedAttachmentTypes as readonly string[]).includes(file.type)
  const byName = /\.(pdf|png|jpe?g|txt)$/i.test(file.name)
  if (!byType && !byName) return 'Only PDF, PNG, JPEG or plain text files can be attached.'
  return null
}

function StatusPanel({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }) {
  const api = useApi()
  const ids = useId()
  const allowed = nextStatuses[detail.status] ?? []
  const [next, setNext] = useState<CaseStatus | ''>('')
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const needsNote = next === 'resolved' || next === 'closed'

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (!next || sending) return
    if (needsNote && !note.trim()) {
      setError(next === 'resolved' ? 'Say how the case was resolved.' : 'Say why the case is closed.')
      return
    }
    setSending(true)
    setError(null)
    try {
      if (next === 'resolved') await resolveCase(api, { caseRef: detail.number, resolutionNote: note.trim() })
      else
        await changeStatus(api, { caseRef: detail.number, status: next, ...(note.trim() ? { note: note.trim() } : {}) })
      setNext('')
      setNote('')
      onChanged()
    } catch (caught) {
      setError(errorMessage(caught, 'The status could not be changed.'))
    } finally {
      setSending(false)
    }
  }

  if (allowed.length === 0) return null
  return (
    <form className="card form" onSubmit={(event) => void submit(event)} noValidate aria-label="Change the status">
      <h2 className="card-title">Status</h2>
      <SelectField
        id={`${ids}-status`}
        label="Move to"
        value={next}
        onValueChange={(value) => setNext(value as CaseStatus | '')}
        placeholder="Choose…"
        options={allowed.map((value) => ({
          value,
          label: value === 'resolved' ? 'Resolved (with a note)' : statusLabels[value],
        }))}
        data-testid="case-next-status"
      />
      <TextAreaField
        id={`${ids}-note`}
        label={next === 'resolved' ? 'Resolution note' : next === 'closed' ? 'Why it is closed' : 'Note'}
        optional={!needsNote}
        rows={3}
        maxLength={4000}
        value={note}
        onValueChange={setNote}
        error={error}
        errorTestId="case-status-error"
        data-testid="case-status-note"
      />
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary button-small"
          disabled={!next || sending}
          data-testid="case-status-submit"
        >
          {sending ? 'Saving…' : next === 'resolved' ? 'Resolve' : 'Change status'}
        </button>
      </div>
    </form>
  )
}

function PriorityPanel({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }) {
  const api = useApi()
  const ids = useId()
  const [error, setError] = useState<string | null>(null)
  const [sending, setSending] = useState(false)

  async function change(priority: Priority) {
    if (priority === detail.priority || sending) return
    setSending(true)
    setError(null)
    try {
      await changePriority(api, { caseRef: detail.number, priority })
      onChanged()
    } catch (caught) {
      setError(errorMessage(caught, 'The priority could not be changed.'))
    } finally {
      setSending(false)
    }
  }

  return (
    <div className="card form">
      <h2 className="card-title">Priority</h2>
      <SelectField
        id={`${ids}-priority`}
        label="Priority"
        value={detail.priority}
        onValueChange={(value) => void change(value as Priority)}
        options={priorities.map((value) => ({ value, label: priorityLabels[value] }))}
        disabled={sending}
        error={error}
        data-testid="case-priority-select"
      />
    </div>
  )
}

type Target = 'me' | 'team' | 'user' | 'none'

function AssignmentPanel({
  detail,
  names,
  onChanged,
}: {
  detail: CaseDetail
  names: ReadonlyMap<string, string>
  onChanged: () => void
}) {
  const api = useApi()
  const { user } = useSession()
  const ids = useId()
  const [target, setTarget] = useState<Target>('me')
  const [team, setTeam] = useState(teamOf(user.role))
  const [userId, setUserId] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const colleagues = useMemo(
    () => [...names.entries()].filter(([id]) => id !== user.id).sort((a, b) => a[1].localeCompare(b[1])),
    [names, user.id],
  )

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (sending) return
    let assignee: Assignee
    if (target === 'me') assignee = { kind: 'user', userId: user.id }
    else if (target === 'team') assignee = { kind: 'team', team }
    else if (target === 'none') assignee = { kind: 'none' }
    else {
      if (!userId.trim()) {
        setError('Choose the colleague to give the case to.')
        return
      }
      assignee = { kind: 'user', userId: userId.trim() }
    }
    setSending(true)
    setError(null)
    try {
      await assignCase(api, { caseRef: detail.number, assignee })
      onChanged()
    } catch (caught) {
      setError(errorMessage(caught, 'The case could not be assigned.'))
    } finally {
      setSending(false)
    }
  }

  return (
    <form className="card form" onSubmit={(event) => void submit(event)} noValidate aria-label="Assign the case">
      <h2 className="card-title">Assignment</h2>
      <fieldset className="fieldset">
        <legend className="field-label">Give the case to</legend>
        {(
          [
            ['me', 'Me'],
            ['team', 'A team'],
            ['user', 'A colleague'],
            ['none', 'Nobody (unassign)'],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="checkbox">
            <input
              type="radio"
              name={`${ids}-target`}
              value={value}
              checked={target === value}
              onChange={() => setTarget(value)}
              data-testid={`case-assign-${value}`}
            />
            {label}
          </label>
        ))}
      </fieldset>
      {target === 'team' && (
        <SelectField
          id={`${ids}-team`}
          label="Team"
          value={team}
          onValueChange={(value) => setTeam(teamOf(value))}
          options={Object.entries(teamLabels).map(([value, label]) => ({ value, label }))}
          data-testid="case-assign-team-select"
        />
      )}
      {target === 'user' &&
        (colleagues.length > 0 ? (
          <SelectField
            id={`${ids}-user`}
            label="Colleague"
            value={userId}
            onValueChange={setUserId}
            placeholder="Choose…"
            options={colleagues.map(([value, label]) => ({ value, label }))}
            data-testid="case-assign-user-select"
          />
        ) : (
          <TextField
            id={`${ids}-user`}
            label="Colleague’s staff id"
            placeholder="usr_…"
            value={userId}
            onValueChange={setUserId}
            inputClassName="mono"
            hint="Giving a case to a named colleague is a supervisor’s decision."
            data-testid="case-assign-user-input"
          />
        ))}
      {error && (
        <p className="callout callout-error" role="alert" data-testid="case-assign-error">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-small" disabled={sending} data-testid="case-assign-submit">
          {sending ? 'Assigning…' : 'Assign'}
        </button>
      </div>
    </form>
  )
}
