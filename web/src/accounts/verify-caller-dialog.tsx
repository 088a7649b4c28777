/**
 * USR-4: verify a caller against the market's questions. The agent says how the caller did on each
 * question they can check by eye (answered correctly, wrongly, or not asked); the sealed ones
 * (security answer, SSN last four, date of birth) are never ticked: the caller's answer is typed and
 * the server compares it with the value on file, saying only whether it matched. Three failures in 24
 * hours flag the account for supervisor review.
 */
import { type FormEvent, useEffect, useId, useState } from 'react'
import { ApiError } from '../api.js'
import { useApi } from '../console-context.js'
import { Dialog } from '../payments/dialog.js'
import { SelectField, type SelectOption, TextField } from '../shared/form-field.js'

type Channel = 'phone' | 'email' | 'in_person' | 'chat'
type SealedQuestion = 'security_answer' | 'ssn_last_four' | 'date_of_birth'
type Tick = 'passed' | 'failed' | 'not_asked'
type AnswerCheck = 'matched' | 'did_not_match' | 'not_on_file'

type VerificationResult = {
  outcome: string
  flaggedForReview: boolean
  answers: Partial<Record<SealedQuestion, AnswerCheck>>
  account: { number: string; name: string; status: string } | null
}

/** The questions here (`GET /verification-questions`): ticked by the agent, or answered from the sealed details. */
type Questions = { market: string; ticked: string[]; answered: SealedQuestion[] }

const questionLabels: Record<string, string> = {
  account_number: 'Account number',
  service_address: 'Service address',
  recent_payment_amount: 'Amount of a recent payment',
  security_answer: 'Security answer',
  ssn_last_four: 'Last four digits of the SSN',
  date_of_birth: 'Date of birth',
}

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
  const [questions, setQuestions] = useState<Questions | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    api
      .send<Questions>({ method: 'GET', path: '/verification-questions' })
      .then((found) => live && setQuestions(found))
      .catch((caught: unknown) => {
        if (live) setLoadError(caught instanceof ApiError ? caught.message : 'The questions could not be loaded.')
      })
    return () => {
      live = false
    }
  }, [api])

  if (!questions) {
    return (
      <Dialog title="Verify caller" onClose={onClose} testId="verification-dialog">
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
      accountNumber={accountNumber}
      ticked={questions.ticked}
      sealed={questions.answered}
      onClose={onClose}
    />
  )
}

function VerifyCallerForm({
  accountNumber,
  ticked,
  sealed,
  onClose,
}: {
  accountNumber: string
  ticked: readonly string[]
  sealed: readonly SealedQuestion[]
  onClose: () => void
}) {
  const api = useApi()
  const ids = useId()
  const [channel, setChannel] = useState<Channel>('phone')
  const [ticks, setTicks] = useState<Record<string, Tick>>({})
  const [answers, setAnswers] = useState<Partial<Record<SealedQuestion, string>>>({})
  const [sending, setSending] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [problems, setProblems] = useState<Record<string, string>>({})
  const [result, setResult] = useState<VerificationResult | null>(null)

  function startAgain() {
    setTicks({})
    setAnswers({})
    setProblems({})
    setError(null)
    setResult(null)
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    const passed = ticked.filter((question) => ticks[question] === 'passed')
    const failed = ticked.filter((question) => ticks[question] === 'failed')
    const given = Object.fromEntries(
      sealed.flatMap((question) => {
        const answer = answers[question]?.trim() ?? ''
        return answer ? [[question, answer]] : []
      }),
    )
    // Nothing asked would still be recorded as a failed attempt, and count towards the review flag.
    if (passed.length + failed.length + Object.keys(given).length === 0) {
      setProblems({})
      setError('Say how the caller answered at least one question.')
      return
    }
    setSending(true)
    setError(null)
    setProblems({})
    try {
      const verified = await api.send<VerificationResult>({
        method: 'POST',
        path: `/accounts/${encodeURIComponent(accountNumber)}/verifications`,
        body: { channel, passed, failed, ...(Object.keys(given).length > 0 ? { answers: given } : {}) },
      })
      setResult(verified)
    } catch (caught) {
      if (caught instanceof ApiError) {
        const found = caught.fieldProblems()
        setProblems(found)
        const shown = sealed.some((question) => `answers.${question}` in found) || 'channel' in found
        if (!shown) setError(caught.message)
      } else {
        setError('The verification could not be recorded. Please try again.')
      }
    } finally {
      setSending(false)
    }
  }

  if (result) {
    const passed = result.outcome === 'passed'
    const checked = sealed.filter((question) => result.answers[question] !== undefined)
    return (
      <Dialog title="Verify caller" onClose={onClose} testId="verification-dialog">
        <div className="form" data-testid="verification-result" data-outcome={result.outcome}>
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
          <div className="form-actions">
            <button type="button" className="button" onClick={startAgain} data-testid="verification-again">
              Record another attempt
            </button>
            <button type="button" className="button button-primary" onClick={onClose} data-testid="verification-done">
              Done
            </button>
          </div>
        </div>
      </Dialog>
    )
  }

  return (
    <Dialog title="Verify caller" onClose={onClose} testId="verification-dialog">
      <form className="form" onSubmit={(event) => void submit(event)} noValidate aria-label="Verify the caller">
        <p className="muted">
          Ask the caller the questions below. Answers to the sealed questions are checked against what is on file; the
          value on file is never shown.
        </p>
        <SelectField
          id={`${ids}-channel`}
          label="Channel"
          value={channel}
          onValueChange={(value) => setChannel(value as Channel)}
          options={channelOptions}
          error={problems['channel']}
          data-testid="verification-channel"
        />
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
            type={question === 'date_of_birth' ? 'date' : 'text'}
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
        {error && (
          <p className="callout callout-error" role="alert" data-testid="verification-error">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={sending} data-testid="verification-submit">
            {sending ? 'Checking…' : 'Record verification'}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
