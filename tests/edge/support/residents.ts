import { env } from 'cloudflare:workers'

/** Inserts an active subscriber and returns its id. */
export async function insertSubscriber(id: string, tenant = 'sakura-city'): Promise<string> {
  const now = '2026-11-20T00:00:00.000Z'
  await env.DB.prepare(
    `INSERT INTO subscribers (id, tenant_slug, nickname, audience, language, channel, address, state, next_send_on, created_at, updated_at)
     VALUES (?1, ?2, 'はな', 'primary', 'ja', 'email', ?3, 'active', '2026-11-23', ?4, ?4)`,
  )
    .bind(id, tenant, `${id}@example.jp`, now)
    .run()
  return id
}

export function insertDelivery(subscriberId: string, localDate: string, kind: string) {
  const now = '2026-11-23T00:00:00.000Z'
  return env.DB.prepare(
    `INSERT INTO deliveries (id, subscriber_id, tenant_slug, local_date, kind, channel, idempotency_key, created_at, updated_at)
     VALUES (?1, ?2, 'sakura-city', ?3, ?4, 'email', ?1, ?5, ?5)`,
  )
    .bind(crypto.randomUUID(), subscriberId, localDate, kind, now)
    .run()
}
