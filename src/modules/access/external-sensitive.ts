/**
 * Sensitive details (date of birth, security answer, SSN last four), sealed at rest with the data key
 * (`external-seal.ts`): storing, opening for verification, checking a caller's answers in constant
 * time, and exporting them.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import type { AccountChange, Db, Tx } from '../../db/index.js'
import * as audit from '../audit/index.js'
import { dataKeyOf, seal, unseal } from './external-seal.js'
import * as store from './external-store.js'

type SensitiveColumn = 'date_of_birth' | 'security_answer' | 'ssn_last_four'

export interface SensitiveDetails {
  readonly dateOfBirth?: string | undefined
  readonly securityAnswer?: string | undefined
  readonly ssnLastFour?: string | undefined
}

/**
 * SEC-1: keep an account's date of birth, security answer and SSN last four sealed with AES-256-GCM.
 * A detail left out keeps the value already on file.
 */
export async function storeSensitiveDetails({
  tx,
  accountId,
  details,
  dataKey,
  actor,
  at,
}: AccountChange & {
  details: SensitiveDetails
  dataKey: string
}): Promise<void> {
  const key = dataKeyOf(dataKey)
  const kept = await store.findSecrets(tx, accountId)
  const sealOrKeep = (value: string | undefined, column: SensitiveColumn) =>
    value === undefined ? (kept?.[`${column}_sealed`] ?? null) : seal(key, value, `${accountId}:${column}`)
  await store.upsertSecrets(tx, {
    account_id: accountId,
    date_of_birth_sealed: sealOrKeep(details.dateOfBirth, 'date_of_birth'),
    security_answer_sealed: sealOrKeep(details.securityAnswer, 'security_answer'),
    ssn_last_four_sealed: sealOrKeep(details.ssnLastFour, 'ssn_last_four'),
    updated_at: at,
  })
  await audit.record(tx, {
    actor,
    action: 'accounts.sensitive_details.updated',
    subject: { type: 'account', id: accountId },
    accountId,
    // which fields changed, never their values
    after: { fields: Object.keys(details).filter((field) => details[field as keyof SensitiveDetails] !== undefined) },
    at,
  })
}

/** The account's sensitive details, opened; for verification only. @throws Error on a wrong key or tampering */
export async function readSensitiveDetails({
  tx,
  accountId,
  dataKey,
}: {
  tx: Db | Tx
  accountId: string
  dataKey: string
}): Promise<SensitiveDetails> {
  const row = await store.findSecrets(tx, accountId)
  if (!row) return {}
  const key = dataKeyOf(dataKey)
  const open = (value: string | null, column: string) =>
    value === null ? undefined : unseal(key, value, `${accountId}:${column}`)
  return {
    dateOfBirth: open(row.date_of_birth_sealed, 'date_of_birth'),
    securityAnswer: open(row.security_answer_sealed, 'security_answer'),
    ssnLastFour: open(row.ssn_last_four_sealed, 'ssn_last_four'),
  }
}

/** The verification questions answered from the sealed details, and the detail each is checked against. */
export const sensitiveQuestions = {
  date_of_birth: 'dateOfBirth',
  security_answer: 'securityAnswer',
  ssn_last_four: 'ssnLastFour',
} as const satisfies Record<SensitiveColumn, keyof SensitiveDetails>

export type SensitiveQuestion = keyof typeof sensitiveQuestions

/** How a caller's answer compared with the value on file; `not_on_file` when there is nothing to compare with. */
export type AnswerCheck = 'matched' | 'did_not_match' | 'not_on_file'

// Answers as a caller says them: a security answer ignores case, spacing and Unicode forms; the
// SSN keeps only its digits; a date is compared as written (the API takes YYYY-MM-DD).
function normaliseAnswer(question: SensitiveQuestion, value: string): string {
  if (question === 'security_answer') return value.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase()
  if (question === 'ssn_last_four') return value.replace(/\D/g, '')
  return value.trim()
}

// Compared as SHA-256 digests in constant time, so the time taken says nothing about the value on file.
function sameAnswer(question: SensitiveQuestion, given: string, onFile: string): boolean {
  const digest = (value: string) => createHash('sha256').update(normaliseAnswer(question, value)).digest()
  return timingSafeEqual(digest(given), digest(onFile))
}

/**
 * USR-4 with SEC-1: check a caller's answers against the account's sealed details, opened only here
 * and never returned; what was on file is not revealed beyond matched or not.
 * @throws Error on a wrong key or a tampered value
 */
export async function checkSensitiveAnswers({
  tx,
  accountId,
  answers,
  dataKey,
}: {
  tx: Db | Tx
  accountId: string
  answers: Readonly<Partial<Record<SensitiveQuestion, string>>>
  dataKey: string
}): Promise<Partial<Record<SensitiveQuestion, AnswerCheck>>> {
  const onFile = await readSensitiveDetails({ tx, accountId, dataKey })
  const checks: Partial<Record<SensitiveQuestion, AnswerCheck>> = {}
  for (const question of Object.keys(sensitiveQuestions) as SensitiveQuestion[]) {
    const given = answers[question]
    if (given === undefined) continue
    const kept = onFile[sensitiveQuestions[question]]
    checks[question] =
      kept === undefined ? 'not_on_file' : sameAnswer(question, given, kept) ? 'matched' : 'did_not_match'
  }
  return checks
}

/**
 * SEC-1: the account's sensitive details, opened, for a role allowed to export them (the route checks
 * `accounts.sensitive_details.export`). Every read is audited, naming the fields read, never their values.
 * @throws Error on a wrong key or a tampered value
 */
export async function exportSensitiveDetails({
  tx,
  accountId,
  dataKey,
  reason,
  actor,
  at,
}: AccountChange & {
  dataKey: string
  reason?: string | undefined
}): Promise<SensitiveDetails> {
  const details = await readSensitiveDetails({ tx, accountId, dataKey })
  await audit.record(tx, {
    actor,
    action: 'accounts.sensitive_details.exported',
    subject: { type: 'account', id: accountId },
    accountId,
    after: {
      fields: Object.keys(details).filter((field) => details[field as keyof SensitiveDetails] !== undefined),
      reason: reason ?? null,
    },
    at,
  })
  return details
}
