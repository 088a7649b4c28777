/**
 * USR-4: verify a caller. The agent first says who the caller is (the holder, an authorized user, a
 * property manager, an attorney, a third party); the server gives that caller's questions from the
 * account's market (a Great Britain account is never asked for an SSN). The agent says how the caller
 * did on each question they can check by eye (answered correctly, wrongly, or not asked); the others
 * (security answer, SSN last four, date of birth, the caller's own email, an authorized user's
 * relationship to the holder) are never ticked: the caller's answer is typed and the server compares
 * it with what is on file, saying only whether it matched. An email request needs the sender's
 * address, which must be on file for that caller. Three failures in 24 hours flag the account for
 * supervisor review.
 */
import { useQuery } from '@tanstack/react-query'
import { type ReactNode, useState } from 'react'
import { ApiError } from '../api.js'
import { useApi } from '../console-context.js'
import { dataOf, type RequestOf, type ResponseOf } from '../shared/api-client.js'
import { Dialog } from '../shared/dialog.js'
import { DialogDone, DialogForm } from '../shared/dialog-form.js'
import { SelectField, type SelectOption, TextField } from '../shared/form-field.js'
import { useFormValues } from '../shared/form-values.js'
import { useFormMutation } from '../shared/mutation.js'

type Channel = 'phone' | 'email' | 'in_person' | 'chat'
type Caller = 'holder' | 'authorized_user' | 'property_manager' | 'power_of_attorney' | 'third_party'
type Tick = 'passed' | 'failed' | 'not_asked'
type AnswerCheck = VerificationResult['answers'][string]

type VerificationResult = ResponseOf<'/api/accounts/{accountNumber}/verifications', 'post'>
type VerificationRequest = RequestOf<'/api/accounts/{accountNumber}/verifications', 'post'>

/**
 * The questions for one caller on this account (`GET /accounts/{n}/verification-questions`): ticked by
 * the agent, or answered and compared with what is on file.
 */
type Questions = ResponseOf<'/api/accounts/{accountNumber}/verification-questions', 'get'>
/** A question the caller answers and the server compares with what is on file (`security_answer`, …). */
type SealedQuestion = Questions['answered'][number]

const questionLabels: Record<string, string> = {
  full_name: 'Full name of the account holder',
  account_number: 'Account number',
  service_address: 'Service address or postcode',
  recent_payment_amount: 'Amount of a recent payment or bill',
  security_answer: 'Security answer',
  ssn_last_four: 'Last four digits of the SSN',
  date_of_birth: 'Date of birth',
  name_on_account: 'Name on the account',
  caller_email: 'The caller’s own email address',
  relationship: 'Relationship to the account holder',
  sender_email: 'Sender’s address on file',
}

const callerOptions: readonly SelectOption[] = [
  { value: 'holder', label: 'The account holder' },
  { value: 'authorized_user', label: 'An authorized user' },
  { value: 'property_manager', label: 'A property manager' },
  { value: 'power_of_attorney', label: 'Power of attorney' },
  { value: 'third_party', label: 'A third party (broker, installer, auditor)' },
]

const checkLabels: Record<AnswerCheck, string> = {
  matched: 'Matched',
  did_not_match: 'Did not match',
  not_on_file: 'Nothing on file',
}

const tickLabels: ReadonlyArray<readonly [Tick, string]> = [
  ['passed', 'Answered correctly'],
  ['failed', 'Answered wrongly'],
  ['not_asked', 'Not asked'],
]

const channelOptions: readonly SelectOption[] = [
  { value: 'phone', label: 'Phone' },
  { value: 'email', label: 'Email' },
  { value: 'in_person', label: 'In person' },
  { value: 'chat', label: 'Chat' },
]

function labelOf(question: string): string {
  return questionLabels[question] ?? question.replaceAll('_', ' ')
}

export function VerifyCallerDialog({ accountNumber, onClose }: { accountNumber: string; onClose: () => void }) {
  const api = useApi()
  const form = useFormValues({ caller: 'holder' as Caller })
  const { caller } = form.values
  const loaded = useQuery({
    queryKey: ['account', accountNumber, 'verification-questions', caller],
    queryFn: () =>
      dataOf(
        api.client.GET('/api/accounts/{accountNumber}/verification-questions', {
          params: { path: { accountNumber }, query: { caller } },
        }),
      ),
  })
  const questions: Questions | null = loaded.data ?? null
  const loadError = loaded.isError
    ? loaded.error instanceof ApiError
      ? loaded.error.message
      : 'The questions could not be loaded.'
    : null

  // Who the caller is comes first: each kind of caller is asked their own questions.
  const callerField = (
    <SelectField
      {...form.bindChoice('caller')}
      label="Who is calling?"
      options={callerOptions}
      data-testid="verification-caller"
    />
  )

  if (!questions || questions.caller !== caller) {
    return (
      <Dialog title="Verify caller" onClose={onClose} testId="verification-dialog">
        {callerField}
        {loadError ? (
          <p className="callout callout-error" role="alert">
            {loadError}
          </p>
        ) : (
          <p className="muted" aria-busy="true">
            Loading the questions…
          </p>
        )}
      </Dialog>
    )
  }
  return (
    <VerifyCallerForm
      key={caller}
      accountNumber={accountNumber}
      caller={caller}
      callerField={callerField}
      ticked={questions.ticked}
      sealed={questions.answered}
      onClose={onClose}
    />
  )
}

function VerifyCallerForm({
  accountNumber,
  caller,
  callerField,
  ticked,
  sealed,
  onClose,
}: {
  accountNumber: string
  caller: Caller
  callerField: ReactNode
  ticked: readonly string[]
  sealed: readonly SealedQuestion[]
  onClose: () => void
}) {
  const api = useApi()
  const form = useFormValues({ channel: 'phone' as Channel, senderEmail: '' })
  const { ids } = form
  const { channel, senderEmail } = form.values
  const [ticks, setTicks] = useState<Record<string, Tick>>({})
  const [answers, setAnswers] = useState<Partial<Record<SealedQuestion, string>>>({})
  // Nothing asked would still be recorded as a failed attempt, and count towards the review flag.
  const [noneAsked, setNoneAsked] = useState(false)
  const verify = useFormMutation({
    mutationFn: (body: Omit<VerificationRequest, 'caller' | 'channel'>) =>
      dataOf(
        api.client.POST('/api/accounts/{accountNumber}/verifications', {
          params: { path: { accountNumber } },
          body: { channel, caller, ...body },
        }),
      ),
    failure: 'The verification could not be recorded. Please try again.',
    inlineFields: [...sealed.map((question) => `answers.${question}`), 'channel', 'senderEmail'],
  })
  const { problems, result } = verify
  const error = noneAsked ? 'Say how the caller answered at least one question.' : verify.error

  function startAgain() {
    setTicks({})
    setAnswers({})
    setNoneAsked(false)
    verify.check({})
    verify.reset()
  }

  function submit() {
    const passed = ticked.filter((question) => ticks[question] === 'passed')
    const failed = ticked.filter((question) => ticks[question] === 'failed')
    const given = Object.fromEntries(
      sealed.flatMap((question) => {
        const answer = answers[question]?.trim() ?? ''
        return answer ? [[question, answer]] : []
      }),
    )
    const unasked = passed.length + failed.length + Object.keys(given).length === 0
    setNoneAsked(unasked)
    const found: Record<string, string> = {}
    if (!unasked && channel === 'email' && !senderEmail.trim()) {
      found['senderEmail'] = 'Give the address the email came from: it must be one on file for this caller.'
    }
    if (!verify.check(found) || unasked) return
    verify.send({
      ...(channel === 'email' ? { senderEmail: senderEmail.trim() } : {}),
      passed,
      failed,
      ...(Object.keys(given).length > 0 ? { answers: given } : {}),
    })
  }

  if (result) {
    const passed = result.outcome === 'passed'
    const checked = [...sealed, 'sender_email' as const].filter((question) => result.answers[question] !== undefined)
    return (
      <DialogDone
        title="Verify caller"
        onClose={onClose}
        testId="verification-dialog"
        bodyTestId="verification-result"
        bodyData={{ 'data-outcome': result.outcome }}
        doneTestId="verification-done"
        actions={
          <button type="button" className="button" onClick={startAgain} data-testid="verification-again">
            Record another attempt
          </button>
        }
      >
        <p
          className={`callout ${passed ? 'callout-success' : 'callout-error'}`}
          role="status"
          data-testid="verification-outcome"
        >
          {passed
            ? `Verified${result.account ? `: ${result.account.name}` : ''}. The caller may be helped with this account.`
            : result.outcome === 'failed'
              ? 'Not verified. Do not discuss the account with this caller.'
              : `Not verified (${result.outcome.replaceAll('_', ' ')}). Do not discuss the account with this caller.`}
        </p>
        {result.reason && (
          <p className="callout callout-warning" data-testid="verification-reason">
            {result.reason}
          </p>
        )}
        {checked.length > 0 && (
          <ul className="row-list" data-testid="verification-answers">
            {checked.map((question) => {
              const check = result.answers[question] as AnswerCheck
              return (
                <li
                  key={question}
                  className="button-row"
                  data-testid={`verification-answer-result-${question}`}
                  data-check={check}
                >
                  <span className="muted">{labelOf(question)}</span>
                  <span
                    className={`chip ${check === 'matched' ? 'chip-positive' : check === 'did_not_match' ? 'chip-danger' : 'chip-neutral'}`}
                  >
                    {checkLabels[check]}
                  </span>
                </li>
              )
            })}
          </ul>
        )}
        {result.flaggedForReview && (
          <p className="callout callout-warning" role="alert" data-testid="verification-flagged">
            3 failed attempts in 24 hours: flagged for supervisor review.
          </p>
        )}
      </DialogDone>
    )
  }

  return (
    <DialogForm
      title="Verify caller"
      onClose={onClose}
      testId="verification-dialog"
      label="Verify the caller"
      onSubmit={submit}
      error={error}
      errorTestId="verification-error"
      live={false}
      cancel={false}
      sending={verify.sending}
      submitLabel="Record verification"
      sendingLabel="Checking…"
      submitTestId="verification-submit"
    >
      {callerField}
      <p className="muted">
        Ask the caller the questions below. Typed answers are checked against what is on file; what is on file is never
        shown.
      </p>
      <SelectField
        {...form.bindChoice('channel', problems)}
        label="Channel"
        options={channelOptions}
        data-testid="verification-channel"
      />
      {channel === 'email' && (
        <TextField
          {...form.bind('senderEmail', problems)}
          label="The address the email came from"
          type="email"
          autoComplete="off"
          spellCheck={false}
          hint="An email request is accepted only from an address on file for this caller."
          errorTestId="verification-sender-error"
          data-testid="verification-sender"
        />
      )}
      {ticked.map((question) => (
        <fieldset key={question} className="fieldset" data-testid={`verification-question-${question}`}>
          <legend className="field-label">{labelOf(question)}</legend>
          <div className="button-row">
            {tickLabels.map(([value, label]) => (
              <label key={value} className="checkbox">
                <input
                  type="radio"
                  name={`${ids}-${question}`}
                  value={value}
                  checked={(ticks[question] ?? 'not_asked') === value}
                  onChange={() => setTicks((current) => ({ ...current, [question]: value }))}
                  data-testid={`verification-${question}-${value}`}
                />
                {label}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      {sealed.map((question) => (
        <TextField
          key={question}
          id={`${ids}-${question}`}
          label={labelOf(question)}
          optional
          type={question === 'date_of_birth' ? 'date' : question === 'caller_email' ? 'email' : 'text'}
          inputMode={question === 'ssn_last_four' ? 'numeric' : undefined}
          autoComplete="off"
          spellCheck={false}
          hint="The caller’s answer, checked against what is on file; what is on file is never shown. Leave empty if not asked."
          value={answers[question] ?? ''}
          onValueChange={(value) => setAnswers((current) => ({ ...current, [question]: value }))}
          error={problems[`answers.${question}`]}
          errorTestId={`verification-answer-error-${question}`}
          data-testid={`verification-answer-${question}`}
        />
      ))}
    </DialogForm>
  )
}
