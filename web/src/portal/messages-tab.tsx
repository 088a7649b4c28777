/**
 * Messages (issue 22 item 7): write to the supplier, and read the conversation — the messages this
 * person sent and the answers our team sent back — oldest first. A message arrives for agents as an
 * email from the customer on the account, which they answer with a suggested reply.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { ApiError } from '../api.js'
import { brand } from '../shared/brand.js'
import { errorMessage, TextAreaField, TextField } from '../shared/form-field.js'
import { useFormValues } from '../shared/form-values.js'
import { formatLocalDateTime } from '../shared/format.js'
import { FormActions } from '../shared/mutation-form.js'
import { Notice, type NoticeMessage } from '../shared/notice.js'
import { Panel } from '../shared/panel.js'
import * as portalApi from './portal-api.js'

export function MessagesTab({ accountNumber }: { accountNumber: string }) {
  const thread = useQuery({
    queryKey: portalApi.portalKeys.messages(accountNumber),
    queryFn: () => portalApi.messages({ accountNumber }),
  })
  return (
    <>
      <Panel title={`Write to ${brand().name}`} testId="portal-message-form">
        <MessageForm accountNumber={accountNumber} />
      </Panel>
      <Panel title="Your messages" testId="portal-messages">
        {!thread.data && !thread.isError && <p className="muted">Loading…</p>}
        {!thread.data && thread.isError && (
          <p className="callout callout-error" role="alert">
            {errorMessage(thread.error, 'Your messages could not be loaded.')}
          </p>
        )}
        {thread.data && thread.data.length === 0 && <p className="muted">No messages yet.</p>}
        {thread.data && thread.data.length > 0 && (
          <ol className="portal-thread" aria-label="Messages, oldest first">
            {thread.data.map((message) => (
              <li
                key={message.id}
                className={`portal-message portal-message-${message.from}`}
                data-testid="portal-message"
                data-from={message.from}
              >
                <p className="portal-message-meta muted">
                  {message.from === 'customer' ? 'You' : brand().name} · {formatLocalDateTime(message.at)}
                </p>
                {message.subject && <p className="portal-message-subject">{message.subject}</p>}
                <p className="portal-message-body">{message.body}</p>
              </li>
            ))}
          </ol>
        )}
      </Panel>
    </>
  )
}

function MessageForm({ accountNumber }: { accountNumber: string }) {
  const queryClient = useQueryClient()
  const send = useMutation({
    mutationFn: portalApi.sendMessage,
    onSuccess: (items) => queryClient.setQueryData(portalApi.portalKeys.messages(accountNumber), items),
  })
  const form = useFormValues({ subject: '', body: '' })
  const [problems, setProblems] = useState<Record<string, string>>({})
  const [notice, setNotice] = useState<NoticeMessage | null>(null)

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (send.isPending) return
    const found: Record<string, string> = {}
    if (!form.values.subject.trim()) found['subject'] = 'Say what your message is about.'
    if (!form.values.body.trim()) found['body'] = 'Write your message.'
    setProblems(found)
    setNotice(null)
    if (Object.keys(found).length > 0) return
    try {
      await send.mutateAsync({ accountNumber, input: { subject: form.values.subject, body: form.values.body } })
      form.setValues({ subject: '', body: '' })
      setNotice({ tone: 'success', text: 'Thank you. Your message is with our team; we will answer by email.' })
    } catch (error) {
      if (error instanceof ApiError) setProblems(error.fieldProblems())
      setNotice({ tone: 'error', text: errorMessage(error, 'Your message could not be sent.') })
    }
  }

  return (
    <form className="form" onSubmit={handleSubmit} noValidate>
      <Notice notice={notice} testId="portal-message-notice" />
      <TextField {...form.bind('subject', problems)} label="Subject" maxLength={200} autoComplete="off" />
      <TextAreaField {...form.bind('body', problems)} label="Message" maxLength={10_000} rows={5} />
      <FormActions
        sending={send.isPending}
        submitLabel="Send"
        sendingLabel="Sending…"
        submitTestId="portal-message-send"
      />
    </form>
  )
}
