/**
 * What a case page shows, whoever reads it: the header (number, type, account, subject, who opened
 * it, status, priority, assignee), the description with any resolution, the notes, the attachments
 * and the history, and the loading and failed states. The working page (`/cases/:caseRef`) adds
 * forms and a side column through the slots; the escalated view (`/escalated-cases/:caseRef`) shows
 * it as it is.
 */
import type { UseQueryResult } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { ApiError } from '../api.js'
import { Link } from '../router.js'
import { formatDuration } from '../shared/duration.js'
import { formatLocalDateTime } from '../shared/format.js'
import { PageHeader } from '../shared/page-header.js'
import { Panel } from '../shared/panel.js'
import { CaseStatusChip, PriorityChip } from './case-list.js'
import {
  type CaseDetail,
  type CaseStatus,
  caseTypeLabels,
  type Priority,
  priorityLabels,
  statusLabels,
} from './cases-api.js'

export type StaffName = (ref: { kind: string; id: string }) => string

type Attachment = CaseDetail['attachments'][number]

/** The states of a case being read, from its query: a 404 is kept apart so the page can say "no case". */
export type LoadedCase =
  | { status: 'loading' }
  | { status: 'failed'; error: ApiError | null }
  | { status: 'loaded'; detail: CaseDetail }

export function loadedCase(query: UseQueryResult<CaseDetail>): LoadedCase {
  if (query.isPending) return { status: 'loading' }
  if (query.isError) return { status: 'failed', error: query.error instanceof ApiError ? query.error : null }
  return { status: 'loaded', detail: query.data }
}

export function CaseLoading() {
  return (
    <div className="page" aria-busy="true">
      <span className="visually-hidden">Loading the case…</span>
      <div className="skeleton skeleton-title" />
      <div className="card skeleton-card" />
    </div>
  )
}

/** The case could not be read: "No case …" for a 404 (check the reference), else the server's reason. */
export function CaseLoadFailed({
  error,
  missingTitle,
  back,
  testId,
}: {
  error: ApiError | null
  missingTitle: string
  back: { to: string; label: string }
  testId?: string
}) {
  const missing = error?.status === 404
  return (
    <div className="page" data-testid={testId}>
      <PageHeader title={missing ? missingTitle : 'The case could not be loaded'} />
      <div className="card">
        <p>{missing ? 'Check the reference.' : (error?.message ?? 'Please try again.')}</p>
        <p>
          <Link to={back.to}>{back.label}</Link>
        </p>
      </div>
    </div>
  )
}

export function CaseView({
  detail,
  who,
  assignee,
  testId,
  eyebrowStart,
  accountLink,
  noteForm,
  attachmentUrl,
  upload,
  side,
}: {
  detail: CaseDetail
  who: StaffName
  /** How the assignee is named for this reader. */
  assignee: string
  testId: string
  /** Before the case number in the eyebrow (a way back to the list it came from). */
  eyebrowStart?: ReactNode
  accountLink: string
  /** Above the notes. */
  noteForm?: ReactNode
  /** Where an attachment is downloaded; without it the attachments are listed by name only. */
  attachmentUrl?: (file: Attachment) => string
  /** Below the attachments. */
  upload?: ReactNode
  /** The side column (the work on the case); `undefined` for a page with no side column at all. */
  side?: ReactNode
}) {
  const main = (
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
            {detail.resolvedAt && <> · {formatLocalDateTime(detail.resolvedAt)}</>}
            {detail.resolutionSeconds !== null && <> · took {formatDuration(detail.resolutionSeconds)}</>}
            <p className="pre-wrap">{detail.resolutionNote}</p>
          </div>
        )}
      </Panel>

      <Panel title="Notes">
        {noteForm}
        <CaseNoteList notes={detail.notes} who={who} />
      </Panel>

      <Panel title="Attachments">
        {detail.attachments.length === 0 ? (
          <p className="empty">No attachments.</p>
        ) : (
          <ul className="row-list" data-testid="case-attachments">
            {detail.attachments.map((file) =>
              attachmentUrl ? (
                <li key={file.id} data-testid="case-attachment">
                  <a className="row-link" href={attachmentUrl(file)} download={file.fileName}>
                    <AttachmentFacts file={file} />
                  </a>
                </li>
              ) : (
                <li key={file.id} className="row-link" data-testid="case-attachment">
                  <AttachmentFacts file={file} />
                </li>
              ),
            )}
          </ul>
        )}
        {upload}
      </Panel>

      <Panel title="History">
        <ol className="plain-list case-history" data-testid="case-history">
          {detail.history.map((event) => (
            <li key={event.id} data-testid="case-history-event">
              <time className="muted" dateTime={event.occurredAt}>
                {formatLocalDateTime(event.occurredAt)}
              </time>{' '}
              {describeEvent(event)} <span className="muted">— {who(event.actor)}</span>
            </li>
          ))}
        </ol>
      </Panel>
    </div>
  )

  return (
    <div className="page case-page" data-testid={testId} data-case={detail.number}>
      <header className="page-header">
        <div>
          <p className="eyebrow">
            {eyebrowStart && (
              <>
                {eyebrowStart}
                <Separator />
              </>
            )}
            <span className="mono" data-testid="case-number">
              {detail.number}
            </span>
            <Separator />
            {caseTypeLabels[detail.type] ?? detail.type}
            <Separator />
            Account{' '}
            <Link to={accountLink} className="mono" data-testid="case-account">
              {detail.accountNumber}
            </Link>
          </p>
          <h1 className="page-title" data-testid="case-subject-title">
            {detail.subject}
          </h1>
          <p className="page-lede">
            Opened {formatLocalDateTime(detail.openedAt)} by {who(detail.openedBy)}
          </p>
        </div>
        <div className="chip-list">
          <CaseStatusChip status={detail.status} />
          <PriorityChip priority={detail.priority} />
          <span className="chip chip-neutral" data-testid="case-assignee">
            {assignee}
          </span>
        </div>
      </header>

      {side === undefined ? (
        main
      ) : (
        <div className="case-columns">
          {main}
          {side}
        </div>
      )}
    </div>
  )
}

function Separator() {
  return (
    <span className="dot-separator" aria-hidden="true">
      ·
    </span>
  )
}

function AttachmentFacts({ file }: { file: Attachment }) {
  return (
    <>
      <span className="row-primary">{file.fileName}</span>
      <span className="muted">{file.contentType}</span>
      <span className="muted">{formatBytes(file.sizeBytes)}</span>
      <time className="muted row-end" dateTime={file.uploadedAt}>
        {formatLocalDateTime(file.uploadedAt)}
      </time>
    </>
  )
}

/** A case's notes, newest first, each with who wrote it and when. */
function CaseNoteList({ notes, who }: { notes: CaseDetail['notes']; who: StaffName }) {
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
              {formatLocalDateTime(note.createdAt)}
            </time>
          </p>
          <p className="note-body">{note.body}</p>
        </li>
      ))}
    </ul>
  )
}

function describeEvent(event: CaseDetail['history'][number]): string {
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
