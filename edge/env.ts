import type { D1Database, Queue } from '@cloudflare/workers-types'
import type { DeliveryQueueMessage, RescheduleMessage } from './queues'

/** The Worker's bindings, as wrangler.toml declares them. */
export interface Env {
  /** The main database (snapshots, manifests, tenant secrets, the tenant → shard map), and shard 1. */
  DB: D1Database
  /**
   * Further shards (residents' data of the tenants placed there): SHARD_2, SHARD_3, … Reach a
   * tenant's through shards/map.ts (`residentDb`), never by name.
   */
  [shard: `SHARD_${number}`]: D1Database | undefined
  /** The daily runs' batches and announcements' batches. */
  DELIVERY_QUEUE: Queue<DeliveryQueueMessage>
  /** Rescheduling after a switch of the active manifest, a bounded piece per message. */
  RESCHEDULE_QUEUE: Queue<RescheduleMessage>
  /**
   * "on" shows /outbox — set only by the local system (npm start, tests), never in wrangler.toml;
   * anything else hides it. Even on, it opens only with OUTBOX_KEY.
   */
  OUTBOX_PAGE?: string
  /** Secret: the key /outbox (and its run-now button) needs; without it the outbox stays closed. */
  OUTBOX_KEY?: string
  /** How many of the last activated manifests pruning keeps for a rollback (default 5). */
  SNAPSHOT_KEEP_MANIFESTS?: string
  /** Days a message page (/m/…) stays readable; its manifest is kept that long (default 90). */
  MESSAGE_PAGE_DAYS?: string
  /** Secret: bearer token the CMS presents to publish and roll back (ingest/bearer.ts). */
  INGEST_TOKEN?: string
  /** Secret: bearer token of `npx yorisoi tenant-secret` (towns' provider credentials). */
  SECRETS_TOKEN?: string
  /** Secret: bearer token of `npx yorisoi flagged` (a person's decision on a flagged delivery). */
  DECISIONS_TOKEN?: string
  /** Secret: bearer token of `npx yorisoi shard` and `npx yorisoi link-secret` (the operator's moves). */
  OPERATIONS_TOKEN?: string
  /**
   * Secret: the public key (EC P-256 JWK, ES256) the CMS's staff assertions are verified with; the
   * CMS keeps the private key. Unset (or a JWK with its private part) → every /staff route is 503.
   */
  STAFF_API_PUBLIC_KEY?: string
  /** Secret: base64 AES-256 key for tenant_secrets. */
  TENANT_SECRETS_KEY?: string
  /** Secret, while rotating only: the key before TENANT_SECRETS_KEY, still accepted for decryption. */
  TENANT_SECRETS_KEY_PREVIOUS?: string
  /** Secret: the HMAC key under which residents' IPs are hashed (consent record, rate limit). */
  IP_HASH_SALT?: string
  /**
   * Secret: the HMAC key residents' link tokens are derived from (stop, manage, message pages).
   * Every link opens by its stored hash, so it can change (edge/README.md "Rotating LINK_SECRET").
   */
  LINK_SECRET?: string
  /** Secret, while rotating only: the LINK_SECRET before, to rebuild links of rows made under it. */
  LINK_SECRET_PREVIOUS?: string
  /** The origin residents' links point at, e.g. https://yorisoi.example.jp; the request's own when unset. */
  PUBLIC_ORIGIN?: string
  /** The CMS's address (e.g. https://cms.yorisoi.example.jp): staff notices by email point at its admin. */
  WORKSPACE_URL?: string
  /** Where the daily anonymous counts go: the CMS's POST /api/survey-answer-counts/report; unset, none are sent. */
  CMS_AGGREGATES_URL?: string
  /** Secret: bearer token presented with the daily counts (the CMS's YORISOI_AGGREGATES_TOKEN). */
  AGGREGATES_TOKEN?: string
  /** Where the Resend SDK sends (a local fake in tests); Resend's own API when unset. */
  RESEND_BASE_URL?: string
  /** Where LINE pushes go (a local fake in tests); https://api.line.me when unset. */
  LINE_API_BASE_URL?: string
  /** Where Twilio requests go (a local fake in tests); https://api.twilio.com when unset. */
  TWILIO_API_BASE_URL?: string
  /** Where Karaden (国内SMS) requests go (a local fake in tests); https://prg.karaden.jp when unset. */
  KARADEN_API_BASE_URL?: string
  /** Milliseconds before a provider request is abandoned as `unknown`; 10,000 when unset. */
  PROVIDER_TIMEOUT_MS?: string
  /** Seconds a shard move waits after marking the town moving, for work that resolved it just before (default 120). */
  SHARD_MOVE_DRAIN_SECONDS?: string
  /** Days raw delivery rows are kept before the cron rolls them up into delivery_counts (default 90). */
  DELIVERY_ROWS_DAYS?: string
}
