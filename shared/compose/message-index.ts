import type { Audience, MessageVersion, NationalPart } from '../contract'

/** Approved messages by slot × audience × language: one Map lookup per try. */
export type MessageIndex = ReadonlyMap<string, MessageVersion>

export function messageKey(slot: string, audience: Audience, language: string): string {
  return `${slot}|${audience}|${language}`
}

const built = new WeakMap<NationalPart, MessageIndex>()

/**
 * The index of a national part, built once per part object: the edge composes a million
 * deliveries a day from one snapshot, so nothing scans the messages array per delivery.
 */
export function indexMessages(national: NationalPart): MessageIndex {
  let index = built.get(national)
  if (!index) {
    const map = new Map<string, MessageVersion>()
    for (const message of national.messages) {
      map.set(messageKey(message.slot, message.audience, message.language), message)
    }
    index = map
    built.set(national, index)
  }
  return index
}
