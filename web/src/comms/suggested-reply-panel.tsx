/**
 * The suggested reply to an email from the customer (COM-4): what the message is about and how sure
 * the classifier is, the draft and where it came from (the account's facts, knowledge-base articles).
 * The agent reads it, edits it, presses "Mark reviewed", then "Send". Send stays disabled until the
 * text on screen is the reviewed text: editing after the review needs another review. The server
 * refuses an unreviewed draft anyway (409 DRAFT_NOT_REVIEWED).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { useApi } from '../console-context.js'
import { errorMessage } from '../shared/form-field.js'
import { formatLocalDateTime } from '../shared/format.js'
import { discardReply, reviewReply, type SentReply, type SuggestedReply, sendReply, suggestReply } from './comms-api.js'

const intentLabels: Record<string, string> = {
  bill_query: 'A question about a bill',
  payment: 'A payment',
  payment_arrangement: 'A payment arrangement',
  direct_debit: 'Direct Debit',
  move: 'Moving home',
  meter_reading: 'A meter reading',
  smart_meter: 'A smart meter',
  complaint: 'A complaint',
  refund: 'A refund',
  tariff: 'A tariff',
  export: 'Export (solar)',
  vulnerability: 'Vulnerability or extra help',
  other: 'Something else',
}

type PanelProps = {
  accountNumber: string
  messageId: string
  canSend: boolean
  onSent: (message: SentReply['message']) => void
}

const draftKey = (accountNumber: string, messageId: string) => [
  'account',
  accountNumber,
  'messages',
  messageId,
  'suggested-reply',
]

/** Drafts the reply (or fetches the one already drafted: asking again never drafts a second). */
export function SuggestedReplyPanel(props: PanelProps) {
  const { accountNumber, messageId } = props
  const api = useApi()
  const query = useQuery({
    queryKey: draftKey(accountNumber, messageId),
    queryFn: () => suggestReply(api, { accountNumber, messageId }),
  })

  if (query.isPending) {
    return (
      <div className="suggested-reply" aria-busy="true" data-testid="suggested-reply">
        <span className="muted">Reading the email and drafting a reply…</span>
      </div>
    )
  }
  if (query.isError) {
    return (
      <p className="callout callout-error" role="alert" data-testid="suggested-reply-error">
        {errorMessage(query.error, 'A reply could not be suggested.')}
      </p>
    )
  }
  return <DraftView {...props} draft={query.data} />
}

function DraftView({ accountNumber, messageId, canSend, onSent, draft }: PanelProps & { draft: SuggestedReply }) {
  const api = useApi()
  const ids = useId()
  const queryClient = useQueryClient()
  const [text, setText] = useState(draft.editedBody ?? draft.body)
  const mutation = useMutation({
    mutationFn: async (
      kind: 'review' | 'send' | 'discard',
    ): Promise<{ draft: SuggestedReply; sent?: SentReply['message'] }> => {
      if (kind === 'review') {
        // The server keeps the drafted text and stores ours as the edit only when it differs.
        return { draft: await reviewReply(api, { accountNumber, messageId, body: text.trim() }) }
      }
      if (kind === 'send') {
        const result = await sendReply(api, { accountNumber, messageId })
        return { draft: result.suggestedReply, sent: result.message }
      }
      return { draft: await discardReply(api, { accountNumber, messageId }) }
    },
    onSuccess: ({ draft: next, sent }, kind) => {
      queryClient.setQueryData(draftKey(accountNumber, messageId), next)
      if (kind === 'review') setText(next.editedBody ?? next.body)
      if (sent) onSent(sent)
    },
  })
  const busy = mutation.isPending ? mutation.variables : null
  const error = mutation.isError ? errorMessage(mutation.error, 'That did not work. Please try again.') : null

  const reviewedText = draft.editedBody ?? draft.body
  const closed = draft.status === 'sent' || draft.status === 'discarded'
  const reviewedAsShown = draft.status === 'reviewed' && text.trim() === reviewedText.trim()
  const evidence = draft.sources.evidence.filter((item) => !item.negated && item.intent === draft.intent)

  function act(kind: 'review' | 'send' | 'discard') {
    if (busy) return
    mutation.mutate(kind)
  }

  return (
    <div className="suggested-reply" data-testid="suggested-reply" data-status={draft.status}>
      <h4 className="section-title">Suggested reply</h4>
      <dl className="facts suggested-reply-facts">
        <div>
          <dt>About</dt>
          <dd data-testid="suggested-reply-intent" data-intent={draft.intent}>
            {intentLabels[draft.intent] ?? draft.intent}
          </dd>
        </div>
        <div>
          <dt>Confidence</dt>
          <dd data-testid="suggested-reply-confidence">{Math.round(draft.confidence * 100)}%</dd>
        </div>
        <div>
          <dt>Drafted by</dt>
          <dd>{draft.sources.method === 'local' ? 'Cuttle (offline)' : draft.sources.method}</dd>
        </div>
      </dl>
      {evidence.length > 0 && (
        <p className="muted">Because it says: {evidence.map((item) => `“${item.phrase}”`).join(', ')}</p>
      )}
      {draft.sources.modelError && (
        <p className="callout callout-warning">The language model was not used: {draft.sources.modelError}</p>
      )}

      <p className="callout callout-info">
        Always review and personalise a suggested reply. Never send it without reading it first.
      </p>

      <div className="field">
        <label className="field-label" htmlFor={`${ids}-body`}>
          Reply <span className="muted">— “{draft.subject}”; the greeting and sign-off are added when it is sent</span>
        </label>
        <textarea
          id={`${ids}-body`}
          className="input textarea"
          rows={10}
          maxLength={10000}
          value={text}
          onChange={(event) => setText(event.target.value)}
          readOnly={closed || !canSend}
          data-testid="suggested-reply-body"
        />
        {draft.status === 'reviewed' && !reviewedAsShown && !closed && (
          <span className="field-hint" data-testid="suggested-reply-changed">
            Changed since it was reviewed: mark it reviewed again before sending.
          </span>
        )}
      </div>

      <details className="suggested-reply-sources" data-testid="suggested-reply-sources">
        <summary>Sources</summary>
        {draft.sources.facts.length > 0 && (
          <>
            <p className="field-label">Account facts</p>
            <ul className="plain-list">
              {draft.sources.facts.map((fact) => (
                <li key={fact.name}>
                  {fact.name}: <strong>{fact.value}</strong>
                </li>
              ))}
            </ul>
          </>
        )}
        {draft.sources.articles.length > 0 && (
          <>
            <p className="field-label">Knowledge base ({draft.sources.knowledgeBaseVersion})</p>
            <ul className="plain-list">
              {draft.sources.articles.map((article) => (
                <li key={article.id}>
                  {article.title}{' '}
                  <span className="muted mono">
                    {article.id} v{article.version}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </details>

      {draft.status === 'reviewed' && draft.reviewedAt && (
        <p className="muted" data-testid="suggested-reply-reviewed">
          Reviewed {formatLocalDateTime(draft.reviewedAt)}
          {draft.editedBody !== null ? ', with your changes' : ''}.
        </p>
      )}
      {draft.status === 'sent' && (
        <p className="callout callout-success" role="status" data-testid="suggested-reply-sent">
          Sent to the customer. It is in the message log.
        </p>
      )}
      {draft.status === 'discarded' && <p className="muted">Discarded.</p>}
      {error && (
        <p className="callout callout-error" role="alert" data-testid="suggested-reply-action-error">
          {error}
        </p>
      )}

      {canSend && !closed && (
        <div className="button-row">
          <button
            type="button"
            className="button"
            onClick={() => act('review')}
            disabled={busy !== null || !text.trim() || reviewedAsShown}
            data-testid="suggested-reply-review"
          >
            {busy === 'review' ? 'Saving…' : reviewedAsShown ? 'Reviewed' : 'Mark reviewed'}
          </button>
          <button
            type="button"
            className="button button-primary"
            onClick={() => act('send')}
            disabled={busy !== null || !reviewedAsShown}
            title={reviewedAsShown ? undefined : 'Mark the reply reviewed first'}
            data-testid="suggested-reply-send"
          >
            {busy === 'send' ? 'Sending…' : 'Send'}
          </button>
          <button
            type="button"
            className="button button-ghost"
            onClick={() => act('discard')}
            disabled={busy !== null}
            data-testid="suggested-reply-discard"
          >
            Discard
          </button>
        </div>
      )}
    </div>
  )
}
