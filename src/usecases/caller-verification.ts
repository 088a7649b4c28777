/**
 * USR-4: verifying a caller on an account: the questions for who they say they are, in the account's
 * market, and how they did on them. Sealed details and what is on file are compared by the server.
 */
import type { Change, Tx } from '../db/index.js'
import * as access from '../modules/access/index.js'
import * as accounts from '../modules/accounts/index.js'
import * as market from '../modules/market/index.js'
import { ValidationFailed, withCode } from '../shared/errors.js'
import { accountOf } from './account-view.js'

export class UnknownVerificationQuestion extends withCode(ValidationFailed, 'UNKNOWN_VERIFICATION_QUESTION') {}

export class VerificationAnswerRequired extends withCode(ValidationFailed, 'VERIFICATION_ANSWER_REQUIRED') {}
export class SenderEmailRequired extends withCode(ValidationFailed, 'SENDER_EMAIL_REQUIRED') {}

/** What a caller said, typed by the agent: the sealed details (SEC-1) and what is on file about them. */
export type CallerAnswers = Readonly<
  Partial<Record<access.SensitiveQuestion | 'caller_email' | 'relationship', string>>
>

/** Who a caller says they are (seed "Verifying User Authority"). */
export type CallerKind = market.CallerKind

// The agent's ticks with the answered questions taken out of their hands: a tick "passed" on one is
// refused (the answer decides), a tick "failed" stands (the caller could not answer), and each answer
// given counts as passed or failed by the comparison; one with nothing on file counts as neither.
function mergeAnswerChecks(
  passed: readonly string[],
  failed: readonly string[],
  checks: Readonly<Record<string, access.AnswerCheck | undefined>>,
) {
  const checked = new Set(Object.keys(checks))
  const finalPassed = passed.filter((question) => !checked.has(question))
  const finalFailed = failed.filter((question) => !checked.has(question))
  for (const [question, check] of Object.entries(checks)) {
    if (check === 'matched') finalPassed.push(question)
    if (check === 'did_not_match') finalFailed.push(question)
  }
  return { passed: finalPassed, failed: finalFailed }
}

async function marketOfAccount(tx: Tx, accountNumber: string) {
  const account = await accountOf(tx, accountNumber)
  const card = await accounts.findAccountContacts({ tx, accountId: account.id })
  if (!card) throw new accounts.AccountNotFound(`There is no account ${accountNumber}`)
  return { account, card, profile: market.profileOf(card.market) }
}

/**
 * USR-4: the questions a caller is asked, from the account's market profile (or, without an account,
 * the supplier's) and who the caller says they are: those the agent checks by eye (`ticked`: passed
 * or failed), and those the caller answers and the server compares with what is on file (`answered`).
 * A Great Britain account is never asked for an SSN. Reads nothing personal, so it is not audited.
 * @throws accounts.AccountNotFound
 */
export async function verificationQuestions({
  tx,
  accountNumber,
  caller = 'holder',
}: {
  tx: Tx
  accountNumber?: string | undefined
  caller?: CallerKind | undefined
}) {
  const profile = accountNumber
    ? (await marketOfAccount(tx, accountNumber)).profile
    : (await market.getSupplier(tx)).profile
  const questions = profile.verificationQuestions[caller]
  return {
    market: profile.market,
    caller,
    callers: [...market.callerKinds],
    ticked: [...questions.ticked],
    answered: [...questions.answered],
  }
}

const sealedQuestion = (question: string): question is access.SensitiveQuestion => question in access.sensitiveQuestions

/**
 * USR-4: record how a caller did on the questions for who they say they are (the holder, an authorized
 * user, a property manager, an attorney, a third party), in the account's market. The sealed details
 * (security answer, SSN last four, date of birth) and what is on file about the caller (their own
 * email, an authorized user's relationship to the holder) are not the agent's to tick: the caller's
 * answer is compared with what is on file and only matched or not is returned. Anyone but the holder
 * must be found among the people with that access in force. On the email channel the sender's
 * address must be on file for that caller, or the attempt fails, says why and counts as a failure.
 * Nothing about the account is returned unless the caller passed; 3 failures in 24 hours flag it for
 * supervisor review. The answers themselves are neither stored nor audited.
 * @throws accounts.AccountNotFound, UnknownVerificationQuestion, VerificationAnswerRequired, SenderEmailRequired
 */
export async function verifyCaller({
  tx,
  accountNumber,
  channel,
  caller = 'holder',
  senderEmail,
  passed,
  failed,
  answers = {},
  dataKey,
  actor,
  at,
}: Change & {
  accountNumber: string
  channel: 'phone' | 'email' | 'in_person' | 'chat'
  caller?: CallerKind | undefined
  senderEmail?: string | undefined
  passed: readonly string[]
  failed: readonly string[]
  answers?: CallerAnswers | undefined
  dataKey: string
}) {
  const { account, card, profile } = await marketOfAccount(tx, accountNumber)
  const { ticked: tickable, answered: answerable } = profile.verificationQuestions[caller]
  const asked = [...tickable, ...answerable]
  const listed = asked.join(', ')
  const unknown = [
    ...passed.map((question, index) => ({ question, path: `passed.${index}` })),
    ...failed.map((question, index) => ({ question, path: `failed.${index}` })),
    ...Object.keys(answers).map((question) => ({ question, path: `answers.${question}` })),
  ].filter(({ question, path }) =>
    path.startsWith('answers.') ? !answerable.includes(question) : !asked.includes(question),
  )
  if (unknown.length > 0) {
    throw new UnknownVerificationQuestion(
      `Not a question for a ${caller.replaceAll('_', ' ')} on a ${profile.name} account: ${unknown.map((item) => item.question).join(', ')} (the questions are ${listed})`,
      unknown.map(({ question, path }) => ({ path, message: `'${question}' is not one of ${listed}` })),
    )
  }
  const tickedAnswered = passed.filter(
    (question) => answerable.includes(question) && answers[question as keyof CallerAnswers] === undefined,
  )
  if (tickedAnswered.length > 0) {
    throw new VerificationAnswerRequired(
      `${tickedAnswered.join(', ')} is checked against what is on file: give the caller's answer instead of ticking it`,
      tickedAnswered.map((question) => ({
        path: `answers.${question}`,
        message: 'give the caller’s answer; it is compared with what is on file',
      })),
    )
  }
  if (channel === 'email' && !senderEmail?.trim()) {
    throw new SenderEmailRequired('An email request is verified against the sender’s address: give it', [
      { path: 'senderEmail', message: 'the address the email came from' },
    ])
  }
  const sealedAnswers = Object.fromEntries(Object.entries(answers).filter(([question]) => sealedQuestion(question)))
  const sealedChecks = await access.checkSensitiveAnswers({
    tx,
    accountId: account.id,
    answers: sealedAnswers,
    dataKey,
  })
  const onFile = await access.checkCallerOnFile({
    tx,
    accountId: account.id,
    caller,
    accountEmails: card.emails.map((email) => email.address),
    callerEmail: answers.caller_email,
    relationship: answers.relationship,
    senderEmail: channel === 'email' ? senderEmail : undefined,
    at,
  })
  const checks: Partial<Record<string, access.AnswerCheck>> = {
    ...sealedChecks,
    ...(onFile.callerEmail ? { caller_email: onFile.callerEmail } : {}),
    ...(onFile.relationship ? { relationship: onFile.relationship } : {}),
    ...(onFile.senderEmail ? { sender_email: onFile.senderEmail } : {}),
  }
  const outcome = mergeAnswerChecks(passed, failed, checks)
  // Someone other than the holder is only verified once found among the people with that access.
  const notFound = caller !== 'holder' && onFile.userId === null
  if (notFound && !outcome.failed.includes('caller_email')) outcome.failed.push('caller_email')
  const reason =
    onFile.senderEmail === 'did_not_match'
      ? `The email came from an address not on file for this ${caller.replaceAll('_', ' ')}: do not act on it; ask them to write from the address on file or to call.`
      : notFound
        ? `No ${caller.replaceAll('_', ' ')} with that email has access to this account in force.`
        : null
  const result = await access.recordVerification({ tx, accountId: account.id, channel, caller, ...outcome, actor, at })
  const common = { outcome: result.outcome, caller, reason, flaggedForReview: result.flagged, answers: checks }
  if (result.outcome !== 'passed') return { ...common, account: null }
  return {
    ...common,
    account: { number: account.number, name: card.customer.displayName, status: account.status },
  }
}
