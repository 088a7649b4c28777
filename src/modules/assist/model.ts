/**
 * COM-4: a language model may rewrite the local draft, never replace the review. `ReplyModel` is the
 * interface; `chatCompletionsReplyModel` is an adapter for any OpenAI-compatible chat-completions
 * endpoint (configured by the use case from the environment). Nothing here is needed to draft a
 * reply: without a model, or when it fails, the local draft stands.
 */
import type { Article, Classification, ComposedReply } from './types.js'

export interface ReplyModelInput {
  readonly inbound: { readonly subject: string; readonly body: string }
  readonly classification: Classification
  /** The local draft, with the facts it states: the model may reword, never add facts. */
  readonly draft: ComposedReply
  readonly articles: readonly Article[]
}

export interface ReplyModel {
  /** Recorded in the draft's sources (`method`). */
  readonly name: string
  /** A reworded reply body (the message between greeting and sign-off). Throws on any failure. */
  rewrite(input: ReplyModelInput): Promise<{ readonly body: string }>
}

/** The instructions the model is given: keep every fact, add none, no greeting or sign-off. */
export const replyModelInstructions = `You help an energy supplier's customer service agent answer a customer's email.
Rewrite the draft reply so that it reads naturally and answers the customer's message.
Rules: keep every amount, date, account number and statement number exactly as in the draft; add no
fact, amount, promise or policy that is not in the draft or the articles; no greeting and no sign-off
(the template adds them); plain text, short paragraphs. An agent will review your text before it is sent.`

/**
 * A `ReplyModel` over an OpenAI-compatible `POST …/chat/completions` endpoint. `fetch` is given so
 * tests never touch the network. Throws (from `rewrite`) on a non-2xx answer or an empty reply.
 */
export function chatCompletionsReplyModel({
  url,
  model,
  apiKey,
  fetch: fetchImpl = fetch,
  timeoutMs = 20_000,
}: {
  url: string
  model: string
  apiKey?: string | undefined
  fetch?: typeof fetch
  timeoutMs?: number
}): ReplyModel {
  return {
    name: `model:${model}`,
    async rewrite({ inbound, classification, draft, articles }) {
      const context = [
        `Customer's subject: ${inbound.subject}`,
        `Customer's message:\n${inbound.body}`,
        `Classified as: ${classification.intent} (confidence ${classification.confidence})`,
        `Facts: ${draft.sources.facts.map((fact) => `${fact.name} = ${fact.value}`).join('; ') || 'none'}`,
        `Articles:\n${articles.map((article) => `${article.title}: ${article.keySentences.join(' ')}`).join('\n')}`,
        `Draft reply:\n${draft.body}`,
      ].join('\n\n')
      const response = await fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
        body: JSON.stringify({
          model,
          temperature: 0,
          messages: [
            { role: 'system', content: replyModelInstructions },
            { role: 'user', content: context },
          ],
        }),
        signal: AbortSignal.timeout(timeoutMs),
      })
      if (!response.ok) throw new Error(`The reply model answered ${response.status}`)
      const json = (await response.json()) as { choices?: { message?: { content?: unknown } }[] }
      const content = json.choices?.[0]?.message?.content
      if (typeof content !== 'string' || content.trim().length === 0) throw new Error('The reply model gave no text')
      return { body: content.trim().slice(0, 10_000) }
    },
  }
}
