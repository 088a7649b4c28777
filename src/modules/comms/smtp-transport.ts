/**
 * Email through an SMTP server with nodemailer. The message gets a Message-ID made from its own id
 * (`<msg_…@domain-of-from>`), so a bounce or a provider's report that quotes it finds the message.
 */
import nodemailer from 'nodemailer'
import { DeliveryRefused, type EmailTransport } from './transports.js'

export interface SmtpSettings {
  /** `smtp://user:password@host:587` or `smtps://…:465`; nodemailer's URL options apply (`?ignoreTLS=true`). */
  readonly url: string
  /** The From address: `Good Egg Energy <hello@goodeggenergy.example>`. */
  readonly from: string
}

/** An email transport over SMTP. Failures the server calls permanent (5xx) fail the message; others are retried. */
export function smtpEmailTransport(settings: SmtpSettings): EmailTransport & { close(): void } {
  const transporter = nodemailer.createTransport(settings.url)
  const domain = /@([^>\s]+)>?\s*$/.exec(settings.from)?.[1] ?? 'cuttle.localhost'
  return {
    name: 'smtp',
    async send(email) {
      try {
        const info = await transporter.sendMail({
          from: settings.from,
          to: email.to,
          subject: email.subject,
          text: email.text,
          messageId: `<${email.messageId}@${domain}>`,
          headers: { 'X-Cuttle-Message-Id': email.messageId },
        })
        return { providerMessageId: info.messageId }
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode
        const reason = error instanceof Error ? error.message : String(error)
        throw new DeliveryRefused(`SMTP: ${reason}`, typeof code === 'number' && code >= 500 && code < 600)
      }
    },
    close() {
      transporter.close()
    },
  }
}
