export { canonicalJson, eventHash, genesisHash } from './chain.js'
export { record, recordMany } from './operations.js'
export {
  type ActivityKind,
  accountEventsBefore,
  activityKindOf,
  activityKinds,
  listActivity,
  listForAccount,
  recentAccountViews,
  verifyChain,
} from './queries.js'
export type { AuditEvent, AuditEventInput, ChainReport } from './types.js'
