/**
 * The account's Communications tab (COM-1..4): the message log, outbound and inbound, with status
 * chips and each message's status history; compose (channel, template, fields, server preview,
 * send); log a phone call or an email the customer sent; SMS enrolment; and, for an email from the
 * customer, its suggested reply. Actions show only for the permissions they need; the server checks
 * them again.
 */
import { type FormEvent, Fragment, useCallback, useEffect, useId, useState } from 'react'
import { useApi, useSession } from '../console-context.js'
import { announceAccountChanged } from '../payments/payments-api.js'
import { errorMessage, TextField } from '../shared/form-field.js'
import { formatLondonDateTime } from '../shared/format.js'
import { LoadMore } from '../shared/load-more.js'
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

type Loaded =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'loaded'; items: Message[]; nextCursor: string | null }
type Open = 'compose' | 'call' | 'email' | null

export function CommunicationsTab({ accountNumber }: { accountNumber: string }) {
  const api = useApi()
  const { user } = useSession()
  const can = (permission: string) => user.permissions.includes(permission)
  const [state, setState] = useState<Loaded>({ status: 'loading' })
  const [open, setOpen] = useState<Open>(null)
  const [expanded, setExpanded] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [enrolment, setEnrolment] = useState<SmsEnrolment | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)

  const load = useCallback(async () => {
    try {
      const page = await accountMessages(api, { accountNumber, limit: pageSize })
      setState({ status: 'loaded', items: page.items, nextCursor: page.nextCursor })
    } catch (error) {
      setState({ status: 'failed', message: errorMessage(error, 'The messages could not be loaded.') })
    }
  }, [api, accountNumber])

  useEffect(() => {
    void load()
  }, [load])

  async function loadMore() {
    if (state.status !== 'loaded' || !state.nextCursor || loadingMore) return
    setLoadingMore(true)
    try {
      const page = await accountMessages(api, { accountNumber, limit: pageSize, cursor: state.nextCursor })
      setState({ status: 'loaded', items: [...state.items, ...page.items], nextCursor: page.nextCursor })
    } catch (error) {
      setState({ status: 'failed', message: errorMessage(error, 'More messages could not be loaded.') })
    } finally {
      setLoadingMore(false)
    }
  }

  function added(message: Message, text: string) {
    setOpen(null)
    setNotice(text)
    setExpanded(message.id)
    announceAccountChanged(accountNumber)
    void load()
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
        <section className="card card-flush" aria-labelledby="message-log-title">
          <header className="card-header card-header-padded">
            <h2 className="card-title" id="message-log-title">
              Message log
            </h2>
            <span className="muted">Newest first</span>
          </header>
          {state.status === 'loading' && <div className="skeleton skeleton-row" aria-busy="true" />}
          {state.status === 'failed' && (
            <p className="callout callout-error" role="alert">
              {state.message}
            </p>
          )}
          {state.status === 'loaded' &&
            (state.items.length === 0 ? (
              <p className="empty">No messages yet.</p>
            ) : (
              <div className="table-scroll">
                <table className="data-table" data-testid="message-log">
                  <thead>
                    <tr>
                      <th scope="col">When</th>
                      <th scope="col">Channel</th>
                      <th scope="col">Subject</th>
                      <th scope="col">Status</th>
                      <th scope="col">
                        <span className="visually-hidden">Details</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
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
                            <time dateTime={message.occurredAt}>{formatLondonDateTime(message.occurredAt)}</time>
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
                                  void load()
                                }}
                              />
                            </td>
                          </tr>
                        )}
                      </Fragment>
                    ))}
                  </tbody>
                </table>
              </div>
            ))}
          {state.status === 'loaded' && state.nextCursor && (
            <div className="card-footer">
              <LoadMore onMore={() => void loadMore()} loading={loadingMore} />
            </div>
          )}
        </section>

        {can('accounts.contact.read') && (
          <SmsEnrolmentPanel
            accountNumber={accountNumber}
            canChange={can('accounts.contact.update')}
            onLoaded={setEnrolment}
          />
        )}
      </div>

      {open === 'compose' && (
        <ComposeDialog
          accountNumber={accountNumber}
          smsEnrolled={enrolment?.enrolled ?? false}
          onClose={() => setOpen(null)}
          onSent={(message) => added(message, `Message sent: ${message.subject ?? channelLabels[message.channel]}.`)}
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
  const [detail, setDetail] = useState<MessageDetail | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [replying, setReplying] = useState(false)

  useEffect(() => {
    let current = true
    accountMessage(api, { accountNumber, messageId })
      .then((found) => {
        if (current) setDetail(found)
      })
      .catch((caught: unknown) => {
        if (current) setError(errorMessage(caught, 'The message could not be loaded.'))
      })
    return () => {
      current = false
    }
  }, [api, accountNumber, messageId])

  if (error) {
    return (
      <p className="callout callout-error" role="alert">
        {error}
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
              {formatLondonDateTime(event.occurredAt)}
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

function SmsEnrolmentPanel({
  accountNumber,
  canChange,
  onLoaded,
}: {
  accountNumber: string
  canChange: boolean
  onLoaded: (enrolment: SmsEnrolment) => void
}) {
  const api = useApi()
  const ids = useId()
  const [enrolment, setEnrolment] = useState<SmsEnrolment | null>(null)
  const [phoneNumber, setPhoneNumber] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [sending, setSending] = useState(false)

  useEffect(() => {
    let current = true
    smsEnrolment(api, { accountNumber })
      .then((found) => {
        if (!current) return
        setEnrolment(found)
        onLoaded(found)
      })
      .catch((caught: unknown) => {
        if (current) setError(errorMessage(caught, 'The SMS enrolment could not be loaded.'))
      })
    return () => {
      current = false
    }
  }, [api, accountNumber, onLoaded])

  async function change(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (!enrolment || sending) return
    setSending(true)
    setError(null)
    try {
      const next = await changeSmsEnrolment(api, {
        accountNumber,
        enrolled: !enrolment.enrolled,
        ...(!enrolment.enrolled && phoneNumber.trim() ? { phoneNumber: phoneNumber.trim() } : {}),
      })
      setEnrolment(next)
      onLoaded(next)
      setPhoneNumber('')
    } catch (caught) {
      setError(errorMessage(caught, 'The SMS enrolment could not be changed.'))
    } finally {
      setSending(false)
    }
  }

  return (
    <section className="card" aria-labelledby={`${ids}-title`} data-testid="sms-enrolment">
      <h2 className="card-title" id={`${ids}-title`}>
        SMS
      </h2>
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
        <form className="form" onSubmit={(event) => void change(event)} noValidate>
          {!enrolment.enrolled && (
            <TextField
              id={`${ids}-number`}
              label="Mobile number"
              optional
              type="tel"
              maxLength={40}
              value={phoneNumber}
              onValueChange={setPhoneNumber}
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
      {error && (
        <p className="callout callout-error" role="alert">
          {error}
        </p>
      )}
    </section>
  )
}
