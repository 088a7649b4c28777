export {
  cancelDisconnectionOrder,
  completeDisconnectionOrder,
  createDisconnectionOrder,
  type DisconnectionOrder,
  DisconnectionRefused,
  disconnectedAccounts,
  disconnectionOrdersOf,
  pendingDisconnections,
} from './disconnections.js'
export {
  applyLateFee,
  type CollectionAction,
  type CollectionOutcome,
  collectionActionsOf,
  dunningSchedule,
  LateFeeRefused,
  type Notify,
  reviewAccount,
} from './dunning.js'
export {
  type CollectionsNote,
  collectionNotesOf,
  type DebtAdviceSignpost,
  debtAdviceSignposts,
  InvalidCollectionsNote,
  recordCollectionsNote,
} from './notes.js'
export { type WorklistItem, worklist } from './worklist.js'
