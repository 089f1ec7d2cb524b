import { z } from 'zod'
import { bilingual } from './messages'
import { audience, channel, tenantSlug } from './primitives'
import { contractVersionField } from './version'

/**
 * The staff API: the CMS asks the Worker, server-side, for a town's households, presenting a JWT
 * it signed (ES256) with these claims; the Worker holds only the public key.
 */
export const staffApiAudience = 'yorisoi-staff-api'
export const staffApiIssuer = 'yorisoi-cms'
/** The longest an assertion may live (exp − iat), in seconds. */
export const staffAssertionMaxSeconds = 120

/**
 * nurse (保健師) and desk read their towns' households; privacy-officer (個人情報保護の担当) reads
 * their towns' access log and no household. The system admin holds none of these.
 */
export const staffRole = z.enum(['nurse', 'desk', 'privacy-officer'])
export type StaffRole = z.infer<typeof staffRole>

export const staffAssertionClaims = z
  .object({
    /** The contract the CMS speaks: an assertion for another version is refused (401). */
    contractVersion: contractVersionField,
    sub: z.string().min(1).max(64),
    role: staffRole,
    tenants: z.array(tenantSlug).min(1).max(50),
    iat: z.number().int(),
    exp: z.number().int(),
  })
  .refine((c) => c.exp > c.iat && c.exp - c.iat <= staffAssertionMaxSeconds, {
    message: bilingual('署名の有効期間は2分以内にしてください', 'An assertion lives 2 minutes at most'),
  })
export type StaffAssertionClaims = z.infer<typeof staffAssertionClaims>

/** Why staff read, recorded in the access log: a code, never free text (it could name someone). */
export const staffReadReason = z.enum(['routine', 'interview', 'consultation', 'follow-up', 'disclosure'])
export type StaffReadReason = z.infer<typeof staffReadReason>

/** pregnancy: no birth yet; child: born; loss: a loss reported; ended: the timeline closed. */
export const householdStage = z.enum(['pregnancy', 'child', 'loss', 'ended'])
export type HouseholdStage = z.infer<typeof householdStage>

export const familiesQuery = z.object({
  tenant: tenantSlug,
  stage: householdStage.optional(),
  cursor: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  reason: staffReadReason.default('routine'),
})

export const householdQuery = z.object({ tenant: tenantSlug, reason: staffReadReason.default('routine') })

export const accessLogQuery = z.object({
  tenant: tenantSlug,
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
})

const subscriberState = z.enum(['pending', 'active', 'paused', 'stopped'])

/** Where a household is, in the units staff count in: 妊娠n週・nか月 or 生後n日・月齢. */
export const stageLabel = z.object({ stage: householdStage, label: z.string() })

export const familySummary = z.object({
  household: z.string(),
  stage: stageLabel,
  members: z.array(z.object({ nickname: z.string(), audience, channel, state: subscriberState })),
  registeredOn: z.string(),
})
export const familiesPage = z.object({ families: z.array(familySummary), next: z.string().nullable() })
export type FamiliesPage = z.infer<typeof familiesPage>

/** Every staff read and action, as the access log names it. */
export const staffAction = z.enum([
  'list-families',
  'export-families',
  'read-household',
  'assign-nurse',
  'read-nurse-load',
  'set-reference',
  'message-household',
  'list-consultations',
  'update-consultation',
  'reply-consultation',
  'mark-interview',
  'start-registration',
  'export-disclosure',
  'read-access-log',
  'export-access-log',
  'role-change',
  'read-notices',
  'preview-announcement',
  'read-announcements',
  'cancel-announcement',
  'mark-task-done',
  'read-task-counts',
])
export type StaffAction = z.infer<typeof staffAction>
/** The role a log row was written in: a staff role, or `admin` for a role change an admin made. */
export const logRole = z.union([staffRole, z.literal('admin')])
export type LogRole = z.infer<typeof logRole>
export const accessLogEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  staffUser: z.string(),
  role: logRole,
  action: staffAction,
  household: z.string().nullable(),
  filter: z.string().nullable(),
  count: z.number().int(),
  reason: staffReadReason.nullable(),
})
export const accessLogPage = z.object({ entries: z.array(accessLogEntry), next: z.number().int().nullable() })
export type AccessLogPage = z.infer<typeof accessLogPage>
