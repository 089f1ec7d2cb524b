import { z } from 'zod'
import { announcement } from './announcement'
import { localSupportEntry } from './local-entry'
import { survey } from './survey'
import { task } from './task'
import { tenantSettings } from './tenant'
import { contractVersionField } from './version'

/** What one municipality publishes: its settings, local entries, surveys and approved announcements. */
export const tenantPart = z.object({
  kind: z.literal('tenant'),
  contractVersion: contractVersionField,
  tenant: tenantSettings,
  localEntries: z.array(localSupportEntry),
  surveys: z.array(survey).default([]),
  announcements: z.array(announcement).default([]),
  // Added within contract version 1: the town's own tasks.
  tasks: z.array(task).default([]),
})
export type TenantPart = z.infer<typeof tenantPart>
