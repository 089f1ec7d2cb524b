/**
 * Every column of every D1 table, classified: `personal` — it holds or points at one resident
 * (an address, a nickname, their ids, a token hash, their dates, their words): erasure ("delete my
 * data" and the retention sweep) must leave nothing of an erased resident there; `expiring` —
 * pseudonymous hourly counters keyed by a salted hash of an IP or address, tied to no subscriber
 * (rate_counters are forgotten by the cron after two days; registration_attempts are not pruned yet); `other` — nothing about a resident (content, staff, counts,
 * timestamps, states). tests/edge/resident-erasure.test.ts reads the tables from the migrations
 * as applied and fails on any table or column missing here.
 */
export interface ColumnKinds {
  personal: readonly string[]
  expiring?: readonly string[]
  other: readonly string[]
}

export const personalData: Readonly<Record<string, ColumnKinds>> = {
  access_tokens: {
    personal: ['token_hash', 'subscriber_id', 'timeline_id'],
    other: ['purpose', 'expires_at', 'used_at', 'created_at'],
  },
  // The address a change replaced, restored by its "not me" link (kept 14 days).
  address_changes: {
    personal: ['token_hash', 'subscriber_id', 'address'],
    other: ['tenant_slug', 'channel', 'expires_at', 'used_at', 'created_at'],
  },
  active_manifest: { personal: [], other: ['slot', 'manifest_id', 'activated_at', 'previous_manifest_id'] },
  aggregate_reports: { personal: [], other: ['day', 'sent_at', 'attempts', 'last_error', 'updated_at'] },
  consents: {
    personal: ['subscriber_id', 'ip_hash'],
    other: ['id', 'tenant_slug', 'notice_version', 'method', 'given_at', 'withdrawn_at'],
  },
  consultation_forwards: {
    // last_error is the provider's answer to the desk mail, never the resident's words or address.
    personal: ['consultation_id', 'provider_message_id'],
    other: ['tenant_slug', 'state', 'attempts', 'next_attempt_at', 'last_error', 'sent_at', 'updated_at'],
  },
  consultations: {
    personal: ['id', 'subscriber_id', 'text', 'contact_phone', 'contact_hours', 'language'],
    // assignee is a staff member's CMS id, never a resident.
    other: [
      'tenant_slug',
      'category',
      'contact_by',
      'urgent',
      'source',
      'status',
      'assignee',
      'closed_at',
      'interview_done_on',
      'created_at',
    ],
  },
  // A household's nurse: the household id is the resident's; the rest is the staff member's.
  household_nurses: {
    personal: ['household_id'],
    other: [
      'tenant_slug',
      'nurse_user',
      'nurse_name',
      'nurse_contact',
      'nurse_email',
      'assigned_by',
      'assigned_at',
      'told_at',
    ],
  },
  household_references: {
    personal: ['household_id', 'reference'],
    other: ['tenant_slug', 'set_by', 'set_at'],
  },
  dead_letters: {
    // The queue message: subscriber ids.
    personal: ['body'],
    other: ['id', 'queue', 'tenant_slug', 'local_date', 'manifest_id', 'attempts', 'received_at'],
  },
  deliveries: {
    personal: [
      'id',
      'subscriber_id',
      'idempotency_key',
      'provider_message_id',
      'page_token_hash',
      'error',
      'staff_message_id',
    ],
    other: [
      'tenant_slug',
      'local_date',
      'kind',
      'manifest_id',
      'slots',
      'channel',
      'state',
      'attempts',
      'sms_segments',
      'created_at',
      'updated_at',
      'opened_at',
      'open_count',
      // The announcement sent (the town's, the same for everyone it reached).
      'announcement_id',
      // A random mark of the consumer statement that wrote the row last; it names no one.
      'claim',
      // The survey line it carried (the town's survey, the same for everyone offered it).
      'survey_id',
      'survey_version',
      'survey_reminder',
    ],
  },
  // Whether each of a town's announcements was sent or cancelled, and how many it reached: the
  // town's, never a resident's (cancelled_by is a staff member).
  announcement_runs: {
    personal: [],
    other: [
      'tenant_slug',
      'announcement_id',
      'version',
      'manifest_id',
      'state',
      'urgent',
      'cursor',
      'recipients',
      'started_at',
      'walked_at',
      'finished_at',
      'cancelled_at',
      'cancelled_by',
      'updated_at',
    ],
  },
  delivery_clicks: { personal: ['delivery_id'], other: ['link', 'count', 'first_at'] },
  delivery_counts: {
    personal: [],
    other: ['local_date', 'tenant_slug', 'kind', 'slot', 'channel', 'outcome', 'count', 'sms_segments'],
  },
  delivery_failures: { personal: ['subscriber_id', 'last_error'], other: ['days', 'last_failed_on'] },
  delivery_prune_cursor: { personal: [], other: ['id', 'after', 'updated_at'] },
  delivery_resolutions: {
    // actor is the staff member who decided, never a resident.
    personal: ['delivery_id', 'error'],
    other: ['id', 'tenant_slug', 'local_date', 'decision', 'outcome', 'actor', 'resolved_at'],
  },
  deletion_requests: {
    personal: ['subscriber_id', 'token_hash'],
    other: ['tenant_slug', 'expires_at', 'delete_after', 'created_at'],
  },
  erasures: { personal: [], other: ['tenant_slug', 'local_date', 'reason', 'count'] },
  // The staff API's access log must outlive a resident's erasure (the privacy officer's record of
  // who read what). household_id is an opaque random id (the timeline's): once the household is
  // erased it points at nothing and names no one; the rest is staff, codes, counts and times.
  staff_access_log: {
    personal: [],
    other: [
      'id',
      'tenant_slug',
      'staff_user',
      'role',
      'action',
      'household_id',
      'filter',
      'count',
      'reason',
      'at',
    ],
  },
  // A staff member's note to one household: its words are about the family. It goes with the
  // household's timeline (ON DELETE cascade) and after the town's staffMessageDays; the author
  // columns are the staff member's.
  staff_messages: {
    personal: ['id', 'household_id', 'text', 'consultation_id'],
    other: ['tenant_slug', 'author_user', 'author_role', 'author_name', 'created_at'],
  },
  manifest_activations: {
    personal: [],
    other: ['id', 'manifest_id', 'previous_manifest_id', 'action', 'activated_at', 'actor_id', 'actor_name'],
  },
  manifest_parts: { personal: [], other: ['manifest_id', 'part_hash'] },
  manifests: {
    personal: [],
    other: ['id', 'contract_version', 'created_at', 'received_at', 'body', 'body_hash'],
  },
  outbox: {
    personal: ['id', 'idempotency_key', 'subscriber_id', 'recipient', 'subject', 'text', 'html'],
    // A copy goes to staff (the desk beside a nurse), never to a resident.
    other: ['tenant_slug', 'channel', 'cc', 'created_at'],
  },
  rate_counters: { personal: [], expiring: ['key_hash'], other: ['scope', 'window', 'count'] },
  registration_attempts: { personal: [], expiring: ['ip_hash'], other: ['hour', 'count'] },
  snapshot_part_chunks: { personal: [], other: ['part_hash', 'idx', 'chunk_hash', 'data'] },
  snapshot_parts: {
    personal: [],
    other: [
      'hash',
      'kind',
      'tenant_slug',
      'size',
      'chunk_count',
      'received_at',
      'verified_at',
      'message_digests',
    ],
  },
  subscribers: {
    // Why they stopped is what they told us; when they stopped goes with the row.
    personal: ['id', 'nickname', 'address', 'state_reason', 'stop_reason'],
    other: [
      'tenant_slug',
      'audience',
      'language',
      'channel',
      'address_verified_at',
      'state',
      'paused_until',
      'next_send_on',
      'created_at',
      'updated_at',
      'inactive_since',
      'stopped_at',
      // A counter of new manage links; it names no one and goes with the row.
      'manage_generation',
      // Whether they receive the town's non-urgent notices; goes with the row.
      'town_notices',
      // A hash of the link secret and their manage generation; it names no one and goes with the row.
      'standing_links',
    ],
  },
  suppressions: {
    personal: ['address', 'event_id'],
    other: ['tenant_slug', 'channel', 'reason', 'created_at'],
  },
  survey_answer_counts: {
    // Free text is counted under '' whatever it said.
    personal: [],
    other: ['local_date', 'tenant_slug', 'survey_id', 'survey_version', 'question_id', 'value', 'count'],
  },
  survey_answers: { personal: ['response_id', 'value'], other: ['question_id', 'position'] },
  // The survey links sent before they took the message page's token: an old link's hash → its delivery.
  survey_links: { personal: ['token_hash', 'delivery_id'], other: [] },
  survey_responses: {
    personal: ['id', 'subscriber_id', 'delivery_id', 'interview_contact', 'interview_error'],
    other: ['tenant_slug', 'survey_id', 'survey_version', 'answered_on', 'interview_state', 'created_at'],
  },
  task_done: {
    personal: ['subscriber_id'],
    other: ['task_id', 'tenant_slug', 'done_on', 'done_by', 'created_at'],
  },
  task_offers: {
    personal: ['delivery_id', 'subscriber_id'],
    other: ['tenant_slug', 'task_id', 'task_version', 'reminder', 'local_date', 'created_at'],
  },
  tenant_runs: {
    // cursor is next_send_on|rowid: a position, not a subscriber id.
    personal: [],
    other: [
      'tenant_slug',
      'local_date',
      'manifest_id',
      'state',
      'cursor',
      'lease_holder',
      'lease_until',
      'enqueued',
      'batches',
      'sent',
      'failed',
      'flagged',
      'started_at',
      'enqueued_at',
      'updated_at',
      'program_hash',
      'pass',
    ],
  },
  // A moved tenant's token hashes and their new shard: once the resident is erased there, the hash
  // opens nothing and names no one.
  link_forwards: { personal: [], other: ['token_hash', 'shard'] },
  tenant_shards: {
    personal: [],
    other: ['tenant_slug', 'shard', 'moving_to', 'move_started_at', 'updated_at'],
  },
  tenant_schedules: { personal: [], other: ['tenant_slug', 'program_hash', 'rescheduled_at', 'updated_at'] },
  tenant_secrets: {
    personal: [],
    other: ['tenant_slug', 'name', 'ciphertext', 'iv', 'key_version', 'updated_at'],
  },
  timeline_members: { personal: ['timeline_id', 'subscriber_id'], other: [] },
  timelines: {
    personal: ['id', 'due_date', 'birth_date', 'birth_reported_on', 'loss_date', 'loss_reported_on'],
    other: ['tenant_slug', 'ended_on', 'created_at', 'updated_at'],
  },
  verifications: {
    personal: ['id', 'subscriber_id', 'address', 'code_hash'],
    other: [
      'tenant_slug',
      'purpose',
      'channel',
      'attempts',
      'sends',
      'sent_at',
      'expires_at',
      'used_at',
      'created_at',
    ],
  },
  // Provider event ids (svix-id, LINE webhookEventId) for a short replay window: ids only.
  webhook_events: {
    personal: [],
    other: ['tenant_slug', 'provider', 'event_id', 'received_at', 'expires_at'],
  },
}
