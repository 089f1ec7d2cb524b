import { z } from 'zod'

// A tenant follows the standard program or its own. The custom form will be validated by the
// engine's `programSchema` (shared/program) once it exists; until then it is accepted as an object
// and must not be relied upon.
export const tenantProgram = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('standard') }),
  z.object({ kind: z.literal('custom'), program: z.record(z.string(), z.unknown()) }),
])
export type TenantProgram = z.infer<typeof tenantProgram>
