/**
 * Where each D1 table lives. Every database has every table (one set of migrations), but only
 * these hold rows: `main` — the database bound as DB: content and routing, nothing about a
 * resident; `shard` — per tenant, in the shard its tenant is placed on: everything personal and
 * everything counted per town. A statement touches the tables of one database only.
 */
export const tableHome = {
  active_manifest: 'main',
  manifest_activations: 'main',
  manifest_parts: 'main',
  manifests: 'main',
  snapshot_part_chunks: 'main',
  snapshot_parts: 'main',
  tenant_secrets: 'main',
  tenant_shards: 'main',

  // Whether each of a town's announcements was sent or cancelled: moved with the town, so never resent.
  announcement_runs: 'shard',
  access_tokens: 'shard',
  address_changes: 'shard',
  // One daily report per shard: which days this shard's counts went to the CMS.
  aggregate_reports: 'shard',
  consents: 'shard',
  consultation_forwards: 'shard',
  consultations: 'shard',
  dead_letters: 'shard',
  deliveries: 'shard',
  delivery_clicks: 'shard',
  delivery_counts: 'shard',
  delivery_failures: 'shard',
  // Where pruning's walk over the shard's subscribers stands.
  delivery_prune_cursor: 'shard',
  delivery_resolutions: 'shard',
  deletion_requests: 'shard',
  erasures: 'shard',
  // The staff workspace's: a household's nurse and the town's own reference for it.
  household_nurses: 'shard',
  household_references: 'shard',
  // Left in the shard a tenant moved away from.
  link_forwards: 'shard',
  outbox: 'shard',
  rate_counters: 'shard',
  registration_attempts: 'shard',
  // A town's staff reads, in the shard of the town read.
  staff_access_log: 'shard',
  // A town's staff's notes to its households, sent as `staff` deliveries.
  staff_messages: 'shard',
  subscribers: 'shard',
  suppressions: 'shard',
  survey_answer_counts: 'shard',
  survey_answers: 'shard',
  // Survey links sent before /q/ took the message page's token (written only by a migration).
  survey_links: 'shard',
  survey_responses: 'shard',
  // A resident's tasks: the lines that offered them and which are done.
  task_done: 'shard',
  task_offers: 'shard',
  tenant_runs: 'shard',
  tenant_schedules: 'shard',
  timeline_members: 'shard',
  timelines: 'shard',
  verifications: 'shard',
  webhook_events: 'shard',
} as const satisfies Record<string, 'main' | 'shard'>
