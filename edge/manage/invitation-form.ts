import { z } from 'zod'
import type { Channel, TenantSettings } from '../../shared/contract'
import { checkAddress, enabledChannels } from '../resident/address-field'
import { enrolmentEndingFields, enrolmentFields, nicknameField } from '../resident/fields'
import { biText } from '../web/bilingual'

export const invitationFields = ['nickname', 'audience', ...enrolmentEndingFields] as const

/** What the invitee typed, exactly as typed, to show back in the form. */
export type InvitationInput = Record<(typeof invitationFields)[number], string>
export type InvitationErrors = Partial<Record<keyof InvitationInput, string>>

export const invitedAudiences = ['partner', 'family'] as const

export interface InvitationAnswer {
  nickname: string
  audience: (typeof invitedAudiences)[number]
  language: string
  channel: Channel
  /** Email, E.164 phone number, or '' for LINE until the account is linked. */
  address: string
  noticeVersion: string
}

/** Invitees prove their address as registrations do: email link, SMS code or LINE linking. */
export const invitationChannels = enabledChannels

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
      error: biText('パートナーかご家族かを選んでください', 'Choose partner or family'),
    }),
    ...enrolmentFields(tenant),
  })
  const parsed = schema.safeParse(input)
  const errors: InvitationErrors = {}
  if (!parsed.success)
    for (const issue of parsed.error.issues) errors[issue.path[0] as keyof InvitationInput] ??= issue.message
  // The address is read as the chosen channel stores it; without a channel, as the first offered.
  const channel = parsed.success ? parsed.data.channel : (invitationChannels(tenant)[0] ?? 'email')
  const address = checkAddress(channel, input.address)
  if (!address.ok) errors.address = address.message
  if (!parsed.success || !address.ok) return { ok: false, errors }
  return { ok: true, value: { ...parsed.data, address: address.address } }
}
