import { z } from 'zod'
import { programSchema } from '../program'

// A tenant follows the standard program or its own, validated by the engine. A tenant's
// overrides are resolved in the CMS (withOverrides) before publishing, so the edge always gets a
// whole program.
export const tenantProgram = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('standard') }),
  z.object({ kind: z.literal('custom'), program: programSchema }),
])
export type TenantProgram = z.infer<typeof tenantProgram>
