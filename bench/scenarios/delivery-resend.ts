// Deliveries per second through the Resend adapter (the resend SDK, batches of 100 with an
// Idempotency-Key) into the fake Resend on 127.0.0.1, which validates every request against
// Resend's OpenAPI description — against raw POSTs of the same batches with fetch.

import type { OutgoingMessage } from '../../edge/channels/adapter'
import { resendAdapter } from '../../edge/channels/resend'
import { startFakeResend } from '../../tests/fakes/resend'
import type { Scenario } from '../scenario'

const message = (i: number, run: string): OutgoingMessage => ({
  idempotencyKey: `${run}-${i}`,
  tenant: 'sakura-city',
  channel: 'email',
  to: `resident-${i}@example.jp`,
  from: 'さくら市 子育て応援便 <yorisoi@sakura.example.jp>',
  subject: '今日のお便り',
  text: 'はなさん、今日で妊娠28週0日です。\n'.repeat(20),
  html: `<p>${'はなさん、今日で妊娠28週0日です。'.repeat(20)}</p>`,
  headers: {
    'List-Unsubscribe': '<https://yorisoi.example.jp/s/x>',
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  },
})

const scenario: Scenario = {
  name: 'delivery-resend-batch',
  async run({ quick }) {
    const count = quick ? 2_000 : 20_000
    const fake = await startFakeResend()
    try {
      const adapter = resendAdapter('re_bench', { baseUrl: fake.url })
      const messages = Array.from({ length: count }, (_, i) => message(i, 'a'))
      let start = performance.now()
      for (let i = 0; i < count; i += 100) {
        const results = await adapter.send(messages.slice(i, i + 100))
        if (results.some((r) => r.outcome !== 'sent')) throw new Error('a batch was not accepted')
      }
      const adapterSeconds = (performance.now() - start) / 1000
      const raw = Array.from({ length: count }, (_, i) => message(i, 'b'))
      start = performance.now()
      for (let i = 0; i < count; i += 100) {
        const body = raw
          .slice(i, i + 100)
          .map((m) => ({ from: m.from, to: [m.to], subject: m.subject, text: m.text, html: m.html }))
        const response = await fetch(`${fake.url}/emails/batch`, {
          method: 'POST',
          headers: { authorization: 'Bearer re_bench', 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
        if (!response.ok) throw new Error(`raw batch refused: ${response.status}`)
      }
      const rawSeconds = (performance.now() - start) / 1000
      const duplicates = Object.values(fake.stats().deliveries).filter((n) => n > 1).length
      return {
        value: count / adapterSeconds,
        unit: 'deliveries/s',
        baseline: count / rawSeconds,
        ratio: rawSeconds / adapterSeconds,
        notes:
          `${count.toLocaleString('en')} emails in batches of 100 through the resend SDK with Idempotency-Key into the ` +
          `OpenAPI-validating fake (one Node process, sequential requests), vs raw fetch POSTs of the same batches; ` +
          `${duplicates} duplicates at the fake (higher is better; ratio = raw time / adapter time).`,
      }
    } finally {
      await fake.close()
    }
  },
}

export default scenario
