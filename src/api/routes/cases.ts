import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import * as access from '../../modules/access/index.js'
import * as cases from '../../modules/cases/index.js'
import * as comms from '../../modules/comms/index.js'
import { ValidationFailed, withCode } from '../../shared/errors.js'
import {
  accountCases,
  addCaseNote,
  assignAccountCase,
  caseAttachment,
  caseDetail,
  caseQueue,
  changeCasePriority,
  changeCaseStatus,
  escalatedCaseDetail,
  escalatedCaseQueue,
  openAccountCase,
  resolveAccountCase,
  uploadCaseAttachment,
} from '../../usecases/index.js'
import { principalOf } from '../auth.js'
import type { AppContext } from '../context.js'
import { errors, fileResponse, pageOf } from '../responses.js'
import { routeCalls } from '../route-calls.js'
import { AccountParams, jsonOf, PageQuery } from '../schemas.js'
import { attachmentContentTypes, Case, CaseAttachment, CaseDetail, CaseNote, ChangedCase } from './cases-schemas.js'

const CaseParams = z.strictObject({
  caseRef: z.string().max(40).refine(cases.isCaseReference, 'a case id (cas_…) or number like C-00000042'),
})
const CaseType = z.enum(cases.caseTypes)
const Priority = z.enum(cases.priorities)
const Status = z.enum(cases.caseStatuses)
const Assignee = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('user'), userId: z.string().min(1).max(60) }),
  z.strictObject({ kind: z.literal('team'), team: z.enum(access.roles) }),
  z.strictObject({ kind: z.literal('none') }),
])
/** A comma-separated list in a query string: `status=open,in_progress`. */
const listOf = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .string()
    .max(200)
    .transform((text) => text.split(',').filter((item) => item !== ''))
    .pipe(z.array(z.enum(values)))
    .optional()

/** Base64 of at most 5 MB once decoded (what the attachment body carries). */
const maxBase64Chars = Math.ceil(cases.maxAttachmentBytes / 3) * 4
/** The attachment body: 5 MB of file as base64 plus room for the JSON around it. */
const attachmentBodyLimit = maxBase64Chars + 64 * 1024

export class InvalidBase64 extends withCode(ValidationFailed, 'INVALID_BASE64') {}

function decodeBase64(text: string): Buffer {
  const compact = text.replace(/\s+/g, '')
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0)
    throw new InvalidBase64('The content is not base64', [{ path: 'contentBase64', message: 'standard base64' }])
  return Buffer.from(compact, 'base64')
}

/**
 * Cases (CAS-1). Attachments are uploaded as JSON `{ fileName, contentType?, contentBase64 }` (base64
 * of at most 5 MB; the body limit of this one route is raised to fit) and downloaded as the raw
 * bytes with their content type.
 */
export const caseRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { inTx, who } = routeCalls(context)
    const staffOf = (request: FastifyRequest) => {
      const principal = principalOf(request)
      return { userId: principal.userId, role: principal.role }
    }

    app.get(
      '/accounts/:accountNumber/cases',
      {
        config: { permission: 'cases.case.read' },
        schema: {
          summary: "An account's cases, newest first",
          tags: ['cases'],
          params: AccountParams,
          querystring: z.strictObject({
            status: listOf(cases.caseStatuses),
            type: listOf(cases.caseTypes),
            ...PageQuery.shape,
          }),
          response: { 200: pageOf(Case), ...errors(404) },
        },
      },
      async (request) => {
        const { status, type, ...page } = request.query
        return jsonOf(
          await inTx((tx) =>
            accountCases({
              tx,
              accountNumber: request.params.accountNumber,
              statuses: status,
              types: type,
              ...page,
              ...who(request),
            }),
          ),
        )
      },
    )

    app.post(
      '/accounts/:accountNumber/cases',
      {
        config: { permission: 'cases.case.create' },
        schema: {
          summary: 'Open a case on the account; a billing dispute also sends the customer a dispute acknowledgement',
          tags: ['cases'],
          params: AccountParams,
          body: z.strictObject({
            type: CaseType,
            priority: Priority.optional(),
            subject: z.string().min(1).max(200),
            description: z.string().max(10000).default(''),
            assignee: Assignee.optional(),
          }),
          response: {
            201: z.object({
              case: Case,
              acknowledgement: z
                .object({
                  id: z.string(),
                  channel: z.enum(comms.channels),
                  templateKey: z.string().nullable(),
                  subject: z.string().nullable(),
                  recipient: z.string().nullable(),
                  status: z.string(),
                })
                .nullable()
                .describe('the dispute acknowledgement sent to the customer, for a billing dispute'),
            }),
            ...errors(404),
          },
        },
      },
      async (request, reply) => {
        const result = await inTx((tx) =>
          openAccountCase({
            tx,
            accountNumber: request.params.accountNumber,
            ...request.body,
            staff: staffOf(request),
            ...who(request),
          }),
        )
        // The acknowledgement goes out once the case is committed.
        if (result.acknowledgement) await context.deliveryQueue.enqueue([result.acknowledgement.id])
        return reply.status(201).send(jsonOf(result))
      },
    )

    app.get(
      '/cases',
      {
        config: { permission: 'cases.case.read' },
        schema: {
          summary: 'The case queues: with me, my team, unassigned, or any; by status and type; newest first',
          tags: ['cases'],
          querystring: z.strictObject({
            assignee: z.enum(['me', 'team', 'unassigned', 'any']).default('any'),
            status: listOf(cases.caseStatuses),
            type: listOf(cases.caseTypes),
            ...PageQuery.shape,
          }),
          response: { 200: pageOf(Case) },
        },
      },
      async (request) => {
        const { assignee, status, type, ...page } = request.query
        return jsonOf(
          await caseQueue({
            tx: context.db,
            staff: staffOf(request),
            assignee,
            statuses: status,
            types: type,
            ...page,
          }),
        )
      },
    )

    app.get(
      '/escalated-cases',
      {
        // Executives "View escalated cases" without any other case power: this queue and the route
        // below are all that `cases.escalated.read` opens.
        config: { permission: 'cases.escalated.read' },
        schema: {
          summary: 'Escalated cases across all accounts (complaint escalations and urgent cases), newest first',
          tags: ['cases'],
          querystring: z.strictObject({ status: listOf(cases.caseStatuses), ...PageQuery.shape }),
          response: { 200: pageOf(Case) },
        },
      },
      async (request) => {
        const { status, ...page } = request.query
        return jsonOf(await escalatedCaseQueue({ tx: context.db, statuses: status, ...page }))
      },
    )

    app.get(
      '/escalated-cases/:caseRef',
      {
        config: { permission: 'cases.escalated.read' },
        schema: {
          summary:
            'One escalated case with its notes, attachments (without their bytes) and history; 404 for any other',
          tags: ['cases'],
          params: CaseParams,
          response: { 200: CaseDetail, ...errors(404) },
        },
      },
      async (request) =>
        jsonOf(await inTx((tx) => escalatedCaseDetail({ tx, caseRef: request.params.caseRef, ...who(request) }))),
    )

    app.get(
      '/cases/:caseRef',
      {
        config: { permission: 'cases.case.read' },
        schema: {
          summary: 'One case with its notes, attachments (without their bytes) and history',
          tags: ['cases'],
          params: CaseParams,
          response: { 200: CaseDetail, ...errors(404) },
        },
      },
      async (request) =>
        jsonOf(await inTx((tx) => caseDetail({ tx, caseRef: request.params.caseRef, ...who(request) }))),
    )

    app.post(
      '/cases/:caseRef/notes',
      {
        config: { permission: 'cases.case.update' },
        schema: {
          summary: 'Add a note to a case (notes are never changed)',
          tags: ['cases'],
          params: CaseParams,
          body: z.strictObject({ body: z.string().min(1).max(10000) }),
          response: { 201: CaseNote, ...errors(404, 409) },
        },
      },
      async (request, reply) => {
        const note = await inTx((tx) =>
          addCaseNote({ tx, caseRef: request.params.caseRef, body: request.body.body, ...who(request) }),
        )
        return reply.status(201).send(jsonOf(note))
      },
    )

    app.post(
      '/cases/:caseRef/attachments',
      {
        bodyLimit: attachmentBodyLimit,
        config: { permission: 'cases.case.update', base64Fields: ['contentBase64'] },
        schema: {
          summary:
            'Attach a file: PDF, PNG, JPEG or plain text, at most 5 MB, as base64; the type is checked from the bytes',
          tags: ['cases'],
          params: CaseParams,
          body: z.strictObject({
            fileName: z.string().min(1).max(200),
            contentType: z.string().max(100).optional(),
            contentBase64: z
              .string()
              .min(1)
              .max(maxBase64Chars + 4096),
          }),
          response: { 201: CaseAttachment, ...errors(404, 409, 413) },
        },
      },
      async (request, reply) => {
        const content = decodeBase64(request.body.contentBase64)
        const attachment = await inTx((tx) =>
          uploadCaseAttachment({
            tx,
            caseRef: request.params.caseRef,
            fileName: request.body.fileName,
            declaredContentType: request.body.contentType,
            content,
            ...who(request),
          }),
        )
        return reply.status(201).send(jsonOf(attachment))
      },
    )

    app.get(
      '/cases/:caseRef/attachments/:attachmentId',
      {
        config: { permission: 'cases.case.read' },
        schema: {
          summary: 'Download an attachment: its bytes with its content type',
          tags: ['cases'],
          params: CaseParams.extend({ attachmentId: z.string().regex(/^cat_[0-9A-Z]{26}$/, 'an attachment id') }),
          response: {
            200: fileResponse(attachmentContentTypes, 'The attachment’s bytes, with the content type it was kept as'),
            ...errors(404),
          },
        },
      },
      async (request, reply) => {
        const file = await inTx((tx) =>
          caseAttachment({
            tx,
            caseRef: request.params.caseRef,
            attachmentId: request.params.attachmentId,
            ...who(request),
          }),
        )
        const asciiName = file.fileName.replace(/[^\x20-\x7E]|["\\]/g, '_')
        return reply
          .type(file.contentType)
          .header(
            'content-disposition',
            `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
          )
          .header('x-content-type-options', 'nosniff')
          .send(file.content)
      },
    )

    app.post(
      '/cases/:caseRef/status',
      {
        config: { permission: 'cases.case.update' },
        schema: {
          summary:
            'Move a case: open, in_progress, waiting_on_customer, resolved, closed (resolved and closed need a note); 409 names what may follow',
          tags: ['cases'],
          params: CaseParams,
          body: z.strictObject({ status: Status, note: z.string().min(1).max(4000).optional() }),
          response: { 200: ChangedCase, ...errors(404, 409) },
        },
      },
      async (request) =>
        jsonOf(
          await inTx((tx) =>
            changeCaseStatus({ tx, caseRef: request.params.caseRef, ...request.body, ...who(request) }),
          ),
        ),
    )

    app.post(
      '/cases/:caseRef/resolve',
      {
        config: { permission: 'cases.case.update' },
        schema: {
          summary: 'Resolve a case with its resolution note',
          tags: ['cases'],
          params: CaseParams,
          body: z.strictObject({ resolutionNote: z.string().min(1).max(4000) }),
          response: { 200: ChangedCase, ...errors(404, 409) },
        },
      },
      async (request) =>
        jsonOf(
          await inTx((tx) =>
            resolveAccountCase({
              tx,
              caseRef: request.params.caseRef,
              resolutionNote: request.body.resolutionNote,
              ...who(request),
            }),
          ),
        ),
    )

    app.post(
      '/cases/:caseRef/priority',
      {
        config: { permission: 'cases.case.update' },
        schema: {
          summary: "Change a case's priority",
          tags: ['cases'],
          params: CaseParams,
          body: z.strictObject({ priority: Priority }),
          response: { 200: ChangedCase, ...errors(404, 409) },
        },
      },
      async (request) =>
        jsonOf(
          await inTx((tx) =>
            changeCasePriority({
              tx,
              caseRef: request.params.caseRef,
              priority: request.body.priority,
              ...who(request),
            }),
          ),
        ),
    )

    app.post(
      '/cases/:caseRef/assignment',
      {
        // Taking an unassigned case, or one from your team's queue, needs only cases.case.update; moving
        // an assigned case elsewhere or giving one to a named colleague also needs cases.case.reassign,
        // checked by the cases module with access.can (403 CASE_REASSIGNMENT_FORBIDDEN).
        config: { permission: 'cases.case.update' },
        schema: {
          summary:
            'Assign a case to a staff user or a team, or unassign it; reassigning needs cases.case.reassign (supervisors)',
          tags: ['cases'],
          params: CaseParams,
          body: z.strictObject({ assignee: Assignee }),
          response: { 200: ChangedCase, ...errors(404, 409) },
        },
      },
      async (request) =>
        jsonOf(
          await inTx((tx) =>
            assignAccountCase({
              tx,
              caseRef: request.params.caseRef,
              assignee: request.body.assignee,
              staff: staffOf(request),
              ...who(request),
            }),
          ),
        ),
    )
  }
