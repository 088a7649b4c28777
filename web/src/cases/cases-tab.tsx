/**
 * The account's Cases tab (CAS-1): the account's cases, newest first, and "Raise a case" with its
 * type, priority, subject and description. Raising a billing dispute turns the status colour red
 * (CAS-2), so the header is told the account changed.
 */
import { useInfiniteQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useApi, useSession } from '../console-context.js'
import { announceAccountChanged } from '../payments/payments-api.js'
import { Link, paths } from '../router.js'
import { SelectField, TextAreaField, TextField } from '../shared/form-field.js'
import { useFormValues } from '../shared/form-values.js'
import { byCursor, pagedList } from '../shared/load-more.js'
import { useFormMutation } from '../shared/mutation.js'
import { FormActions, FormError, submitted } from '../shared/mutation-form.js'
import { Panel } from '../shared/panel.js'
import { caseListMessages, PagedCaseList } from './case-list.js'
import {
  accountCases,
  type Case,
  type CaseType,
  caseTypeLabels,
  caseTypes,
  openCase,
  type Priority,
  priorities,
  priorityLabels,
} from './cases-api.js'

const pageSize = 20

export function CasesTab({ accountNumber }: { accountNumber: string }) {
  const api = useApi()
  const { user } = useSession()
  const canCreate = user.permissions.includes('cases.case.create')
  const cases = useInfiniteQuery({
    queryKey: ['account', accountNumber, 'cases'],
    queryFn: ({ pageParam }) => accountCases(api, { accountNumber, limit: pageSize, cursor: pageParam }),
    ...byCursor,
  })
  const list = pagedList(cases, caseListMessages)
  const [raising, setRaising] = useState(false)
  const [raised, setRaised] = useState<Case | null>(null)

  return (
    <div className="cases-tab" data-testid="cases-tab">
      {canCreate && !raising && (
        <div className="payments-actions" role="toolbar" aria-label="Case actions">
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              setRaising(true)
              setRaised(null)
            }}
            data-testid="raise-case"
          >
            Raise a case
          </button>
        </div>
      )}
      {raising && (
        <RaiseCaseForm
          accountNumber={accountNumber}
          onCancel={() => setRaising(false)}
          onRaised={(opened) => {
            setRaising(false)
            setRaised(opened)
            announceAccountChanged(accountNumber)
          }}
        />
      )}
      {raised && (
        <p className="callout callout-success" role="status" data-testid="case-raised">
          Case <Link to={paths.case(raised.number)}>{raised.number}</Link> raised.
          {raised.type === 'billing_dispute' && ' The customer has been sent a dispute acknowledgement.'}
        </p>
      )}

      <Panel title="Cases">
        <PagedCaseList list={list} empty="No cases on this account." testId="account-cases" />
      </Panel>
    </div>
  )
}

function RaiseCaseForm({
  accountNumber,
  onCancel,
  onRaised,
}: {
  accountNumber: string
  onCancel: () => void
  onRaised: (opened: Case) => void
}) {
  const api = useApi()
  const form = useFormValues({
    type: 'billing_dispute' as CaseType,
    priority: 'normal' as Priority,
    subject: '',
    description: '',
  })
  const { type, priority, subject, description } = form.values
  const raise = useFormMutation({
    mutationFn: () =>
      openCase(api, {
        accountNumber,
        input: { type, priority, subject: subject.trim(), description: description.trim() },
      }),
    // The account's cases (and the rest of the account) are fetched again, and the queues.
    invalidates: [['account', accountNumber, 'cases'], ['cases'], ['dashboard']],
    onSuccess: ({ case: opened }) => onRaised(opened),
    failure: 'The case could not be raised.',
    inlineFields: ['type', 'priority', 'subject', 'description'],
  })
  const { problems } = raise

  function submit() {
    if (raise.check(subject.trim() ? {} : { subject: 'Give the case a short subject.' })) raise.send()
  }

  return (
    <form
      className="card form"
      onSubmit={submitted(submit)}
      noValidate
      aria-label="Raise a case"
      data-testid="raise-case-form"
    >
      <h2 className="card-title">Raise a case</h2>
      <div className="form-inline-grid">
        <SelectField
          {...form.bindChoice('type', problems)}
          label="Type"
          options={caseTypes.map((value) => ({ value, label: caseTypeLabels[value] }))}
          data-testid="case-type"
        />
        <SelectField
          {...form.bindChoice('priority', problems)}
          label="Priority"
          options={priorities.map((value) => ({ value, label: priorityLabels[value] }))}
          data-testid="case-priority-input"
        />
        <TextField
          {...form.bind('subject', problems)}
          label="Subject"
          wide
          maxLength={200}
          errorTestId="case-subject-error"
          data-testid="case-subject"
        />
        <TextAreaField
          {...form.bind('description', problems)}
          label="Description"
          optional
          wide
          maxLength={10000}
          hint="What the customer said, what you checked, what should happen next."
          data-testid="case-description"
        />
        {type === 'billing_dispute' && (
          <p className="callout callout-info form-wide">
            A billing dispute turns the account red and pauses collections while it is open, and the customer is sent a
            dispute acknowledgement.
          </p>
        )}
        <FormError error={raise.error} testId="raise-case-error" wide />
        <FormActions
          inline
          small={false}
          onCancel={onCancel}
          sending={raise.sending}
          submitLabel="Raise case"
          sendingLabel="Raising…"
          submitTestId="raise-case-submit"
        />
      </div>
    </form>
  )
}
