import { indexMessages, type MessageIndex, programOf } from '../../shared/compose'
import type { Survey, Task, TenantPart } from '../../shared/contract'
import type { Program } from '../../shared/program'
import type { DeliveryBatch } from '../queues'
import type { LoadedSnapshot } from '../snapshot/read'
import { surveysOf } from '../surveys/offer'
import { tasksOf } from '../tasks/offer'

/** What every step of a batch reads: the tenant, the day, its program and the run's content. */
export interface BatchDay {
  tenant: TenantPart
  /** The batch's local date. */
  date: string
  program: Program
  index: MessageIndex
  surveys: Survey[]
  tasks: Task[]
}

/** The batch's day under the snapshot of its manifest (the one active when the run started). */
export function batchDay(snapshot: LoadedSnapshot, batch: DeliveryBatch): BatchDay {
  const tenant = snapshot.tenants.get(batch.tenant)
  if (!tenant) throw new Error(`tenant ${batch.tenant} is not in manifest ${snapshot.manifest.id}`)
  return {
    tenant,
    date: batch.localDate,
    program: programOf(tenant.tenant),
    index: indexMessages(snapshot.national),
    surveys: surveysOf(tenant, snapshot.national),
    tasks: tasksOf(tenant, snapshot.national),
  }
}
