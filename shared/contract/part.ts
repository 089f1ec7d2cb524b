import { z } from 'zod'
import { bilingual } from './messages'
import { nationalPart } from './national'
import { tenantPart } from './tenant-part'

/** Any part of a snapshot, told apart by `kind`. */
export const snapshotPart = z.discriminatedUnion('kind', [nationalPart, tenantPart], {
  error: bilingual('パートの種類は national か tenant です', 'A part kind is national or tenant'),
})
export type SnapshotPart = z.infer<typeof snapshotPart>
