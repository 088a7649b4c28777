/**
 * One escalated case at `/escalated-cases/:caseRef`, read-only: what it is about, its notes,
 * attachments (names only: the files are for those who work cases) and history. Executives read it
 * under `cases.escalated.read`; a case that is not escalated answers 404, as if it did not exist.
 */
import { useQuery } from '@tanstack/react-query'
import { ApiError } from '../api.js'
import { useApi, useSession } from '../console-context.js'
import { Link, paths } from '../router.js'
import { formatDuration } from '../shared/duration.js'
import { formatLondonDateTime } from '../shared/format.js'
import { Panel } from '../shared/panel.js'
import { CaseStatusChip, describeAssignee, PriorityChip } from './case-list.js'
import { CaseNoteList, describeEvent, formatBytes } from './case-page.js'
import { type CaseDetail, caseTypeLabels, type StaffRef } from './cases-api.js'
import { escalatedCaseDetail } from './escalated-cases-api.js'

type Loaded =
  | { status: 'loading' }
  | { status: 'failed'; error: ApiError | null }
  | { status: 'loaded'; detail: CaseDetail }

export function EscalatedCasePage({ caseRef }: { caseRef: string }) {
  const api = useApi()
  const { user } = useSession()
  const loaded = useQuery({
    queryKey: ['cases', 'escalated', 'case', caseRef],
    queryFn: () => escalatedCaseDetail(api, { caseRef }),
  })
  const state: Loaded = loaded.isPending
    ? { status: 'loading' }
    : loaded.isError
      ? { status: 'failed', error: loaded.error instanceof ApiError ? loaded.error : null }
      : { status: 'loaded', detail: loaded.data }

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
    const missing = state.error?.status === 404
    return (
      <div className="page" data-testid="escalated-case-error">
        <header className="page-header">
          <h1 className="page-title">{missing ? `No escalated case ${caseRef}` : 'The case could not be loaded'}</h1>
        </header>
        <div className="card">
          <p>{missing ? 'Check the reference.' : (state.error?.message ?? 'Please try again.')}</p>
          <p>
            <Link to={paths.escalatedCases()}>Back to the escalated cases</Link>
          </p>
        </div>
      </div>
    )
  }

  const { detail } = state
  const who = (ref: StaffRef) => (ref.kind !== 'staff' ? ref.kind : ref.id === user.id ? 'You' : `Staff user ${ref.id}`)

  return (
    <div className="page case-page" data-testid="escalated-case-page" data-case={detail.number}>
      <header className="page-header">
        <div>
          <p className="eyebrow">
            <Link to={paths.escalatedCases()}>Escalated cases</Link>
            <span className="dot-separator" aria-hidden="true">
              ·
            </span>
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
            <Link to={paths.account(detail.accountNumber)} className="mono" data-testid="case-account">
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
            {describeAssignee(detail.assignee, user.id)}
          </span>
        </div>
      </header>

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
          <CaseNoteList notes={detail.notes} who={who} />
        </Panel>

        <Panel title="Attachments">
          {detail.attachments.length === 0 ? (
            <p className="empty">No attachments.</p>
          ) : (
            <ul className="row-list" data-testid="case-attachments">
              {detail.attachments.map((file) => (
                <li key={file.id} className="row-link" data-testid="case-attachment">
                  <span className="row-primary">{file.fileName}</span>
                  <span className="muted">{file.contentType}</span>
                  <span className="muted">{formatBytes(file.sizeBytes)}</span>
                  <time className="muted row-end" dateTime={file.uploadedAt}>
                    {formatLondonDateTime(file.uploadedAt)}
                  </time>
                </li>
              ))}
            </ul>
          )}
        </Panel>

        <Panel title="History">
          <ol className="plain-list case-history" data-testid="case-history">
            {detail.history.map((event) => (
              <li key={event.id} data-testid="case-history-event">
                <time className="muted" dateTime={event.occurredAt}>
                  {formatLondonDateTime(event.occurredAt)}
                </time>{' '}
                {describeEvent(event)} <span className="muted">— {who(event.actor)}</span>
              </li>
            ))}
          </ol>
        </Panel>
      </div>
    </div>
  )
}
