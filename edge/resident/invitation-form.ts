import { z } from 'zod'
import { bilingual, email, type TenantSettings } from '../../shared/contract'
import { nicknameField } from './fields'

export const invitationFields = [
  'nickname',
  'audience',
  'language',
  'channel',
  'address',
  'consent',
  'noticeVersion',
] as const

/** What the invitee typed, exactly as typed, to show back in the form. */
export type InvitationInput = Record<(typeof invitationFields)[number], string>
export type InvitationErrors = Partial<Record<keyof InvitationInput, string>>

export const invitedAudiences = ['partner', 'family'] as const

export interface InvitationAnswer {
  nickname: string
  audience: (typeof invitedAudiences)[number]
  language: string
  channel: 'email'
  address: string
  noticeVersion: string
}

/** Invitees confirm by an emailed link, as registrations do. */
export function invitationChannels(tenant: TenantSettings): 'email'[] {
  return tenant.channels.email ? ['email'] : []
}

export function readInvitationInput(form: Record<string, unknown>): InvitationInput {
  const text = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '')
  return Object.fromEntries(invitationFields.map((f) => [f, text(f)])) as InvitationInput
}

export function checkInvitation(
  input: InvitationInput,
  tenant: TenantSettings,
): { ok: true; value: InvitationAnswer } | { ok: false; errors: InvitationErrors } {
  const schema = z.object({
    nickname: nicknameField,
    audience: z.enum(invitedAudiences, {
      error: bilingual('パートナーかご家族かを選んでください', 'Choose partner or family'),
    }),
    language: z.enum(tenant.languages.offered as [string, ...string[]], {
      error: bilingual('言語を選んでください', 'Choose a language'),
    }),
    channel: z.enum(invitationChannels(tenant) as ['email'], {
      error: bilingual('受け取り方を選んでください', 'Choose how to receive messages'),
    }),
    address: z
      .string()
      .trim()
      .max(254, bilingual('メールアドレスが長すぎます', 'That email address is too long'))
      .pipe(email),
    consent: z.literal('yes', {
      error: bilingual(
        'プライバシーポリシーをお読みのうえ、同意にチェックしてください',
        'Please read the privacy notice and tick to agree',
      ),
    }),
    noticeVersion: z.literal(tenant.privacyNotice.version, {
      error: bilingual(
        'プライバシーポリシーが更新されました。もう一度お読みのうえ、同意してください',
        'The privacy notice has changed: please read it again and agree',
      ),
    }),
  })
  const parsed = schema.safeParse(input)
  if (parsed.success) return { ok: true, value: parsed.data }
  const errors: InvitationErrors = {}
  for (const issue of parsed.error.issues) errors[issue.path[0] as keyof InvitationInput] ??= issue.message
  return { ok: false, errors }
}
