export { NoRecipient, RecipientNotOnFile, SmsNotEnrolled } from './compose.js'
export { type LetterPdfInput, letterPdf as renderLetterPdf } from './letter-pdf.js'
export {
  type DeliveryReport,
  deliverQueued,
  InvalidMessage,
  InvalidSmsEnrolment,
  logInboundEmail,
  logPhoneCall,
  MessageNotFound,
  recordDeliveryEvent,
  type SendInput,
  StatusTransitionRefused,
  send,
  setSmsEnrolment,
} from './operations.js'
export {
  alreadySentAbout,
  dueMessageIds,
  getMessage,
  letterPdf,
  listMessages,
  messagesBefore,
  preferredChannel,
  preview,
  smsEnrolmentOf,
  staffMessageTotals,
} from './queries.js'
export { type SmtpSettings, smtpEmailTransport } from './smtp-transport.js'
export * from './templates.js'
export { canMove, nextStatuses } from './transitions.js'
export {
  type Accepted,
  builtInTransports,
  DeliveryRefused,
  type EmailTransport,
  type LetterTransport,
  type OutboundEmail,
  type OutboundLetter,
  type OutboundSms,
  outboxEmailTransport,
  postRoomLetterTransport,
  type SmsProvider,
  type Transports,
  testSmsProvider,
} from './transports.js'
export * from './types.js'
