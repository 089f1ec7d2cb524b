import type { D1Database, Queue } from '@cloudflare/workers-types'
import type { DeliveryBatch } from './delivery/batch'

/** The Worker's bindings, as wrangler.toml declares them. */
export interface Env {
  DB: D1Database
  DELIVERY_QUEUE: Queue<DeliveryBatch>
  /** "on" shows /outbox; anything else hides it. */
  OUTBOX_PAGE?: string
  /** Secret: bearer token the CMS presents to the ingest API. */
  INGEST_TOKEN?: string
  /** Secret: base64 AES-256 key for tenant_secrets. */
  TENANT_SECRETS_KEY?: string
}
