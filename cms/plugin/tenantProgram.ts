import type { PayloadRequest } from 'payload'
import type { Program } from '../../shared/program'
import type { ResolvedOptions } from './types'

const idOf = (value: unknown) => (value && typeof value === 'object' ? (value as { id: unknown }).id : value)

/** The program the document's tenant chose; the first configured program for national documents. */
export const tenantProgram =
  ({ programs, slugs }: ResolvedOptions) =>
  async (data: Record<string, unknown>, req: PayloadRequest): Promise<Program> => {
    const fallback = Object.values(programs)[0]!
    const tenantId = idOf(data.tenant)
    if (!tenantId) return fallback
    const tenant = await req.payload.findByID({
      collection: slugs.tenants,
      id: tenantId as number | string,
      depth: 0,
      req,
      overrideAccess: true,
      disableErrors: true,
      select: { program: true },
    })
    return programs[String((tenant as { program?: string } | null)?.program)] ?? fallback
  }
