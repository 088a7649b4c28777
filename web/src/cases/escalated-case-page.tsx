/**
 * One escalated case at `/escalated-cases/:caseRef`, read-only: what it is about, its notes,
 * attachments (names only: the files are for those who work cases) and history. Executives read it
 * under `cases.escalated.read`; a case that is not escalated answers 404, as if it did not exist.
 */
import { useQuery } from '@tanstack/react-query'
import { useApi, useSession } from '../console-context.js'
import { Link, paths } from '../router.js'
import { describeAssignee } from './case-list.js'
import { CaseLoadFailed, CaseLoading, CaseView, loadedCase } from './case-view.js'
import type { StaffRef } from './cases-api.js'
import { escalatedCaseDetail } from './escalated-cases-api.js'

export function EscalatedCasePage({ caseRef }: { caseRef: string }) {
  const api = useApi()
  const { user } = useSession()
  const state = loadedCase(
    useQuery({
      queryKey: ['cases', 'escalated', 'case', caseRef],
      queryFn: () => escalatedCaseDetail(api, { caseRef }),
    }),
  )

  if (state.status === 'loading') return <CaseLoading />
  if (state.status === 'failed') {
    return (
      <CaseLoadFailed
        error={state.error}
        missingTitle={`No escalated case ${caseRef}`}
        back={{ to: paths.escalatedCases(), label: 'Back to the escalated cases' }}
        testId="escalated-case-error"
      />
    )
  }

  const { detail } = state
  const who = (ref: StaffRef) => (ref.kind !== 'staff' ? ref.kind : ref.id === user.id ? 'You' : `Staff user ${ref.id}`)
  return (
    <CaseView
      detail={detail}
      who={who}
      assignee={describeAssignee(detail.assignee, user.id)}
      testId="escalated-case-page"
      eyebrowStart={<Link to={paths.escalatedCases()}>Escalated cases</Link>}
      accountLink={paths.account(detail.accountNumber)}
    />
  )
}
