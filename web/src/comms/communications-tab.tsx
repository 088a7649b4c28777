/**
 * The account's Communications tab (COM-1..4): the message log, outbound and inbound, with status
 * chips and each message's status history; compose (channel, template, fields, server preview,
 * send); log a phone call or an email the customer sent; SMS enrolment; and, for an email from the
 * customer, its suggested reply. Actions show only for the permissions they need; the server checks
 * them again.
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, Fragment, useState } from 'react'
import { useApi, useSession } from '../console-context.js'
import { announceAccountChanged, invalidateAccount } from '../payments/payments-api.js'
import { errorMessage, TextField } from '../shared/form-field.js'
import { useFormValues } from '../shared/form-values.js'
import { formatLocalDateTime } from '../shared/format.js'
import { byCursor, LoadMoreFooter, pagedList } from '../shared/load-more.js'
import { FormError } from '../shared/mutation-form.js'
import { Panel } from '../shared/panel.js'
import { QueueStatusNotice } from '../shared/review-queue.js'
import { DataTable } from '../shared/table.js'
import {
  accountMessage,
  accountMessages,
  changeSmsEnrolment,
  letterPdfUrl,
  type Message,
  type MessageDetail,
  type SentReply,
  type SmsEnrolment,
  smsEnrolment,
} from './comms-api.js'
import { ComposeDialog } from './compose-dialog.js'
import { InboundEmailDialog, PhoneCallDialog } from './log-dialogs.js'
import { channelLabels, formatHandleTime, MessageStatusChip } from './message-format.js'
import { SuggestedReplyPanel } from './suggested-reply-panel.js'

const pageSize = 20
/** How often the log looks again while a message waits for the delivery worker. */
const queuedRefreshMs = 3000

type Open = 'compose' | 'call' | 'email' | null

export function CommunicationsTab({ accountNumber }: { accountNumber: string }) {
  const api = useApi()
  const { user } = useSession()
  const can = (permission: string) => user.permissions.includes(permission)
  const queryClient = useQueryClient()
  const [open, setOpen] = useState<Open>(null)
  const [expanded, setExpanded] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const query = useInfiniteQuery({
    queryKey: ['account', accountNumber, 'messages'],
    queryFn: ({ pageParam }) => accountMessages(api, { accountNumber, limit: pageSize, cursor: pageParam }),
    ...byCursor,
    // Sending only queues a message for the delivery worker: while any is still queued, look again
    // every few seconds so its status moves on by itself.
    refetchInterval: (current) =>
      current.state.data?.pages.some((page) => page.items.some((message) => message.status === 'queued'))
        ? queuedRefreshMs
        : false,
  })
  // The same query as the SMS panel's (one request): compose needs to know whether SMS may be sent.
  const { data: enrolment } = useQuery({
    queryKey: smsEnrolmentKey(accountNumber),
    queryFn: () => smsEnrolment(api, { accountNumber }),
    enabled: can('accounts.contact.read'),
  })
  const state = pagedList(query, {
    failed: 'The messages could not be loaded.',
    more: 'More messages could not be loaded.',
  })

  function added(message: Message, text: string) {
    setOpen(null)
    setNotice(text)
    setExpanded(message.id)
    // The write itself invalidated the account's queries; the app is told the account changed.
    announceAccountChanged(accountNumber)
  }

  return (
    <div className="communications-tab" data-testid="communications-tab">
      <div className="payments-actions" role="toolbar" aria-label="Communication actions">
        {can('comms.message.send') && (
          <button
            type="button"
            className="button button-primary"
            onClick={() => setOpen('compose')}
            data-testid="compose"
          >
            Compose
          </button>
        )}
        {can('accounts.note.create') && (
          <>
            <button type="button" className="button" onClick={() => setOpen('call')} data-testid="log-call">
              Log a phone call
            </button>
            <button type="button" className="button" onClick={() => setOpen('email')} data-testid="log-inbound-email">
              Log an inbound email
            </button>
          </>
        )}
      </div>
      {notice && (
        <p className="callout callout-success" role="status" data-testid="comms-notice">
          {notice}
        </p>
      )}

      <div className="comms-columns">
        <Panel title="Message log" aside={<span className="muted">Newest first</span>} flush>
          <QueueStatusNotice queue={state} skeleton="row" />
          {state.status === 'loaded' &&
            (state.items.length === 0 ? (
              <p className="empty">No messages yet.</p>
            ) : (
              <DataTable
                testId="message-log"
                columns={['When', 'Channel', 'Subject', 'Status', { label: 'Details', hidden: true }]}
              >
                {state.items.map((message) => (
                  <Fragment key={message.id}>
                    <tr
                      data-testid="message-row"
                      data-id={message.id}
                      data-direction={message.direction}
                      data-channel={message.channel}
                      data-status={message.status}
                    >
                      <td className="muted">
                        <time dateTime={message.occurredAt}>{formatLocalDateTime(message.occurredAt)}</time>
                      </td>
                      <td>
                        {channelLabels[message.channel] ?? message.channel}
                        <span className="muted"> · {message.direction === 'inbound' ? 'in' : 'out'}</span>
                      </td>
                      <td data-testid="message-subject">{message.subject ?? <span className="muted">—</span>}</td>
                      <td>
                        <MessageStatusChip status={message.status} />
                      </td>
                      <td className="row-end">
                        <button
                          type="button"
                          className="button button-ghost button-small"
                          aria-expanded={expanded === message.id}
                          onClick={() => setExpanded((current) => (current === message.id ? null : message.id))}
                          data-testid="message-open"
                        >
                          {expanded === message.id ? 'Hide' : 'Open'}
                        </button>
                      </td>
                    </tr>
                    {expanded === message.id && (
                      <tr className="message-detail-row">
                        <td colSpan={5}>
                          <MessageDetailView
                            accountNumber={accountNumber}
                            messageId={message.id}
                            canReply={can('comms.message.send')}
                            onReplySent={(sent) => {
                              setNotice(`Reply sent: ${sent.subject ?? 'email'}.`)
                              announceAccountChanged(accountNumber)
                              void invalidateAccount(queryClient, accountNumber)
                            }}
                          />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                ))}
              </DataTable>
            ))}
          <LoadMoreFooter list={state} />
        </Panel>

        {can('accounts.contact.read') && (
          <SmsEnrolmentPanel accountNumber={accountNumber} canChange={can('accounts.contact.update')} />
        )}
      </div>

      {open === 'compose' && (
        <ComposeDialog
          accountNumber={accountNumber}
          smsEnrolled={enrolment?.enrolled ?? false}
          onClose={() => setOpen(null)}
          onSent={(message) =>
            added(message, `Message queued for sending: ${message.subject ?? channelLabels[message.channel]}.`)
          }
        />
      )}
      {open === 'call' && (
        <PhoneCallDialog
          accountNumber={accountNumber}
          onClose={() => setOpen(null)}
          onLogged={(message) => added(message, 'Phone call logged.')}
        />
      )}
      {open === 'email' && (
        <InboundEmailDialog
          accountNumber={accountNumber}
          defaultFrom=""
          onClose={() => setOpen(null)}
          onLogged={(message) => added(message, 'Email logged. Open it for a suggested reply.')}
        />
      )}
    </div>
  )
}

function MessageDetailView({
  accountNumber,
  messageId,
  canReply,
  onReplySent,
}: {
  accountNumber: string
  messageId: string
  canReply: boolean
  onReplySent: (message: SentReply['message']) => void
}) {
  const api = useApi()
  const [replying, setReplying] = useState(false)
  const query = useQuery({
    queryKey: ['account', accountNumber, 'messages', messageId],
    queryFn: () => accountMessage(api, { accountNumber, messageId }),
  })
  const detail: MessageDetail | undefined = query.data

  if (!detail && query.isError) {
    return (
      <p className="callout callout-error" role="alert">
        {errorMessage(query.error, 'The message could not be loaded.')}
      </p>
    )
  }
  if (!detail) return <p className="muted">Loading…</p>

  const inboundEmail = detail.direction === 'inbound' && detail.channel === 'email'
  return (
    <div className="message-detail" data-testid="message-detail">
      <dl className="facts">
        {detail.sender && (
          <div>
            <dt>From</dt>
            <dd>{detail.sender}</dd>
          </div>
        )}
        {detail.recipient && (
          <div>
            <dt>To</dt>
            <dd>{detail.recipient}</dd>
          </div>
        )}
        {detail.handleSeconds !== null && (
          <div>
            <dt>Handle time</dt>
            <dd>{formatHandleTime(detail.handleSeconds)}</dd>
          </div>
        )}
        {detail.failureReason && (
          <div>
            <dt>Failure</dt>
            <dd>{detail.failureReason}</dd>
          </div>
        )}
      </dl>
      <p className="pre-wrap message-body" data-testid="message-body">
        {detail.body}
      </p>
      {detail.hasPdf && (
        <p>
          <a href={letterPdfUrl({ accountNumber, messageId })} target="_blank" rel="noreferrer">
            The letter as sent (PDF)
          </a>
        </p>
      )}
      <h4 className="section-title">Status history</h4>
      <ol className="plain-list" data-testid="message-history">
        {detail.history.map((event) => (
          <li key={`${event.status}:${event.recordedAt}`}>
            <MessageStatusChip status={event.status} />{' '}
            <time className="muted" dateTime={event.occurredAt}>
              {formatLocalDateTime(event.occurredAt)}
            </time>
            {event.detail && <span className="muted"> — {event.detail}</span>}
          </li>
        ))}
      </ol>
      {inboundEmail &&
        (replying ? (
          <SuggestedReplyPanel
            accountNumber={accountNumber}
            messageId={messageId}
            canSend={canReply}
            onSent={onReplySent}
          />
        ) : (
          canReply && (
            <button
              type="button"
              className="button"
              onClick={() => setReplying(true)}
              data-testid="suggested-reply-open"
            >
              Suggested reply
            </button>
          )
        ))}
    </div>
  )
}

const smsEnrolmentKey = (accountNumber: string) => ['account', accountNumber, 'sms-enrolment']

function SmsEnrolmentPanel({ accountNumber, canChange }: { accountNumber: string; canChange: boolean }) {
  const api = useApi()
  const queryClient = useQueryClient()
  const form = useFormValues({ phoneNumber: '' })
  const { phoneNumber } = form.values
  const query = useQuery({
    queryKey: smsEnrolmentKey(accountNumber),
    queryFn: () => smsEnrolment(api, { accountNumber }),
  })
  const enrolment: SmsEnrolment | null = query.data ?? null
  const mutation = useMutation({
    mutationFn: (change: { enrolled: boolean; phoneNumber?: string }) =>
      changeSmsEnrolment(api, { accountNumber, ...change }),
    onSuccess: (next) => {
      queryClient.setQueryData(smsEnrolmentKey(accountNumber), next)
      form.set('phoneNumber', '')
    },
  })
  const sending = mutation.isPending
  const error = mutation.isError
    ? errorMessage(mutation.error, 'The SMS enrolment could not be changed.')
    : query.isError
      ? errorMessage(query.error, 'The SMS enrolment could not be loaded.')
      : null

  function change(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (!enrolment || sending) return
    mutation.mutate({
      enrolled: !enrolment.enrolled,
      ...(!enrolment.enrolled && phoneNumber.trim() ? { phoneNumber: phoneNumber.trim() } : {}),
    })
  }

  return (
    <Panel title="SMS" testId="sms-enrolment">
      {!enrolment && !error && <p className="muted">Loading…</p>}
      {enrolment && (
        <p data-testid="sms-enrolment-state" data-enrolled={enrolment.enrolled}>
          {enrolment.enrolled ? (
            <>
              Enrolled at <span className="mono">{enrolment.phoneNumber}</span>
            </>
          ) : (
            'Not enrolled: no SMS is sent to this customer.'
          )}
        </p>
      )}
      {enrolment && canChange && (
        <form className="form" onSubmit={change} noValidate>
          {!enrolment.enrolled && (
            <TextField
              {...form.bind('phoneNumber')}
              label="Mobile number"
              optional
              type="tel"
              maxLength={40}
              hint="Left empty, the account’s primary mobile is used."
              data-testid="sms-phone"
            />
          )}
          <div className="form-actions">
            <button type="submit" className="button button-small" disabled={sending} data-testid="sms-toggle">
              {sending ? 'Saving…' : enrolment.enrolled ? 'Stop SMS' : 'Enrol for SMS'}
            </button>
          </div>
        </form>
      )}
      <FormError error={error} live={false} />
    </Panel>
  )
}
