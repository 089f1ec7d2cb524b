import { lineSignature } from '../../fakes/webhook-signatures'

/** A LINE user id as LINE writes them: U and 32 hex digits. */
export const lineUserId = () => `U${crypto.randomUUID().replaceAll('-', '')}`

const eventBase = (userId: string) => ({
  mode: 'active',
  timestamp: Date.now(),
  source: { type: 'user', userId },
  webhookEventId: crypto.randomUUID().replaceAll('-', '').toUpperCase().slice(0, 26),
  deliveryContext: { isRedelivery: false },
  replyToken: crypto.randomUUID().replaceAll('-', ''),
})

/** A follow event (line-webhook.yml FollowEvent). */
export const followEvent = (userId: string) => ({
  type: 'follow',
  ...eventBase(userId),
  follow: { isUnblocked: false },
})

/** A text message in the chat (MessageEvent with TextMessageContent). */
export const textEvent = (userId: string, text: string) => ({
  type: 'message',
  ...eventBase(userId),
  message: { type: 'text', id: String(Date.now()), quoteToken: crypto.randomUUID(), text },
})

/** The webhook body and its x-line-signature, as LINE posts it. */
export async function signedWebhook(channelSecret: string, events: object[]) {
  const body = JSON.stringify({ destination: 'U0123456789abcdef0123456789abcdef', events })
  return { body, headers: { 'x-line-signature': await lineSignature(channelSecret, body) } }
}
