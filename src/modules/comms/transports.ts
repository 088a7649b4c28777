/**
 * Delivery behind interfaces (COM-1): how an email, a text or a letter leaves. The built-in
 * transports need nothing installed: the outbox takes an email as sent (the message row is the
 * record), the test SMS provider is deterministic, and the post room takes a letter's PDF as posted.
 * `smtp-transport.ts` sends real email through SMTP.
 */

export interface OutboundEmail {
  readonly messageId: string
  readonly to: string
  readonly subject: string
  readonly text: string
}

export interface OutboundSms {
  readonly messageId: string
  /** National digits, 07700900123. */
  readonly to: string
  readonly text: string
}

export interface OutboundLetter {
  readonly messageId: string
  readonly address: readonly string[]
  readonly pdf: Buffer
}

/** What a transport answers once it has taken a message: its own id for it (an email's Message-ID). */
export interface Accepted {
  readonly providerMessageId: string
}

/**
 * A transport throws when it could not take the message. `permanent` failures (a number that is
 * not a mobile) fail the message at once; anything else is tried again later.
 */
export class DeliveryRefused extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message)
    this.name = 'DeliveryRefused'
  }
}

export interface EmailTransport {
  /** Stored with each message it took ('smtp', 'outbox'). */
  readonly name: string
  send(email: OutboundEmail): Promise<Accepted>
}

export interface SmsProvider {
  readonly name: string
  send(sms: OutboundSms): Promise<Accepted>
}

export interface LetterTransport {
  readonly name: string
  send(letter: OutboundLetter): Promise<Accepted>
}

export interface Transports {
  readonly email: EmailTransport
  readonly sms: SmsProvider
  readonly letter: LetterTransport
}

const keepLast = 1000

/**
 * A transport that takes what `check` lets through as sent, answers `name:messageId` and keeps the
 * last 1,000 in `sent`; `check` throws `DeliveryRefused` for what it will not take.
 */
function keepingTransport<T extends { readonly messageId: string }>(
  name: string,
  check: (item: T) => void = () => {},
): { readonly name: string; readonly sent: T[]; send(item: T): Promise<Accepted> } {
  const sent: T[] = []
  return {
    name,
    sent,
    async send(item) {
      check(item)
      sent.push(item)
      if (sent.length > keepLast) sent.splice(0, sent.length - keepLast)
      return { providerMessageId: `${name}:${item.messageId}` }
    },
  }
}

/** Takes every email as sent without sending it: for a machine with no SMTP server. Keeps the last 1,000 in `sent`. */
export function outboxEmailTransport(): EmailTransport & { readonly sent: OutboundEmail[] } {
  return keepingTransport<OutboundEmail>('outbox')
}

/**
 * A deterministic SMS provider: it takes texts to mobile numbers (07… in GB, ten digits in the US)
 * and refuses, permanently, anything else. Keeps the last 1,000 in `sent`.
 */
export function testSmsProvider(): SmsProvider & { readonly sent: OutboundSms[] } {
  return keepingTransport<OutboundSms>('test-sms', (sms) => {
    const mobile = /^07\d{9}$/.test(sms.to) || /^[2-9]\d{9}$/.test(sms.to)
    if (!mobile) throw new DeliveryRefused(`${sms.to} is not a mobile number`, true)
  })
}

/** Takes a letter's PDF as printed and posted (the PDF stays with the message). Keeps the last 1,000 in `sent`. */
export function postRoomLetterTransport(): LetterTransport & { readonly sent: OutboundLetter[] } {
  return keepingTransport<OutboundLetter>('post-room')
}

/** The outbox, the test SMS provider and the post room. */
export function builtInTransports(): Transports {
  return { email: outboxEmailTransport(), sms: testSmsProvider(), letter: postRoomLetterTransport() }
}
