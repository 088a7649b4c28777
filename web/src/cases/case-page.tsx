/**
 * One case (CAS-1) at `/cases/:caseRef`: what it is about, its notes, attachments and history, and
 * the work on it — status moves (only those allowed from where it is), resolving with a note,
 * priority, and assignment (to me, to a team, to a named colleague). The server decides who may
 * do what (reassigning is a supervisor's); its refusal is shown as it words it.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { type ChangeEvent, useId, useMemo, useRef, useState } from 'react'
import { useApi, useSession } from '../console-context.js'
import { agentReport, agentReportPermission } from '../dashboard/dashboard-api.js'
import { announceAccountChanged } from '../payments/payments-api.js'
import { paths } from '../router.js'
import { SelectField, TextAreaField, TextField } from '../shared/form-field.js'
import { useFormValues } from '../shared/form-values.js'
import { localDateOf } from '../shared/format.js'
import { useFormMutation } from '../shared/mutation.js'
import { FormActions, FormError, submitted } from '../shared/mutation-form.js'
import { describeAssignee } from './case-list.js'
import { CaseLoadFailed, CaseLoading, CaseView, formatBytes, loadedCase } from './case-view.js'
import {
  type Assignee,
  addCaseNote,
  allowedAttachmentTypes,
  assignCase,
  attachmentUrl,
  type CaseDetail,
  type CaseStatus,
  caseDetail,
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

export function CasePage({ caseRef }: { caseRef: string }) {
  const api = useApi()
  const { user } = useSession()
  const can = (permission: string) => user.permissions.includes(permission)
  const queryClient = useQueryClient()
  const state = loadedCase(useQuery({ queryKey: ['case', caseRef], queryFn: () => caseDetail(api, { caseRef }) }))
  const names = useStaffNames()

  if (state.status === 'loading') return <CaseLoading />
  if (state.status === 'failed') {
    return (
      <CaseLoadFailed
        error={state.error}
        missingTitle={`No case ${caseRef}`}
        back={{ to: paths.cases(), label: 'Back to the cases queue' }}
      />
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
    <CaseView
      detail={detail}
      who={who}
      assignee={describeAssignee(detail.assignee, user.id, names)}
      testId="case-page"
      accountLink={`${paths.account(detail.accountNumber)}?tab=cases`}
      noteForm={working && <CaseNoteForm caseRef={detail.number} onAdded={changed} />}
      attachmentUrl={(file) => attachmentUrl({ caseRef: detail.number, attachmentId: file.id })}
      upload={working && <AttachmentUpload caseRef={detail.number} onUploaded={changed} />}
      side={
        working && (
          <aside className="case-side">
            <StatusPanel detail={detail} onChanged={changed} />
            <PriorityPanel detail={detail} onChanged={changed} />
            <AssignmentPanel detail={detail} names={names} onChanged={changed} />
          </aside>
        )
      }
    />
  )
}

/**
 * Staff names for showing and choosing assignees. Only the agent report lists colleagues, and it is
 * for supervisors; everyone else sees ids for others (and "You").
 */
function useStaffNames(): Map<string, string> {
  const api = useApi()
  const { user } = useSession()
  const mayList = user.permissions.includes(agentReportPermission)
  const today = localDateOf(new Date().toISOString())
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
  const form = useFormValues({ body: '' })
  const { body } = form.values
  const add = useFormMutation({
    mutationFn: () => addCaseNote(api, { caseRef, body: body.trim() }),
    onSuccess: () => {
      form.set('body', '')
      onAdded()
    },
    failure: 'The note could not be added.',
  })

  function submit() {
    if (add.check(body.trim() ? {} : { body: 'Write the note before adding it.' })) add.send()
  }

  return (
    <form className="form" onSubmit={submitted(submit)} noValidate aria-label="Add a case note">
      <TextAreaField
        {...form.bind('body')}
        label="Add a note"
        rows={3}
        maxLength={10000}
        error={add.problems['body'] ?? add.error}
        data-testid="case-note-body"
      />
      <FormActions
        tone="plain"
        small
        sending={add.sending}
        submitLabel="Add note"
        sendingLabel="Adding…"
        submitTestId="case-note-add"
      />
    </form>
  )
}

const acceptedFiles = '.pdf,.png,.jpg,.jpeg,.txt,application/pdf,image/png,image/jpeg,text/plain'

function AttachmentUpload({ caseRef, onUploaded }: { caseRef: string; onUploaded: () => void }) {
  const api = useApi()
  const ids = useId()
  const input = useRef<HTMLInputElement>(null)
  const [file, setFile] = useState<File | null>(null)
  const attach = useFormMutation({
    mutationFn: async (chosen: File) =>
      uploadAttachment(api, {
        caseRef,
        fileName: chosen.name,
        ...(chosen.type ? { contentType: chosen.type } : {}),
        contentBase64: await fileToBase64(chosen),
      }),
    onSuccess: () => {
      setFile(null)
      if (input.current) input.current.value = ''
      onUploaded()
    },
    failure: 'The file could not be attached.',
  })
  const error = attach.problems['file'] ?? attach.error

  function choose(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0] ?? null
    setFile(chosen)
    const problem = chosen && problemWith(chosen)
    attach.check(problem ? { file: problem } : {})
    attach.reset()
  }

  function upload() {
    if (!file) return
    const problem = problemWith(file)
    if (attach.check(problem ? { file: problem } : {})) attach.send(file)
  }

  return (
    <form className="form" onSubmit={submitted(upload)} noValidate aria-label="Attach a file">
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
      <FormActions
        tone="plain"
        small
        submitDisabled={!file || error !== null}
        sending={attach.sending}
        submitLabel="Upload"
        sendingLabel="Uploading…"
        submitTestId="case-attachment-upload"
      />
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
  const allowed = nextStatuses[detail.status] ?? []
  const form = useFormValues({ next: '' as CaseStatus | '', note: '' })
  const { next, note } = form.values
  const needsNote = next === 'resolved' || next === 'closed'
  const move = useFormMutation({
    mutationFn: (to: CaseStatus) =>
      to === 'resolved'
        ? resolveCase(api, { caseRef: detail.number, resolutionNote: note.trim() })
        : changeStatus(api, { caseRef: detail.number, status: to, ...(note.trim() ? { note: note.trim() } : {}) }),
    onSuccess: () => {
      form.setValues({ next: '', note: '' })
      onChanged()
    },
    failure: 'The status could not be changed.',
  })

  function submit() {
    if (!next) return
    const missing = next === 'resolved' ? 'Say how the case was resolved.' : 'Say why the case is closed.'
    if (move.check(needsNote && !note.trim() ? { note: missing } : {})) move.send(next)
  }

  if (allowed.length === 0) return null
  return (
    <form className="card form" onSubmit={submitted(submit)} noValidate aria-label="Change the status">
      <h2 className="card-title">Status</h2>
      <SelectField
        {...form.bindChoice('next')}
        label="Move to"
        placeholder="Choose…"
        options={allowed.map((value) => ({
          value,
          label: value === 'resolved' ? 'Resolved (with a note)' : statusLabels[value],
        }))}
        data-testid="case-next-status"
      />
      <TextAreaField
        {...form.bind('note')}
        label={next === 'resolved' ? 'Resolution note' : next === 'closed' ? 'Why it is closed' : 'Note'}
        optional={!needsNote}
        rows={3}
        maxLength={4000}
        error={move.problems['note'] ?? move.error}
        errorTestId="case-status-error"
        data-testid="case-status-note"
      />
      <FormActions
        small
        submitDisabled={!next}
        sending={move.sending}
        submitLabel={next === 'resolved' ? 'Resolve' : 'Change status'}
        sendingLabel="Saving…"
        submitTestId="case-status-submit"
      />
    </form>
  )
}

function PriorityPanel({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }) {
  const api = useApi()
  const ids = useId()
  const change = useFormMutation({
    mutationFn: (priority: Priority) => changePriority(api, { caseRef: detail.number, priority }),
    onSuccess: onChanged,
    failure: 'The priority could not be changed.',
  })

  return (
    <div className="card form">
      <h2 className="card-title">Priority</h2>
      <SelectField
        id={`${ids}-priority`}
        label="Priority"
        value={detail.priority}
        onValueChange={(value) => {
          if (value !== detail.priority) change.send(value as Priority)
        }}
        options={priorities.map((value) => ({ value, label: priorityLabels[value] }))}
        disabled={change.sending}
        error={change.error}
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
  const [target, setTarget] = useState<Target>('me')
  const [team, setTeam] = useState(teamOf(user.role))
  const form = useFormValues({ userId: '' })
  const { ids } = form
  const { userId } = form.values
  const assign = useFormMutation({
    mutationFn: (assignee: Assignee) => assignCase(api, { caseRef: detail.number, assignee }),
    onSuccess: onChanged,
    failure: 'The case could not be assigned.',
  })
  const colleagues = useMemo(
    () => [...names.entries()].filter(([id]) => id !== user.id).sort((a, b) => a[1].localeCompare(b[1])),
    [names, user.id],
  )

  function submit() {
    const missing = target === 'user' && !userId.trim()
    if (!assign.check(missing ? { userId: 'Choose the colleague to give the case to.' } : {})) return
    assign.send(
      target === 'me'
        ? { kind: 'user', userId: user.id }
        : target === 'team'
          ? { kind: 'team', team }
          : target === 'none'
            ? { kind: 'none' }
            : { kind: 'user', userId: userId.trim() },
    )
  }

  return (
    <form className="card form" onSubmit={submitted(submit)} noValidate aria-label="Assign the case">
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
            {...form.bind('userId')}
            label="Colleague"
            placeholder="Choose…"
            options={colleagues.map(([value, label]) => ({ value, label }))}
            data-testid="case-assign-user-select"
          />
        ) : (
          <TextField
            {...form.bind('userId')}
            label="Colleague’s staff id"
            placeholder="usr_…"
            inputClassName="mono"
            hint="Giving a case to a named colleague is a supervisor’s decision."
            data-testid="case-assign-user-input"
          />
        ))}
      <FormError error={assign.problems['userId'] ?? assign.error} testId="case-assign-error" live={false} />
      <FormActions
        tone="plain"
        small
        sending={assign.sending}
        submitLabel="Assign"
        sendingLabel="Assigning…"
        submitTestId="case-assign-submit"
      />
    </form>
  )
}
