// Webhooks a fake provider has to send, signed as the provider signs them when they are taken.
// The Worker under test runs inside workerd, which this Node process cannot call, so the test
// collects them (`/__fake/webhooks`) and posts them to the Worker's /webhooks routes unchanged.

export interface SignedWebhook {
  path: string
  headers: Record<string, string>
  body: string
}

export class WebhookOutbox {
  private queued: { path: string; body: string }[] = []

  add(path: string, event: unknown): void {
    this.queued.push({ path, body: JSON.stringify(event) })
  }

  async take(sign: (body: string) => Promise<Record<string, string>>): Promise<SignedWebhook[]> {
    const taken = this.queued.splice(0)
    return Promise.all(taken.map(async (w) => ({ ...w, headers: await sign(w.body) })))
  }

  clear(): void {
    this.queued = []
  }
}
