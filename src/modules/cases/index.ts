export { allowedContentTypes, maxAttachmentBytes, sniffContentType } from './attachment-type.js'
export {
  AssigneeNotEligible,
  AttachmentNotFound,
  AttachmentTooLarge,
  AttachmentTypeNotAllowed,
  addAttachment,
  addNote,
  assignCase,
  CaseClosed,
  CaseNotFound,
  CaseTransitionRefused,
  changePriority,
  changeStatus,
  InvalidCase,
  type OpenCaseInput,
  openCase,
  ReassignmentForbidden,
  ResolutionNoteRequired,
  resolveCase,
} from './operations.js'
export {
  activeBillingDisputes,
  attachmentContent,
  type CaseListFilter,
  caseTotals,
  getCase,
  isCaseReference,
  listCases,
  openInvestigations,
} from './queries.js'
export {
  type Assigner,
  type AssignmentDecision,
  assignmentDecision,
  canMove,
  isFinished,
  nextStatuses,
  transitions,
} from './transitions.js'
export * from './types.js'
