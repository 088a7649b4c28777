export { classifyMessage, intentPriority, normaliseText } from './classify.js'
export { composeReply } from './compose.js'
export { articleOf, articles, bestArticles, knowledgeBaseVersion } from './knowledge-base.js'
export {
  chatCompletionsReplyModel,
  type ReplyModel,
  type ReplyModelInput,
  replyModelInstructions,
} from './model.js'
export { discardDraft, draftToSend, markDraftSent, reviewDraft, saveDraft } from './operations.js'
export { findDraft } from './queries.js'
export * from './types.js'
