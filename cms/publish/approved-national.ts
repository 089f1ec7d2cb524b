import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'
import type { NationalPart, Survey, Task } from '../../shared/contract'
import { leanRows, numberOrNull, tableOf } from '../db/lean'
import {
  type ApprovedVersionDoc,
  assembleNationalPart,
  type Built,
  type BuiltMessage,
  buildNationalMessage,
} from './national-part'
import type { ContentSlugs } from './types'

// An approved version is never edited or deleted (only an approval writes one), so what it builds
// into is kept by its id and the moment it was written; with thousands of messages, converting and
// checking them all on every publish screen took seconds. Per Payload instance: a test's fresh
// database reuses ids.
const builtVersions = new WeakMap<Payload, Map<string, BuiltMessage>>()
/** The last part built for each set of surveys and tasks (the preview asks without them). */
const lastParts = new WeakMap<Payload, Map<string, { key: string; built: Built<NationalPart> }>>()

interface Pointer {
  id: number
  written: string
}

type VersionRow = Omit<ApprovedVersionDoc, 'version' | 'message'> & {
  id: number
  message: number
  version: unknown
}

/**
 * The national part of the approved versions the messages point at now — as
 * buildNationalPart(approvedVersions(…)) builds it — reading and converting only versions not
 * built before.
 */
export async function approvedNationalPart(
  payload: Payload,
  slugs: Pick<ContentSlugs, 'messages' | 'approvedMessageVersions'>,
  surveys: readonly Survey[] = [],
  tasks: readonly Task[] = [],
): Promise<Built<NationalPart>> {
  const versions = tableOf(payload, slugs.approvedMessageVersions)
  const messages = tableOf(payload, slugs.messages)
  const pointers = await leanRows<Pointer>(
    payload,
    sql`SELECT v.id, v.created_at::text AS written FROM ${versions} v
        WHERE v.id IN (SELECT approved_id FROM ${messages} WHERE approved_id IS NOT NULL)
        ORDER BY v.slot, v.id`,
  )
  const keyOf = (p: Pointer) => `${p.id}@${p.written}`
  const key = pointers.map(keyOf).join(',')
  const extras = JSON.stringify([surveys, tasks])
  const parts = lastParts.get(payload) ?? new Map()
  lastParts.set(payload, parts)
  const last = parts.get(extras)
  if (last?.key === key) return last.built

  const cache = builtVersions.get(payload) ?? new Map<string, BuiltMessage>()
  const missing = pointers.filter((p) => !cache.has(keyOf(p)))
  if (missing.length > 0) {
    const rows = await leanRows<VersionRow & { written: string }>(
      payload,
      sql`SELECT id, message_id AS message, version, slot, audience, language, subject, body,
            short_text AS "shortText", topics, supervising_experts AS "supervisingExperts", sample,
            approver_name AS "approverName", created_at::text AS written
          FROM ${versions} WHERE id IN ${sql.raw(`(${missing.map((p) => Number(p.id)).join(',')})`)}`,
    )
    for (const row of rows)
      cache.set(
        keyOf(row),
        buildNationalMessage({ ...row, message: row.message, version: numberOrNull(row.version) ?? 0 }),
      )
  }
  const current = pointers.flatMap((p) => {
    const one = cache.get(keyOf(p))
    return one ? [[keyOf(p), one] as const] : []
  })
  // Versions no message points at any more are let go.
  builtVersions.set(payload, new Map(current))
  const built = assembleNationalPart(
    current.map(([, one]) => one),
    surveys,
    tasks,
  )
  if (parts.size >= 8) parts.clear()
  parts.set(extras, { key, built })
  return built
}
