import { indexMessages, programOf, selectMessage } from '../../shared/compose'
import type { Audience, LocalSupportEntry, Survey } from '../../shared/contract'
import { describeSlot, type Program, standardProgram } from '../../shared/program'
import type { LoadedSnapshot } from '../snapshot/read'

/** What a reader gets for a slot: the subject and topics of the message the delivery would choose. */
export interface Wording {
  subject: string | null
  topics: string[]
}

/**
 * The active snapshot as the family's page and guide read it for one town: the message for a slot
 * chosen exactly as a delivery chooses it (shared/compose selectMessage), the town's program, its
 * local entries and its surveys (the town's first, then the national ones).
 */
export interface TownContent {
  manifestId: string | null
  program: Program
  fallbackLanguages: readonly string[]
  localEntries: readonly LocalSupportEntry[]
  surveys: Survey[]
  wordingOf(slot: string, audience: Audience, language: string): Wording
  /** 妊娠28週0日 / 28w0d */
  slotLabel(slot: string): string
}

export function townContent(snapshot: LoadedSnapshot | null, tenant: string): TownContent {
  const part = snapshot?.tenants.get(tenant)
  const program = part ? programOf(part.tenant) : standardProgram
  const fallbackLanguages = part?.tenant.languages.fallback ?? ['ja']
  const index = snapshot ? indexMessages(snapshot.national) : new Map()
  return {
    manifestId: snapshot?.manifest.id ?? null,
    program,
    fallbackLanguages,
    localEntries: part?.localEntries ?? [],
    surveys: [...(part?.surveys ?? []), ...(snapshot?.national.surveys ?? [])],
    wordingOf(slot, audience, language) {
      const chosen = selectMessage(index, slot, audience, language, fallbackLanguages)
      return chosen.found
        ? { subject: chosen.message.subject, topics: chosen.message.topics }
        : { subject: null, topics: [] }
    },
    slotLabel: (slot) => `${describeSlot(slot, 'ja', program)} / ${describeSlot(slot, 'en', program)}`,
  }
}
