import { z } from 'zod'
import { bilingual } from './messages'
import { audience, channel, civilDate, instant, tenantSlug } from './primitives'

/**
 * The workspace's notices, counter registration, disclosure request (開示請求) and the access log's
 * own duties (export, role changes), as the CMS and the Worker's staff API speak them.
 */

/** A staff route that names only the town it acts for. */
export const townQuery = z.object({ tenant: tenantSlug })

/** A loss reported by a household in the last 30 days that no staff member has opened since. */
export const staffNotice = z.object({
  kind: z.literal('loss'),
  household: z.string(),
  reportedOn: z.string(),
  /** The assigned nurse's CMS user id, when the household has one. */
  nurseUser: z.string().nullable(),
})
export type StaffNotice = z.infer<typeof staffNotice>
export const staffNoticesPage = z.object({ notices: z.array(staffNotice) })
export type StaffNoticesPage = z.infer<typeof staffNoticesPage>

/** How many days a loss report stays among the notices while nobody opens the household. */
export const lossNoticeDays = 30

/**
 * A registration staff start at the counter (the pregnancy-notification interview): the resident
 * confirms it on their own phone, and only then is their consent recorded.
 */
export const counterRegistrationRequest = z.object({
  nickname: z.string().trim().min(1).max(40),
  audience,
  language: z.string().min(2).max(10),
  channel,
  address: z.string().trim().min(1).max(254),
  stage: z.enum(['due', 'birth'], {
    error: bilingual('予定日か誕生日かを選んでください', 'Choose a due date or a birth date'),
  }),
  date: civilDate,
})
export type CounterRegistrationRequest = z.infer<typeof counterRegistrationRequest>

/** `sent`: the confirmation went to the resident's phone; `unsent`: it did not (try again). */
export const counterRegistrationAnswer = z.object({
  outcome: z.enum(['sent', 'unsent']),
  channel,
})
export type CounterRegistrationAnswer = z.infer<typeof counterRegistrationAnswer>

/** One resident (a subscriber id) or one household (a timeline id), never both. */
export const disclosureQuery = z
  .object({
    tenant: tenantSlug,
    subscriber: z.string().min(1).max(64).optional(),
    household: z.string().min(1).max(64).optional(),
  })
  .refine((q) => (q.subscriber === undefined) !== (q.household === undefined), {
    message: bilingual(
      '住民ID か 世帯ID のどちらか一つを指定してください',
      'Give either a subscriber id or a household id',
    ),
  })
export type DisclosureQuery = z.infer<typeof disclosureQuery>

/** Everything held at the edge on the resident (or household): every row of every table, as stored. */
export const disclosure = z.object({
  tenant: tenantSlug,
  subject: z.object({ subscribers: z.array(z.string()), households: z.array(z.string()) }),
  generatedAt: z.string(),
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
})
export type Disclosure = z.infer<typeof disclosure>

const roleCode = z.string().regex(/^[a-z-]{1,40}$/)
const heldRoles = z.object({ roles: z.array(roleCode).max(20), tenants: z.array(tenantSlug).max(50) })

/**
 * A change of a CMS user's roles or towns (the users afterChange hook, POST
 * /ingest/staff-role-changes): each town before or after gets a row in its access log.
 */
export const staffRoleChange = z.object({
  /** The CMS user who made the change (an admin), and the one changed. */
  actor: z.string().min(1).max(64),
  user: z.string().min(1).max(64),
  before: heldRoles,
  after: heldRoles,
  at: instant,
})
export type StaffRoleChange = z.infer<typeof staffRoleChange>
export const staffRoleChangeAnswer = z.object({ logged: z.array(tenantSlug) })
export type StaffRoleChangeAnswer = z.infer<typeof staffRoleChangeAnswer>
