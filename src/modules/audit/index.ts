export { canonicalJson, eventHash, genesisHash } from './chain.js'
export { record, recordMany } from './operations.js'
export { listActivity, listForAccount, verifyChain } from './queries.js'
export type { AuditEvent, AuditEventInput, ChainReport } from './types.js'
