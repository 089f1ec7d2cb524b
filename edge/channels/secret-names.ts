import { z } from 'zod'
import { bilingual } from '../../shared/contract'

// Every tenant secret the edge reads, with the shape its value must have. A value is checked when
// an operator stores it, so a key pasted under the wrong name fails then, not at the first send.

const token = (ja: string, en: string) =>
  z.string().regex(/^\S+$/, bilingual(`${ja}は空白を含まない文字列です`, `${en} is a text without spaces`))

const json = <S extends z.ZodType>(shape: S) =>
  z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown
      } catch {
        ctx.addIssue({ code: 'custom', message: bilingual('JSON として読めません', 'Not readable as JSON') })
        return z.NEVER
      }
    })
    .pipe(shape)
    // Stored canonical: unknown fields dropped.
    .transform((value) => JSON.stringify(value))

const nonEmpty = z.string().min(1, bilingual('空にはできません', 'Must not be empty'))

export const tenantSecretValues = {
  'resend.apiKey': z
    .string()
    .regex(
      /^re_\S+$/,
      bilingual('Resend の API キーは re_ で始まります', 'A Resend API key starts with re_'),
    ),
  'resend.webhookSecret': z
    .string()
    .regex(
      /^whsec_[A-Za-z0-9+/]+=*$/,
      bilingual(
        'Resend の署名シークレットは whsec_ で始まります',
        'A Resend signing secret starts with whsec_',
      ),
    ),
  'line.channelAccessToken': token('LINE のチャネルアクセストークン', 'A LINE channel access token'),
  'line.channelSecret': z
    .string()
    .regex(
      /^[0-9a-f]{32}$/,
      bilingual('LINE のチャネルシークレットは16進32文字です', 'A LINE channel secret is 32 hex digits'),
    ),
  'twilio.credentials': json(
    z.object({
      accountSid: z
        .string()
        .regex(
          /^AC[0-9a-f]{32}$/,
          bilingual('accountSid は AC と16進32文字です', 'accountSid is AC and 32 hex digits'),
        ),
      authToken: nonEmpty,
      from: z
        .string()
        .regex(
          /^(\+[1-9]\d{6,14}|[A-Za-z0-9 ]{1,11})$/,
          bilingual(
            'from は E.164 の番号か11文字以内の送信者名です',
            'from is an E.164 number or a sender id of at most 11 characters',
          ),
        ),
    }),
  ),
  'karaden.credentials': json(
    z.object({
      tenantId: nonEmpty,
      token: nonEmpty,
      serviceId: z
        .number()
        .int()
        .positive(bilingual('serviceId は正の整数です', 'serviceId is a positive integer')),
    }),
  ),
  'karaden.callbackToken': z
    .string()
    .regex(
      /^[A-Za-z0-9_-]{24,}$/,
      bilingual(
        'コールバックトークンは英数字・_・- で24文字以上です',
        'A callback token is at least 24 letters, digits, _ or -',
      ),
    ),
} as const

export type TenantSecretName = keyof typeof tenantSecretValues
export const tenantSecretNames = Object.keys(tenantSecretValues) as TenantSecretName[]

export const tenantSecretName = z.enum(tenantSecretNames as [TenantSecretName, ...TenantSecretName[]], {
  error: bilingual(
    `不明なシークレット名です（${tenantSecretNames.join('、')}）`,
    `Unknown secret name (${tenantSecretNames.join(', ')})`,
  ),
})

/** PUT body: the value in clear, as a text (the JSON ones as JSON text). */
export const tenantSecretBody = z.object({ value: z.string() })

/** POST /ingest/tenants/secrets/rotate body: where the page starts (the previous answer's `next`). */
export const rotationBody = z.object({
  after: z.object({ tenant: z.string().min(1), name: z.string().min(1) }).optional(),
})
