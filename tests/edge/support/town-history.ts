import type { D1Database } from '@cloudflare/workers-types'
import { sha256Hex } from '../../../shared/contract'

// A town's residents with a history in every table that keeps one, written straight into a shard:
// what a shard move must carry whole. `n` residents, each with a timeline (the first two share
// one, as a household), a stop token, a consent, a delivery with a message page and a click, a
// decision on it, a failed day, a consultation with its forward, a survey offer, answer and count,
// a task offer and a task done, an address proof and an outbox message; plus the town's counts, run, schedule, suppression,
// webhook event, dead letter, a proof in nobody's name and a message to nobody.

const at = '2026-11-20T00:00:00.000Z'

export interface TownHistory {
  subscribers: string[]
  /** Every link token (bare, 22 characters) of these residents, with the path it opens. */
  links: { path: string; token: string }[]
}

const token = (seed: string) => seed.padEnd(22, 'x').slice(0, 22)

export async function writeTownHistory(db: D1Database, tenant: string, n: number): Promise<TownHistory> {
  const subscribers: string[] = []
  const links: TownHistory['links'] = []
  const statements = []
  for (let i = 0; i < n; i++) {
    const s = `${tenant}-r${i}`
    const t = i === 1 ? `${tenant}-t0` : `${tenant}-t${i}`
    const d = `${tenant}-d${i}`
    const c = `${tenant}-c${i}`
    const r = `${tenant}-q${i}`
    const stop = token(`S${tenant.slice(0, 6)}${i}`)
    const page = token(`M${tenant.slice(0, 6)}${i}`)
    const survey = token(`Q${tenant.slice(0, 6)}${i}`)
    const proof = token(`V${tenant.slice(0, 6)}${i}`)
    const undo = token(`U${tenant.slice(0, 6)}${i}`)
    const deletion = token(`D${tenant.slice(0, 6)}${i}`)
    subscribers.push(s)
    links.push(
      { path: `/s/${stop}`, token: stop },
      { path: `/m/${page}`, token: page },
      // The survey link takes the message page's token; an older one of its own opens through survey_links.
      { path: `/q/${page}`, token: page },
      { path: `/q/${survey}`, token: survey },
      { path: `/v/${proof}`, token: proof },
      { path: `/u/${undo}`, token: undo },
      { path: `/d/${deletion}`, token: deletion },
    )
    const [stopHash, pageHash, surveyHash, proofHash, undoHash, deletionHash] = await Promise.all(
      [stop, page, survey, proof, undo, deletion].map((x) => sha256Hex(x)),
    )
    statements.push(
      db
        .prepare(
          `INSERT INTO subscribers (id, tenant_slug, nickname, audience, language, channel, address, state, next_send_on, created_at, updated_at)
           VALUES (?1, ?2, 'はな', 'primary', 'ja', 'email', ?1 || '@example.jp', 'active', '2026-11-23', ?3, ?3)`,
        )
        .bind(s, tenant, at),
      db
        .prepare(
          `INSERT INTO timelines (id, tenant_slug, due_date, created_at, updated_at) VALUES (?1, ?2, '2027-02-15', ?3, ?3)
           ON CONFLICT DO NOTHING`,
        )
        .bind(t, tenant, at),
      db.prepare('INSERT INTO timeline_members (timeline_id, subscriber_id) VALUES (?1, ?2)').bind(t, s),
      db
        .prepare(
          "INSERT INTO access_tokens (token_hash, subscriber_id, purpose, created_at) VALUES (?1, ?2, 'stop', ?3)",
        )
        .bind(stopHash, s, at),
      db
        .prepare(
          `INSERT INTO consents (subscriber_id, tenant_slug, notice_version, method, given_at)
           VALUES (?1, ?2, '2026-04', 'web-form', ?3)`,
        )
        .bind(s, tenant, at),
      db
        .prepare(
          `INSERT INTO verifications (id, subscriber_id, tenant_slug, purpose, channel, address, attempts, sends, expires_at, created_at)
           VALUES (?1, ?2, ?3, 'change', 'email', 'new@example.jp', 0, 1, '2026-11-21T00:00:00.000Z', ?4)`,
        )
        .bind(proofHash, s, tenant, at),
      db
        .prepare(
          `INSERT INTO address_changes (token_hash, subscriber_id, tenant_slug, channel, address, expires_at, created_at)
           VALUES (?1, ?2, ?3, 'email', 'old@example.jp', '2026-12-05T00:00:00.000Z', ?4)`,
        )
        .bind(undoHash, s, tenant, at),
      db
        .prepare(
          `INSERT INTO deletion_requests (subscriber_id, token_hash, tenant_slug, expires_at, delete_after, created_at)
           VALUES (?1, ?2, ?3, '2026-11-28T00:00:00.000Z', NULL, ?4)`,
        )
        .bind(s, deletionHash, tenant, at),
      db
        .prepare(
          // A program delivery's id is its message page token's hash; its key is the provider's.
          `INSERT INTO deliveries (id, subscriber_id, tenant_slug, local_date, kind, manifest_id, channel, state, idempotency_key,
             slots, survey_id, survey_version, survey_reminder, created_at, updated_at)
           VALUES (?1, ?2, ?3, '2026-11-22', 'program', 'fixture-0001', 'email', 'sent', ?4, '["pregnancy/196"]',
             'birth', 1, 0, ?5, ?5)`,
        )
        .bind(pageHash, s, tenant, d, at),
      db
        .prepare('INSERT INTO delivery_clicks (delivery_id, link, count, first_at) VALUES (?1, 0, 2, ?2)')
        .bind(pageHash, at),
      db
        .prepare(
          `INSERT INTO delivery_resolutions (delivery_id, tenant_slug, local_date, decision, outcome, actor, resolved_at)
           VALUES (?1, ?2, '2026-11-22', 'was-sent', 'sent', 'desk', ?3)`,
        )
        .bind(pageHash, tenant, at),
      db
        .prepare(
          "INSERT INTO delivery_failures (subscriber_id, days, last_failed_on) VALUES (?1, 1, '2026-11-21')",
        )
        .bind(s),
      db
        .prepare(
          `INSERT INTO consultations (id, subscriber_id, tenant_slug, category, text, contact_by, urgent, created_at)
           VALUES (?1, ?2, ?3, 'health', '眠れません', 'none', 0, ?4)`,
        )
        .bind(c, s, tenant, at),
      db
        .prepare(
          `INSERT INTO consultation_forwards (consultation_id, tenant_slug, state, attempts, next_attempt_at, updated_at)
           VALUES (?1, ?2, 'sent', 1, ?3, ?3)`,
        )
        .bind(c, tenant, at),
      db
        .prepare('INSERT INTO survey_links (token_hash, delivery_id) VALUES (?1, ?2)')
        .bind(surveyHash, pageHash),
      db
        .prepare(
          `INSERT INTO survey_responses (id, subscriber_id, tenant_slug, survey_id, survey_version, delivery_id, answered_on,
             interview_state, created_at)
           VALUES (?1, ?2, ?3, 'birth', 1, ?4, '2026-11-22', 'none', ?5)`,
        )
        .bind(r, s, tenant, pageHash, at),
      db
        .prepare(
          "INSERT INTO survey_answers (response_id, question_id, position, value) VALUES (?1, 'q1', 0, 'yes')",
        )
        .bind(r),
      db
        .prepare(
          `INSERT INTO task_offers (delivery_id, subscriber_id, tenant_slug, task_id, task_version, reminder, local_date, created_at)
           VALUES (?1, ?2, ?3, 'birth-report', 1, 0, '2026-11-22', ?4)`,
        )
        .bind(pageHash, s, tenant, at),
      db
        .prepare(
          `INSERT INTO task_done (subscriber_id, task_id, tenant_slug, done_on, done_by, created_at)
           VALUES (?1, 'birth-report', ?2, '2026-11-22', 'resident', ?3)`,
        )
        .bind(s, tenant, at),
      db
        .prepare(
          `INSERT INTO outbox (id, idempotency_key, tenant_slug, subscriber_id, channel, recipient, text, created_at)
           VALUES (?1, ?1, ?2, ?3, 'email', ?3 || '@example.jp', 'おはようございます', ?4)`,
        )
        .bind(`${d}-mail`, tenant, s, at),
    )
  }
  const townWide = [
    `INSERT INTO verifications (id, tenant_slug, purpose, channel, address, attempts, sends, expires_at, created_at)
     VALUES (?2, ?1, 'register', 'sms', '+819000000000', 0, 1, '2026-11-21T00:00:00.000Z', '${at}')`,
    `INSERT INTO outbox (id, idempotency_key, tenant_slug, channel, recipient, text, created_at)
     VALUES (?1 || '-notice', ?1 || '-notice', ?1, 'email', 'owner@example.jp', 'ご登録済みです', '${at}')`,
    `INSERT INTO suppressions (tenant_slug, channel, address, reason, created_at) VALUES (?1, 'email', 'gone@example.jp', 'bounce', '${at}')`,
    `INSERT INTO webhook_events (tenant_slug, provider, event_id, received_at, expires_at) VALUES (?1, 'resend', 'ev-1', '${at}', '2026-12-20T00:00:00.000Z')`,
    `INSERT INTO dead_letters (id, queue, tenant_slug, local_date, body, attempts, received_at) VALUES (?1 || '-dead', 'yorisoi-delivery', ?1, '2026-11-21', '{"subscriberIds":[]}', 6, '${at}')`,
    `INSERT INTO delivery_counts (local_date, tenant_slug, kind, slot, channel, outcome, count) VALUES ('2026-08-01', ?1, 'program', 'pregnancy/100', 'email', 'sent', 40)`,
    `INSERT INTO survey_answer_counts (local_date, tenant_slug, survey_id, survey_version, question_id, value, count) VALUES ('2026-11-22', ?1, 'birth', 1, 'q1', 'yes', 3)`,
    `INSERT INTO erasures (tenant_slug, local_date, reason, count) VALUES (?1, '2026-11-01', 'requested', 2)`,
    `INSERT INTO staff_access_log (tenant_slug, staff_user, role, action, household_id, filter, count, reason, at)
     VALUES (?1, 'nurse-1', 'nurse', 'list-families', NULL, 'stage=child', 3, 'routine', '${at}'),
            (?1, 'nurse-1', 'nurse', 'read-household', ?1 || '-t0', NULL, 1, 'interview', '${at}')`,
    `INSERT INTO household_nurses (household_id, tenant_slug, nurse_user, nurse_name, nurse_contact, nurse_email, assigned_by, assigned_at)
     VALUES (?1 || '-t0', ?1, 'nurse-1', '保健師 さとう', '0120-000-000', 'sato@example.jp', 'desk-1', '${at}')`,
    `INSERT INTO household_references (household_id, tenant_slug, reference, set_by, set_at) VALUES (?1 || '-t0', ?1, 'MCH-0001', 'nurse-1', '${at}')`,
    `INSERT INTO staff_messages (id, tenant_slug, household_id, author_user, author_role, author_name, text, consultation_id, created_at)
     VALUES (?1 || '-sm0', ?1, ?1 || '-t0', 'nurse-1', 'nurse', '保健師 さとう', '来週お電話します', ?1 || '-c0', '${at}')`,
    `INSERT INTO deliveries (id, subscriber_id, tenant_slug, local_date, kind, staff_message_id, channel, state, idempotency_key,
       created_at, updated_at)
     VALUES (?1 || '-sd0', ?1 || '-r0', ?1, '2026-11-22', 'staff', ?1 || '-sm0', 'email', 'sent', ?1 || '-sd0', '${at}', '${at}')`,
    `INSERT INTO announcement_runs (tenant_slug, announcement_id, version, manifest_id, state, urgent, cursor, recipients,
       started_at, walked_at, finished_at, updated_at)
     VALUES (?1, 'a-1', 1, 'fixture-0001', 'sent', 0, NULL, ${n}, '${at}', '${at}', '${at}', '${at}')`,
    `INSERT INTO deliveries (id, subscriber_id, tenant_slug, local_date, kind, announcement_id, channel, state, idempotency_key,
       created_at, updated_at)
     VALUES (?1 || '-ad0', ?1 || '-r0', ?1, '2026-11-22', 'announcement', 'a-1', 'email', 'sent', ?1 || '-ad0', '${at}', '${at}')`,
    `INSERT INTO tenant_schedules (tenant_slug, program_hash, rescheduled_at, updated_at) VALUES (?1, 'p1', '${at}', '${at}')`,
    `INSERT INTO tenant_runs (tenant_slug, local_date, manifest_id, pass, state, lease_holder, lease_until, enqueued, batches, started_at, updated_at)
     VALUES (?1, '2026-11-22', 'fixture-0001', 'due', 'enqueued', 'tick', '${at}', ${n}, 1, '${at}', '${at}')`,
  ]
  const loose = token(`R${tenant.slice(0, 6)}`)
  links.push({ path: `/v/${loose}`, token: loose })
  const looseHash = await sha256Hex(loose)
  statements.push(
    ...townWide.map((sql) => db.prepare(sql).bind(...(sql.includes('?2') ? [tenant, looseHash] : [tenant]))),
  )
  await db.batch(statements)
  return { subscribers, links }
}
