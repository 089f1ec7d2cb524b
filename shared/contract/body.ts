import { z } from 'zod'
import { bilingual } from './messages'

// The portable form of a message body: a small AST that shared/ renders to HTML, plain text
// and short text. Never Lexical JSON: the edge must not depend on the CMS's editor.

/** Values filled in at composition time, per resident and tenant. */
export const placeholderNames = [
  'nickname', // the resident's nickname
  'tenantName', // the municipality's display name
  'deskName', // the consultation desk's name
  'deskPhone', // the consultation desk's phone
  'deskHours', // the consultation desk's hours
  'consultUrl', // signed link to the consultation form
  'selfServiceUrl', // signed link to the resident's settings
  'messageUrl', // link to this message's page
  'pregnancyWeekLabel', // e.g. 妊娠28週0日
  'childAgeLabel', // e.g. 生後30日, 1歳6か月
] as const
export const placeholderName = z.enum(placeholderNames)
export type PlaceholderName = z.infer<typeof placeholderName>

export type Inline =
  | { t: 'text'; v: string }
  | { t: 'strong'; c: Inline[] }
  | { t: 'link'; href: string; c: Inline[] }
  | { t: 'ph'; name: PlaceholderName }
  | { t: 'ruby'; base: string; reading: string }

// A reading over a short word (ふりがな): plain text only, so it shows the same as ruby in HTML and
// as 漢字（かんじ） in SMS, and never hides a placeholder or another reading.
const rubyText = (max: number, ja: string, en: string) =>
  z
    .string()
    .min(1, bilingual(`ルビの${ja}が空です`, `A ruby ${en} is empty`))
    .max(max, bilingual(`ルビの${ja}は${max}文字までです`, `A ruby ${en} can be at most ${max} characters`))
    .regex(
      /^[^{}|\n\r]+$/,
      bilingual(
        `ルビの${ja}に { } | や改行は使えません`,
        `A ruby ${en} cannot contain { } | or a line break`,
      ),
    )

export const rubyBaseMax = 20
export const rubyReadingMax = 40

export const inline: z.ZodType<Inline> = z.lazy(() =>
  z.discriminatedUnion('t', [
    z.object({ t: z.literal('text'), v: z.string().min(1) }),
    z.object({ t: z.literal('strong'), c: z.array(inline).min(1) }),
    z.object({
      t: z.literal('link'),
      href: z
        .string()
        .regex(
          /^(https:\/\/|tel:|mailto:|\{\{[a-zA-Z]+\}\})/,
          bilingual(
            'リンクは https:・tel:・mailto: で始めてください',
            'A link must start with https:, tel: or mailto:',
          ),
        ),
      c: z.array(inline).min(1),
    }),
    z.object({ t: z.literal('ph'), name: placeholderName }),
    z.object({
      t: z.literal('ruby'),
      base: rubyText(rubyBaseMax, '漢字', 'base'),
      reading: rubyText(rubyReadingMax, '読み', 'reading'),
    }),
  ]),
)

export const block = z.discriminatedUnion('t', [
  z.object({ t: z.literal('p'), c: z.array(inline).min(1) }),
  z.object({ t: z.literal('h'), c: z.array(inline).min(1) }),
  z.object({ t: z.literal('ul'), items: z.array(z.array(inline).min(1)).min(1) }),
])
export type Block = z.infer<typeof block>

export const portableBody = z.object({
  v: z.literal(1),
  blocks: z.array(block).min(1, '本文が空です / The body is empty'),
})
export type PortableBody = z.infer<typeof portableBody>
