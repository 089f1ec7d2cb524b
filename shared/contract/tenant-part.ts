import { z } from 'zod'
import { localSupportEntry } from './local-entry'
import { survey } from './survey'
import { tenantSettings } from './tenant'
import { contractVersionField } from './version'

/** What one municipality publishes: its settings, local entries and surveys. */
export const tenantPart = z.object({
  kind: z.literal('tenant'),
  contractVersion: contractVersionField,
  tenant: tenantSettings,
  localEntries: z.array(localSupportEntry),
  surveys: z.array(survey).default([]),
})
export type TenantPart = z.infer<typeof tenantPart>
