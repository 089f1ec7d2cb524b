import { localDate } from '../../shared/calendar'
import type {
  StaffAssertionClaims,
  StaffMessageEntry,
  StaffMessageRequest,
  StaffMessagesPage,
  StaffReplyRequest,
} from '../../shared/contract'
import type { Env } from '../env'
import { manageToken, requireLinkSecret } from '../resident/link-tokens'
import { linkSegment } from '../shards/links'
import { residentShard } from '../shards/map'
import { findTenant } from '../snapshot/tenant'
import { consultationOf, inProgress } from './consultation'
import { staffMessagesOf } from './list'
import { type Member, membersOf, recipientsOf } from './members'
import { sendStaffDeliveries } from './send'
import { storeStaffMessage } from './store'

export type Refusal = { ok: false; status: 404 | 409 | 422; message: string }
export type Done<T> = { ok: true; value: T } | Refusal

const refusals = {
  town: { status: 404, message: 'この自治体の設定が公開されていません / This town is not published' },
  household: { status: 404, message: 'この世帯は見つかりません / No such household in this town' },
  consultation: { status: 404, message: 'この相談は見つかりません / No such consultation in this town' },
  member: {
    status: 422,
    message: '宛先がこの世帯の方ではありません / A recipient is not a member of this household',
  },
  inactive: {
    status: 409,
    message:
      '配信中の方がいないため送れません（停止・一時停止・確認待ち） / Nobody chosen is receiving messages (stopped, paused or unconfirmed)',
  },
  noHousehold: {
    status: 409,
    message:
      'この方の世帯（予定日・誕生日）が登録されていません / This resident has no household to file a reply under',
  },
} as const satisfies Record<string, Omit<Refusal, 'ok'>>

const refuse = (why: keyof typeof refusals): Refusal => ({ ok: false, ...refusals[why] })

interface Asked {
  staff: StaffAssertionClaims
  tenant: string
  /** Where residents' links point (PUBLIC_ORIGIN or the request's). */
  origin: string
  now: Date
}

/** The household's members one can write to and its staff messages, or null for no such household. */
export async function householdMessages(
  env: Env,
  tenant: string,
  household: string,
): Promise<StaffMessagesPage | null> {
  const { db } = await residentShard(env, tenant)
  const members = await membersOf(db, tenant, household)
  if (!members) return null
  return {
    members: members.map(({ id, nickname, channel, state }) => ({ id, nickname, channel, state })),
    messages: await staffMessagesOf(db, tenant, household),
  }
}

/** A note to the household's chosen members through their own channels (issue 15, item 4). */
export async function messageHousehold(
  env: Env,
  asked: Asked & { household: string; request: StaffMessageRequest },
): Promise<Done<StaffMessageEntry>> {
  const { db } = await residentShard(env, asked.tenant)
  const members = await membersOf(db, asked.tenant, asked.household)
  if (!members) return refuse('household')
  const chosen = recipientsOf(members, asked.request.to)
  if (!chosen.ok) return refuse(chosen.why === 'not-a-member' ? 'member' : 'inactive')
  return send(env, asked, { household: asked.household, members, recipients: chosen.recipients })
}

/** A reply to a consultation, to the resident who consulted, filed under their household (item 5). */
export async function replyToConsultation(
  env: Env,
  asked: Asked & { consultation: string; request: StaffReplyRequest },
): Promise<Done<StaffMessageEntry & { household: string }>> {
  const { db } = await residentShard(env, asked.tenant)
  const found = await consultationOf(db, asked.tenant, asked.consultation)
  if (!found) return refuse('consultation')
  if (!found.household) return refuse('noHousehold')
  const members = (await membersOf(db, asked.tenant, found.household)) ?? []
  const chosen = recipientsOf(members, [found.subscriberId])
  if (!chosen.ok) return refuse(chosen.why === 'not-a-member' ? 'noHousehold' : 'inactive')
  const sent = await send(env, asked, {
    household: found.household,
    members,
    recipients: chosen.recipients,
    consultation: asked.consultation,
  })
  if (!sent.ok) return sent
  await inProgress(db, asked.tenant, asked.consultation).run()
  return { ok: true, value: { ...sent.value, household: found.household } }
}

async function send(
  env: Env,
  asked: Asked & { request: StaffReplyRequest },
  to: { household: string; members: Member[]; recipients: Member[]; consultation?: string },
): Promise<Done<StaffMessageEntry>> {
  const tenant = await findTenant(env.DB, asked.tenant)
  if (!tenant) return refuse('town')
  const { shard, db } = await residentShard(env, asked.tenant)
  const secret = requireLinkSecret(env.LINK_SECRET)
  const note = {
    authorName: asked.request.authorName,
    authorRole: asked.staff.role === 'desk' ? ('desk' as const) : ('nurse' as const),
    text: asked.request.text,
  }
  const stored = await storeStaffMessage(
    db,
    {
      ...note,
      tenant: asked.tenant,
      household: to.household,
      author: asked.staff.sub,
      requestId: asked.request.requestId,
      localDate: localDate(asked.now, tenant.timeZone),
      ...(to.consultation ? { consultation: to.consultation } : {}),
    },
    to.recipients,
    asked.now,
  )
  const base = asked.origin.replace(/\/$/, '')
  const consultUrl = async (member: Member) =>
    `${base}/r/${linkSegment(shard, await manageToken(db, secret, member.id))}/consult`
  await sendStaffDeliveries(env, db, tenant, { ...stored, consultUrl }, to.members, asked.now)
  const [entry] = await staffMessagesOf(db, asked.tenant, to.household, { only: stored.id })
  return entry ? { ok: true, value: entry } : refuse('household')
}
