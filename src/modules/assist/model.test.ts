import { describe, expect, it } from 'vitest'
import { classifyMessage } from './classify.js'
import { composeReply } from './compose.js'
import { chatCompletionsReplyModel, replyModelInstructions } from './model.js'

const inbound = { subject: 'Refund', body: 'Please refund my credit.' }
const classification = classifyMessage(inbound)
const draft = composeReply({
  inbound,
  classification,
  facts: {
    accountNumber: 'A-1F2E3D4C',
    currency: 'GBP',
    locale: 'en-GB',
    balanceMinor: -5_000n,
    latestStatement: null,
    usageChange: null,
    arrangement: null,
    paymentMethod: { kind: 'on_demand', directDebit: null },
  },
})

describe('the chat-completions reply model (never the network in tests)', () => {
  it('sends the instructions, the facts and the draft, and returns the reworded text', async () => {
    const calls: { url: string; init: RequestInit }[] = []
    const fakeFetch = (async (url: string, init: RequestInit) => {
      calls.push({ url, init })
      return new Response(JSON.stringify({ choices: [{ message: { content: '  Reworded reply.  ' } }] }), {
        status: 200,
      })
    }) as unknown as typeof fetch
    const model = chatCompletionsReplyModel({
      url: 'http://model.test/v1/chat/completions',
      model: 'tiny',
      apiKey: 'k',
      fetch: fakeFetch,
    })
    expect(model.name).toBe('model:tiny')
    expect(await model.rewrite({ inbound, classification, draft, articles: [] })).toEqual({ body: 'Reworded reply.' })
    const [call] = calls
    if (!call) throw new Error('the model was not called')
    const sent = JSON.parse(String(call.init.body))
    expect(sent.model).toBe('tiny')
    expect(sent.temperature).toBe(0)
    expect(sent.messages[0]).toEqual({ role: 'system', content: replyModelInstructions })
    expect(sent.messages[1].content).toContain('balance = -£50.00')
    expect(sent.messages[1].content).toContain(draft.body)
    expect((call.init.headers as Record<string, string>).authorization).toBe('Bearer k')
  })

  it('throws on an error answer or an empty reply, so the local draft stands', async () => {
    const failing = (async () => new Response('no', { status: 503 })) as unknown as typeof fetch
    const empty = (async () =>
      new Response(JSON.stringify({ choices: [] }), { status: 200 })) as unknown as typeof fetch
    const input = { inbound, classification, draft, articles: [] }
    await expect(
      chatCompletionsReplyModel({ url: 'http://x', model: 'm', fetch: failing }).rewrite(input),
    ).rejects.toThrow('503')
    await expect(
      chatCompletionsReplyModel({ url: 'http://x', model: 'm', fetch: empty }).rewrite(input),
    ).rejects.toThrow('no text')
  })
})
