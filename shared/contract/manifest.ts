import { z } from 'zod'
import { bilingual } from './messages'
import { hashHex, instant, tenantSlug } from './primitives'
import { contractVersionField } from './version'

const partSize = z.int().min(1)

/** A part as the manifest names it: by content hash, never by content. */
export const partRef = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('national'), hash: hashHex, size: partSize }),
  z.object({ kind: z.literal('tenant'), hash: hashHex, size: partSize, tenant: tenantSlug }),
])
export type PartRef = z.infer<typeof partRef>

export const manifestId = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/,
    bilingual(
      'マニフェストIDは英数字・_・- の64文字以内です',
      'A manifest id is up to 64 letters, digits, _ or -',
    ),
  )

/** An immutable snapshot: exactly one national part and at most one part per tenant. */
export const manifest = z
  .object({
    id: manifestId,
    contractVersion: contractVersionField,
    createdAt: instant,
    parts: z.array(partRef).min(1),
  })
  .superRefine((value, ctx) => {
    const nationals = value.parts.filter((part) => part.kind === 'national').length
    if (nationals !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['parts'],
        message: bilingual(
          `全国パートはちょうど1つ必要です（${nationals}個あります）`,
          `Exactly one national part is required (found ${nationals})`,
        ),
      })
    }
    const tenants = new Set<string>()
    value.parts.forEach((part, index) => {
      if (part.kind !== 'tenant') return
      if (tenants.has(part.tenant)) {
        ctx.addIssue({
          code: 'custom',
          path: ['parts', index, 'tenant'],
          message: bilingual(
            `自治体 ${part.tenant} のパートが2つあります`,
            `Two parts for tenant ${part.tenant}`,
          ),
        })
      }
      tenants.add(part.tenant)
    })
  })
export type Manifest = z.infer<typeof manifest>
