import { z } from 'zod'
import type { Channel, TenantSettings } from '../../shared/contract'
import { biText } from '../web/bilingual'
import { enabledChannels } from './address-field'

/** The longest nickname: the forms' maxlength and the check below are one number. */
export const nicknameMaxLength = 20

/** What messages call the resident: short, one line, no control characters. */
export const nicknameField = z
  .string()
  .trim()
  .min(1, { error: () => biText('ニックネームを入力してください', 'Please enter a nickname') })
  .max(nicknameMaxLength, {
    error: () =>
      biText('ニックネームは{max}文字以内にしてください', 'A nickname is at most {max} characters', {
        max: nicknameMaxLength,
      }),
  })
  .regex(/^[^\p{Cc}\p{Cf}<>]*$/u, {
    error: () => biText('使えない文字が含まれています', 'It contains characters that cannot be used'),
  })

/** The fields every enrolment form ends with, in the order they are shown. */
export const enrolmentEndingFields = ['language', 'channel', 'address', 'consent', 'noticeVersion'] as const

/** Language, channel and consent: chosen alike on every form that enrols a resident. */
export function enrolmentFields(tenant: TenantSettings) {
  return {
    language: z.enum(tenant.languages.offered as [string, ...string[]], {
      error: () => biText('言語を選んでください', 'Choose a language'),
    }),
    channel: z.enum(enabledChannels(tenant) as [Channel, ...Channel[]], {
      error: () => biText('受け取り方を選んでください', 'Choose how to receive messages'),
    }),
    consent: z.literal('yes', {
      error: () =>
        biText(
          'プライバシーポリシーをお読みのうえ、同意にチェックしてください',
          'Please read the privacy notice and tick to agree',
        ),
    }),
    noticeVersion: z.literal(tenant.privacyNotice.version, {
      error: () =>
        biText(
          'プライバシーポリシーが更新されました。もう一度お読みのうえ、同意してください',
          'The privacy notice has changed: please read it again and agree',
        ),
    }),
  }
}
