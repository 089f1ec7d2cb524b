import { z } from 'zod'
import { bilingual, type Channel, type TenantSettings } from '../../shared/contract'
import { enabledChannels } from './address-field'

/** The longest nickname: the forms' maxlength and the check below are one number. */
export const nicknameMaxLength = 20

/** What messages call the resident: short, one line, no control characters. */
export const nicknameField = z
  .string()
  .trim()
  .min(1, bilingual('ニックネームを入力してください', 'Please enter a nickname'))
  .max(
    nicknameMaxLength,
    bilingual(
      `ニックネームは${nicknameMaxLength}文字以内にしてください`,
      `A nickname is at most ${nicknameMaxLength} characters`,
    ),
  )
  .regex(
    /^[^\p{Cc}\p{Cf}<>]*$/u,
    bilingual('使えない文字が含まれています', 'It contains characters that cannot be used'),
  )

/** The fields every enrolment form ends with, in the order they are shown. */
export const enrolmentEndingFields = ['language', 'channel', 'address', 'consent', 'noticeVersion'] as const

/** Language, channel and consent: chosen alike on every form that enrols a resident. */
export function enrolmentFields(tenant: TenantSettings) {
  return {
    language: z.enum(tenant.languages.offered as [string, ...string[]], {
      error: bilingual('言語を選んでください', 'Choose a language'),
    }),
    channel: z.enum(enabledChannels(tenant) as [Channel, ...Channel[]], {
      error: bilingual('受け取り方を選んでください', 'Choose how to receive messages'),
    }),
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
  }
}
